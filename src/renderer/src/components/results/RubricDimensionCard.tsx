import type { RubricLevel, RubricScore } from '../../../../core/analysis/types';
import { LEVEL_NAMES } from '../../../../core/results/panels';
import { QuoteButton } from './QuoteButton';

const SCALE = ['weak', 'passing', 'strong', 'staff_bar'] as const;

function LevelScale({ level }: { level: RubricLevel }) {
  const at = SCALE.indexOf(level);
  return (
    <ol className="level-scale" aria-label={`Level ${at + 1} of 4: ${LEVEL_NAMES[level]}`}>
      {SCALE.map((l, i) => (
        <li key={l} className={i <= at ? 'on' : ''} aria-hidden="true">
          {LEVEL_NAMES[l]}
        </li>
      ))}
    </ol>
  );
}

/** One rubric dimension: its level on the scale, why, and (folded) the evidence and the next step. */
export function RubricDimensionCard({ dimension, score }: { dimension: string; score: RubricScore }) {
  return (
    <article className="dimension" data-testid={`dimension-${dimension}`}>
      <h3>
        {score.title} <span className={`level level-${score.level}`}>{LEVEL_NAMES[score.level]}</span>
      </h3>
      <LevelScale level={score.level} />
      <p>{score.reason}</p>
      <details className="rubric-more">
        <summary>
          {score.nextLevel
            ? `Evidence, and how to reach ${LEVEL_NAMES[score.nextLevel]}`
            : 'Evidence, and how to keep it'}
        </summary>
        {score.evidence.length > 0 && (
          <div className="evidence">
            {score.evidence.slice(0, 3).map((q) => (
              <QuoteButton key={`${q.sentenceIndex}-${q.text}`} quote={q} />
            ))}
          </div>
        )}
        <p className="advice">
          <strong>{score.nextLevel ? `To reach ${LEVEL_NAMES[score.nextLevel]}: ` : 'Keep it: '}</strong>
          {score.advice}
        </p>
      </details>
    </article>
  );
}
