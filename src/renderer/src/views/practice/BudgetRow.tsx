import type { ReactNode } from 'react';
import { LAYER_INFO, type OutlineLayer } from '../../../../core/analysis/layers';

/** One layer of a time budget: its dot and name, a bar filled to `percent`, then the numbers. */
export function BudgetRow({ layer, percent, children }: { layer: OutlineLayer; percent: number; children: ReactNode }) {
  return (
    <div className="pr-budget-row" data-layer={layer}>
      <span>
        <span className="pr-layer-dot" style={{ background: `var(--layer-${layer})` }} aria-hidden="true" />
        {LAYER_INFO[layer].name}
      </span>
      <span className="pr-budget-bar" aria-hidden="true">
        <span style={{ width: `${percent}%`, background: `var(--layer-${layer})` }} />
      </span>
      <span className="pr-num">{children}</span>
    </div>
  );
}
