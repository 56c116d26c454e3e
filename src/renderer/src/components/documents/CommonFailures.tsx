import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { DocumentQuote } from './DocumentQuote';

/** The lesson's five common failures; only those found are listed, each with its evidence. */
export function CommonFailures({ failures }: { failures: NonNullable<DocumentAudit['commonFailures']> }) {
  const found = Object.values(failures).filter((f) => f.detected);
  return (
    <section className="panel" aria-labelledby="doc-failures-title" data-testid="document-failures">
      <h2 id="doc-failures-title">Common failures</h2>
      {found.length === 0 ? (
        <p className="muted">None of the lesson’s five common failures was found.</p>
      ) : (
        <ul className="failures">
          {found.map((f) => (
            <li key={f.key}>
              <strong>✗ {f.title}</strong> <span className="muted">{f.detail}</span>
              {f.evidence[0] && <DocumentQuote quote={f.evidence[0]} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
