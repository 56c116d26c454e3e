import { LAYER_INFO, OUTLINE_LAYERS } from '../../../../core/analysis/layers';
import { budgetForLength } from '../../../../core/analysis/budget';
import { useTake } from '../../stores/take';
import { BudgetRow } from './BudgetRow';

/** While recording: the layer being spoken and each layer's seconds against its budget. */
export function LivePacing() {
  const pacing = useTake((s) => s.pacing);
  const take = useTake((s) => s.take);
  if (!take) return null;
  const budget = budgetForLength(take.targetSec);
  return (
    <section className="panel pr-pacing" aria-labelledby="pacing-title" data-testid="live-pacing">
      <h3 id="pacing-title">Live pacing</h3>
      {!pacing && <p className="muted">Listening… the first layer shows after your first sentence.</p>}
      {pacing && (
        <>
          <p className="pr-pacing-now">
            Now: <strong>{pacing.currentLayer ? LAYER_INFO[pacing.currentLayer].longName : '—'}</strong>
          </p>
          <div className="pr-budget">
            {OUTLINE_LAYERS.map((layer) => {
              const spent = pacing.secondsPerLayer[layer] ?? 0;
              const target = budget.seconds[layer];
              return (
                <BudgetRow key={layer} layer={layer} percent={Math.min(100, (spent / Math.max(1, target)) * 100)}>
                  {Math.round(spent)} / {target} s
                </BudgetRow>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
