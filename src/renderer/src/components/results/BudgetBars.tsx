import { mitigationVersusFix } from '../../../../core/results/mitigation-ratio';
import { memo } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { budgetRows } from '../../../../core/results/panels';
import { layerTag, layerVar } from '../../results/layers';

const STATUS_TEXT = {
  over: 'over budget',
  under: 'under budget',
  on: 'on budget',
  missing: 'missing',
  unbudgeted: 'no budget',
} as const;

/** Seconds per layer against the budget for the chosen answer length. */
export const BudgetBars = memo(function BudgetBars({ analysis }: { analysis: Analysis }) {
  const rows = budgetRows(analysis);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.seconds, r.budgetSeconds)));
  return (
    <section className="panel budget" aria-labelledby="budget-title" data-testid="budget-bars">
      <h2 id="budget-title">
        Time per layer{' '}
        <span className="muted">against the budget for {Math.round(analysis.budget.lengthSeconds / 6) / 10} min</span>
      </h2>
      <ul className="budget-rows">
        {rows.map((row) => (
          <li key={row.layer} className={`budget-row ${row.status}`} data-layer={row.layer}>
            <span className="budget-label">
              <span className="tag" style={{ borderColor: layerVar(row.layer) }} aria-hidden="true">
                {layerTag(row.layer)}
              </span>
              {row.label}
            </span>
            <span className="budget-bar" aria-hidden="true">
              <span
                className="actual"
                style={{ width: `${(row.seconds / max) * 100}%`, background: layerVar(row.layer) }}
              />
              {row.layer !== 'other' && (
                <span className="target" style={{ left: `${(row.budgetSeconds / max) * 100}%` }} />
              )}
            </span>
            <span className="budget-status">
              {Math.round(row.share * 100)}% · {STATUS_TEXT[row.status]}
              {row.delta !== null && row.status !== 'missing' && row.delta !== 0 && (
                <>
                  {' '}
                  ({row.delta > 0 ? '+' : '−'}
                  {Math.abs(row.delta)} s)
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small" data-testid="mitigation-ratio">
        {capitalised(mitigationVersusFix(analysis))}
        {(analysis.timeline.mitigationToStructuralFixRatio ?? 0) > 1 ? ' — reverse the proportions.' : '.'}
      </p>
      {analysis.timeline.outOfOrder.length > 0 && (
        <ul className="notes">
          {analysis.timeline.outOfOrder.map((o) => (
            <li key={`${o.layer}-${o.sentenceIndex}`}>{o.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
});

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
