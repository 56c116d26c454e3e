import { TIER_NAMES } from '../../../../core/results/panels';
import type { DocumentAudit } from '../../../../core/document/audit-schema';

const FORMAT_NAMES: Record<DocumentAudit['format'], string> = {
  markdown: 'Markdown',
  text: 'Plain text',
  html: 'HTML',
  docx: 'Word (.docx)',
};

/**
 * The document's title and its tier, or "Not graded" with the reason and what to do instead:
 * a document that is not an incident postmortem gets no tier, however its words happen to fall.
 */
export function AuditSummary({ audit, fileName }: { audit: DocumentAudit; fileName: string }) {
  return (
    <header className="panel doc-summary" data-testid="audit-summary">
      <div className="doc-summary-head">
        <div>
          <h2 data-testid="audit-title">{audit.title ?? fileName}</h2>
          <p className="muted small">
            {fileName} · {FORMAT_NAMES[audit.format]} · {audit.words.toLocaleString('en')} words in{' '}
            {audit.sentences.length} sentences
          </p>
        </div>
        {audit.gradable && audit.tier ? (
          <span className={`tier-badge tier-${audit.tier}`} data-testid="audit-tier">
            {TIER_NAMES[audit.tier]} tier
          </span>
        ) : (
          <span className="tier-badge" data-testid="audit-tier">
            Not graded
          </span>
        )}
      </div>
      {!audit.gradable && audit.reason && (
        <div className="doc-not-graded" data-testid="not-graded">
          <p>
            <strong>{audit.reason.message}</strong>
          </p>
          <p>{audit.reason.next}</p>
        </div>
      )}
    </header>
  );
}
