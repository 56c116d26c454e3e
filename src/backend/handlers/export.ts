import { summarize } from '../../shared/session-document';
import type { ExportService } from '../services/export/export-service';

/** Handlers of the `export.*` channels; inputs arrive parsed by the contract. */
export function exportHandlers(service: ExportService) {
  return {
    capabilities: async () => service.capabilities(),
    candidates: async ({ sessionId }: { sessionId: string }) => ({ candidates: await service.candidates(sessionId) }),
    render: async (request: Parameters<ExportService['render']>[0]) => {
      const r = await service.render(request);
      return {
        fileName: r.fileName,
        mimeType: r.mimeType,
        bytes: r.bytes,
        placeholders: r.placeholders,
        redacted: r.redacted,
      };
    },
    save: async (request: Parameters<ExportService['save']>[0]) => service.save(request),
    confirmOverwrite: async ({ token }: { token: string }) => {
      const outcome = await service.confirmOverwrite(token);
      if (outcome.status !== 'saved') throw new Error('confirmOverwrite always saves');
      return outcome;
    },
    importJson: async ({ json }: { json: string }) => {
      const outcome = await service.importJson(json);
      return { id: outcome.id, status: outcome.status, session: summarize(outcome.document) };
    },
  };
}
