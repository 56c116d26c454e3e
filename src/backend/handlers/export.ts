import type { HandlersFor } from '../../shared/contract';
import { summarize } from '../../shared/session-document';
import type { ExportService } from '../services/export/export-service';

/** Handlers of the `export.*` channels; inputs arrive parsed by the contract. */
export function exportHandlers(service: ExportService): HandlersFor<'export.'> {
  return {
    'export.capabilities': async () => service.capabilities(),
    'export.candidates': async ({ sessionId }) => ({ candidates: await service.candidates(sessionId) }),
    'export.render': async (request) => {
      const r = await service.render(request);
      return {
        fileName: r.fileName,
        mimeType: r.mimeType,
        bytes: r.bytes,
        placeholders: r.placeholders,
        redacted: r.redacted,
      };
    },
    'export.save': async (request) => service.save(request),
    'export.confirmOverwrite': async ({ token }) => {
      const outcome = await service.confirmOverwrite(token);
      if (outcome.status !== 'saved') throw new Error('confirmOverwrite always saves');
      return outcome;
    },
    'export.importJson': async ({ json }) => {
      const outcome = await service.importJson(json);
      return { id: outcome.id, status: outcome.status, session: summarize(outcome.document) };
    },
  };
}
