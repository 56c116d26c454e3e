import { LAYER_INFO } from '../../../../core/analysis/layers';
import type { ProgressSeries } from '../../../../core/history/progress';
import { layerVar } from '../../results/layers';
import { GridLine, H, LegendSwatch, Line, W, XAxis } from './chart-primitives';
import { SHARE_LAYERS } from './progress-series';

/** The highest share drawn: the largest share or budget of any key layer, with some headroom. */
function shareScale(series: ProgressSeries): number {
  return (
    Math.max(
      0.5,
      ...SHARE_LAYERS.flatMap(({ layer }) =>
        [...series.shares[layer], ...series.budgetShares[layer]].map((p) => p.value),
      ),
    ) * 1.1
  );
}

/** Each key layer's share of the answer against its budgeted share, attempt by attempt. */
export function ShareChart({ series, n }: { series: ProgressSeries; n: number }) {
  const shareMax = shareScale(series);
  return (
    <figure>
      <figcaption>Share of the answer vs budget (dashed), by attempt</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Share of the answer per layer over ${n} attempts against the budget; the table below has the numbers.`}
      >
        {[0, 0.25, 0.5, 0.75, 1]
          .filter((v) => v <= shareMax)
          .map((v) => (
            <GridLine key={v} value={v} max={shareMax} label={`${Math.round(v * 100)}%`} />
          ))}
        {SHARE_LAYERS.map(({ layer, marker }) => (
          <g key={layer}>
            <Line
              points={series.budgetShares[layer]}
              max={shareMax}
              n={n}
              color={layerVar(layer)}
              dash="4 4"
              marker={null}
            />
            <Line points={series.shares[layer]} max={shareMax} n={n} color={layerVar(layer)} dash="" marker={marker} />
          </g>
        ))}
        <XAxis n={n} />
      </svg>
      <ul className="chart-legend">
        {SHARE_LAYERS.map(({ layer, marker }) => (
          <li key={layer}>
            <LegendSwatch color={layerVar(layer)} marker={marker} />
            {LAYER_INFO[layer].name}
          </li>
        ))}
        <li>
          <LegendSwatch color="currentColor" dash="4 4" />
          budget
        </li>
      </ul>
    </figure>
  );
}
