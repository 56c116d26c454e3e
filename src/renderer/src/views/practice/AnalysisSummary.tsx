import { LAYER_INFO, OUTLINE_LAYERS } from '../../../../core/analysis/layers';
import { RUBRIC_DIMENSIONS, type Analysis, type RubricLevel, type Tier } from '../../../../core/analysis/types';
import { useNavigation } from '../../stores/navigation';
import { useTake } from '../../stores/take';

const TIER: Record<Tier, string> = { senior: 'Senior', staff: 'Staff', l7: 'L7' };
const LEVEL: Record<RubricLevel, string> = {
  weak: 'Weak',
  passing: 'Passing',
  strong: 'Strong',
  staff_bar: 'Staff bar',
};

/** What a finished take scored: tier, rubric levels, and time per layer against the budget. */
export function AnalysisSummary({ analysis }: { analysis: Analysis }) {
  const reset = useTake((s) => s.reset);
  const go = useNavigation((s) => s.go);
  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="analysis-summary" style={{ maxWidth: 880 }}>
      <h2 id="summary-title">
        Result:{' '}
        <span className="pr-summary-tier" data-testid="summary-tier">
          {TIER[analysis.tier]}
        </span>{' '}
        tier
      </h2>
      <p>{analysis.feedback.summary}</p>
      <div className="pr-practice-grid">
        <div>
          <h3>Rubric</h3>
          <ul className="pr-rubric-list" data-testid="summary-rubric">
            {RUBRIC_DIMENSIONS.map((d) => (
              <li key={d} style={{ display: 'contents' }}>
                <span>{analysis.rubric[d].title}</span>
                <span className={`pr-level pr-level-${analysis.rubric[d].level}`}>
                  {LEVEL[analysis.rubric[d].level]}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Time per layer</h3>
          <div className="pr-budget" data-testid="summary-layers">
            <div className="pr-budget-head" aria-hidden="true">
              <span>Layer</span>
              <span>share of the answer</span>
              <span>spoken / budget</span>
            </div>
            {OUTLINE_LAYERS.map((layer) => {
              const spent = analysis.layers[layer].seconds;
              const target = analysis.budget.seconds[layer];
              return (
                <div className="pr-budget-row" key={layer}>
                  <span>
                    <span className="pr-layer-dot" style={{ background: `var(--layer-${layer})` }} aria-hidden="true" />
                    {LAYER_INFO[layer].name}
                  </span>
                  <span className="pr-budget-bar" aria-hidden="true">
                    <span
                      style={{
                        width: `${Math.min(100, (spent / Math.max(1, analysis.lengthSeconds)) * 100)}%`,
                        background: `var(--layer-${layer})`,
                      }}
                    />
                  </span>
                  <span className="pr-num">
                    {Math.round(spent)} / {target} s
                  </span>
                </div>
              );
            })}
          </div>
          {analysis.timesEstimated && (
            <p className="pr-field-hint">Times are estimated from a speaking pace (typed answer).</p>
          )}
        </div>
      </div>
      {analysis.feedback.topFixes.length > 0 && (
        <>
          <h3>Top fixes</h3>
          <ol>
            {analysis.feedback.topFixes.map((f) => (
              <li key={f.id}>
                <strong>{f.title}.</strong> {f.detail}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="pr-rec-actions">
        <button type="button" className="primary" onClick={reset}>
          Practice again
        </button>
        <button type="button" onClick={() => go('sessions')}>
          See all sessions
        </button>
      </div>
    </section>
  );
}
