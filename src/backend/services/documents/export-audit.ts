/**
 * Exports of a document audit (Markdown, HTML, PDF, JSON) with the same redaction as take
 * exports: one plan of placeholders for the whole audit, applied before rendering, and nothing
 * written if a listed name would still appear.
 */
import type { DocumentAudit } from '../../../core/document/audit-schema';
import { DocumentAuditSchema } from '../../../core/document/audit-schema';
import { renderAuditHtml } from '../../../core/document/audit-html';
import { renderAuditMarkdown } from '../../../core/document/audit-markdown';
import { slug } from '../../../core/report/format';
import type { RedactionName } from '../../../core/report/redact';
import { documentText, redactDocument } from '../../../core/report/redact-document';
import { CoachError } from '../../../shared/coach-error';
import type { PdfRenderer } from '../export/ports';
import { placeholdersIn, planNames, refuseLeaks, type Placeholder } from '../export/redaction-plan';
import { FORMAT_INFO } from '../export/render-export';

export type AuditExportFormat = 'md' | 'html' | 'pdf' | 'json';

export interface RenderedAudit {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
  placeholders: Placeholder[];
  redacted: boolean;
}

/** The prose of an audit, in reading order: what redaction plans over and checks. */
function auditProse(audit: DocumentAudit): string {
  return documentText({ title: audit.title, sentences: audit.sentences });
}

function redacted(audit: DocumentAudit, names: readonly RedactionName[], prose: string) {
  const redactor = planNames(names, prose);
  if (!redactor) return { audit, redactor };
  const parsed = DocumentAuditSchema.safeParse(redactDocument(audit, redactor));
  if (!parsed.success) throw new CoachError('internal', 'Redaction broke the audit; nothing was exported.');
  return { audit: parsed.data, redactor };
}

export async function renderAuditExport(
  original: DocumentAudit,
  format: AuditExportFormat,
  names: readonly RedactionName[],
  deps: { pdf: PdfRenderer | null; generator: string },
): Promise<RenderedAudit> {
  const prose = auditProse(original);
  const { audit, redactor } = redacted(original, names, prose);
  const placeholders = redactor ? placeholdersIn(redactor, prose) : [];
  const note = redactor
    ? `Names were replaced by placeholders (${
        placeholders
          .filter((p) => p.used)
          .map((p) => p.placeholder)
          .join(', ') || 'none found'
      }).`
    : undefined;
  const text =
    format === 'json'
      ? `${JSON.stringify(audit, null, 2)}\n`
      : format === 'md'
        ? renderAuditMarkdown(audit)
        : renderAuditHtml(audit, { generator: deps.generator, ...(note ? { note } : {}) });
  refuseLeaks(redactor, text);
  let bytes: Uint8Array<ArrayBuffer>;
  if (format === 'pdf') {
    if (!deps.pdf) throw new CoachError('unsupported', 'PDF export is not available in this shell.');
    bytes = await deps.pdf.render(text);
  } else bytes = new TextEncoder().encode(text);
  return {
    fileName: `${slug(audit.title ?? 'postmortem', 'postmortem')}-audit.${FORMAT_INFO[format].extension}`,
    mimeType: FORMAT_INFO[format].mimeType,
    bytes,
    placeholders,
    redacted: redactor !== null,
  };
}
