import type { Analysis } from '../../../../core/analysis/types';
import { QuoteButton } from './QuoteButton';

/** The four practice constraints, folded behind how many are met. */
export function ConstraintsFoldout({ constraints }: { constraints: Analysis['constraints'] }) {
  return (
    <details className="rubric-more">
      <summary>Practice constraints: {Object.values(constraints).filter((c) => c.met).length} of 4 met</summary>
      <ul className="constraints" data-testid="constraints">
        {Object.values(constraints).map((c) => (
          <li key={c.key} className={c.met ? 'met' : 'unmet'}>
            <span className="mark" aria-hidden="true">
              {c.met ? '✓' : '✗'}
            </span>
            <span>
              <strong>{c.title}</strong> — {c.met ? 'met' : 'not met'}. <span className="muted">{c.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The lesson's common failures found in the answer, folded behind how many. */
export function FailuresFoldout({ commonFailures }: { commonFailures: Analysis['commonFailures'] }) {
  const found = Object.values(commonFailures).filter((f) => f.detected);
  return (
    <details className="rubric-more">
      <summary>Common failures: {found.length === 0 ? 'none found' : `${found.length} found`}</summary>
      {found.length === 0 ? (
        <p className="muted">None of the lesson’s five common failures was found.</p>
      ) : (
        <ul className="failures" data-testid="failures">
          {found.map((f) => (
            <li key={f.key}>
              <strong>{f.title}</strong> <span className="muted">{f.detail}</span>
              {f.evidence[0] && <QuoteButton quote={f.evidence[0]} />}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
