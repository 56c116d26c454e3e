import { RUBRIC_DIMENSIONS } from '../../../../core/analysis/schema';
import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { LEVEL_NAMES } from '../../../../core/results/panels';
import { DocumentQuote } from './DocumentQuote';
import { uniqueQuotes } from '../../../../core/report/model';

/** The lesson's self-assessment rubric: each dimension's level, why, and how to reach the next. */
export function RubricDimensions({ rubric }: { rubric: NonNullable<DocumentAudit['rubric']> }) {
  return (
    <section className="panel" aria-labelledby="doc-rubric-title" data-testid="document-rubric">
      <h2 id="doc-rubric-title">Rubric</h2>
      <div className="doc-dimensions">
        {RUBRIC_DIMENSIONS.map((d) => {
          const score = rubric[d];
          return (
            <article key={d} className="dimension" data-testid={`doc-dimension-${d}`}>
              <h3>
                {score.title} <span className={`level level-${score.level}`}>{LEVEL_NAMES[score.level]}</span>
              </h3>
              <p>{score.reason}</p>
              <p className="advice">
                <strong>{score.nextLevel ? `To reach ${LEVEL_NAMES[score.nextLevel]}: ` : 'Keep it: '}</strong>
                {score.advice}
              </p>
              {score.evidence.length > 0 && (
                <details>
                  <summary className="small">The sentences that decide it</summary>
                  {uniqueQuotes(score.evidence).map((q) => (
                    <DocumentQuote key={q.sentenceIndex} quote={q} />
                  ))}
                </details>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
