import { memo } from 'react';
import { RUBRIC_DIMENSIONS, type Analysis } from '../../../../core/analysis/types';
import { LEVEL_NAMES, TIER_NAMES } from '../../../../core/results/panels';
import { QuoteButton } from './QuoteButton';

/**
 * The rubric as the lesson defines it, summary first: the tier and its reasons, the three fixes
 * that matter most and the interviewer's follow-up; then the four dimensions with level, evidence
 * and the step to the next level; the practice constraints and common failures fold away behind
 * a line that gives their count.
 */
export const RubricCard = memo(function RubricCard({ analysis }: { analysis: Analysis }) {
  const { rubric, tierDetail } = analysis;
  // An ungraded answer has no rubric: the page shows NotGradedPanel above the timeline instead.
  if (!rubric || !tierDetail) return null;
  const failures = Object.values(analysis.commonFailures);
  const found = failures.filter((f) => f.detected);
  return (
    <section className="panel rubric" aria-labelledby="rubric-title" data-testid="rubric-card">
      <header className="rubric-head">
        <h2 id="rubric-title">Rubric</h2>
        <p className={`tier tier-${tierDetail.tier}`} data-testid="tier">
          Tier: <strong>{TIER_NAMES[tierDetail.tier]}</strong>
        </p>
      </header>
      <ul className="tier-reasons">
        {tierDetail.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {tierDetail.toReachNext && <p className="next-step">Next tier: {tierDetail.toReachNext}</p>}

      <h3>Top fixes</h3>
      {analysis.feedback.topFixes.length === 0 && (
        <p className="muted">No fix stands out: keep this shape and rehearse it.</p>
      )}
      <ol className="fixes" data-testid="top-fixes">
        {analysis.feedback.topFixes.map((fix) => (
          <li key={fix.id}>
            <strong>{fix.title}</strong>
            <p>{fix.detail}</p>
            {fix.evidence[0] && <QuoteButton quote={fix.evidence[0]} />}
          </li>
        ))}
      </ol>

      <h3>The interviewer’s follow-up</h3>
      <blockquote className="follow-up" data-testid="follow-up">
        <p>“{analysis.feedback.followUp.question}”</p>
        <footer className="muted">{analysis.feedback.followUp.why}</footer>
      </blockquote>
      <h3>Rubric dimensions</h3>
      <div className="dimensions">
        {RUBRIC_DIMENSIONS.map((d) => {
          const score = rubric[d];
          return (
            <article key={d} className="dimension" data-testid={`dimension-${d}`}>
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
        })}
      </div>

      <details className="rubric-more">
        <summary>
          Practice constraints: {Object.values(analysis.constraints).filter((c) => c.met).length} of 4 met
        </summary>
        <ul className="constraints" data-testid="constraints">
          {Object.values(analysis.constraints).map((c) => (
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
    </section>
  );
});

const SCALE = ['weak', 'passing', 'strong', 'staff_bar'] as const;

function LevelScale({ level }: { level: (typeof SCALE)[number] }) {
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

/**
 * For an answer that is not a gradable incident story, in place of the time budget and the
 * rubric: what is missing and what to do. No tier, no levels, no advice on proportions.
 */
export function NotGradedPanel({ analysis }: { analysis: Analysis }) {
  return (
    <section className="panel rubric" aria-labelledby="not-graded-title" data-testid="not-graded">
      <header className="rubric-head">
        <h2 id="not-graded-title">Not graded</h2>
        <p className="tier" data-testid="tier">
          No tier
        </p>
      </header>
      <p data-testid="not-graded-reason">{analysis.reason?.message ?? analysis.feedback.summary}</p>
      {analysis.reason && (
        <p className="next-step" data-testid="not-graded-next">
          <strong>What to do: </strong>
          {analysis.reason.next}
        </p>
      )}
    </section>
  );
}
