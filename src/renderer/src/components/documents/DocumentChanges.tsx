import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { DocumentQuote } from './DocumentQuote';

/** The few changes to the document that matter most, each with the sentences it is about. */
export function DocumentChanges({ audit }: { audit: DocumentAudit }) {
  if (!audit.gradable) return null;
  return (
    <section className="panel" aria-labelledby="doc-changes-title" data-testid="document-changes">
      <h2 id="doc-changes-title">Top changes to the document</h2>
      {audit.changes.length === 0 ? (
        <p className="muted">No change stands out: the document already follows the layers.</p>
      ) : (
        <ol className="doc-changes">
          {audit.changes.map((c) => (
            <li key={c.id} data-testid="document-change">
              <strong>{c.title}</strong>
              <p>{c.detail}</p>
              {c.evidence.map((q) => (
                <DocumentQuote key={q.sentenceIndex} quote={q} />
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
