import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { DocumentQuote } from './DocumentQuote';
import { uniqueQuotes } from '../../../../core/report/model';

/** The four constraints of the lesson's timed exercise, met or not, with the sentences behind each. */
export function ConstraintsList({ constraints }: { constraints: NonNullable<DocumentAudit['constraints']> }) {
  const all = Object.values(constraints);
  return (
    <section className="panel" aria-labelledby="doc-constraints-title" data-testid="document-constraints">
      <h2 id="doc-constraints-title">
        Practice constraints <span className="muted small">{all.filter((c) => c.met).length} of 4 met</span>
      </h2>
      <ul className="constraints">
        {all.map((c) => (
          <li key={c.key} className={c.met ? 'met' : 'unmet'} data-testid={`constraint-${c.key}`}>
            <span className="mark" aria-hidden="true">
              {c.met ? '✓' : '✗'}
            </span>
            <span>
              <strong>{c.title}</strong> — {c.met ? 'met' : 'not met'}. <span className="muted">{c.detail}</span>
              {uniqueQuotes(c.evidence)
                .slice(0, 2)
                .map((q) => (
                  <DocumentQuote key={q.sentenceIndex} quote={q} />
                ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
