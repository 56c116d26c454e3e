import { LAYER_INFO, type OutlineLayer } from '../../../../core/analysis/layers';
import { RUBRIC_DIMENSIONS, type RubricDimension } from '../../../../core/analysis/types';
import { progressSeries, trend, type Attempt, type ProgressPoint } from '../../../../core/history/progress';
import { LEVEL_NAMES } from '../../../../core/results/panels';
import { layerVar } from '../../results/layers';

/**
 * Progress of one story over its attempts, drawn as plain SVG (two small line charts do not need
 * a chart library): the four rubric levels, and each key layer's share of the answer against
 * its budgeted share. Series differ by marker shape and dash as well as colour, are named in a
 * legend, and the numbers are available as a table.
 */
const DIMENSION_STYLE: Record<RubricDimension, { color: string; dash: string; marker: Marker; short: string }> = {
  layer_balance: { color: '#56b4e9', dash: '', marker: 'circle', short: 'Layer balance' },
  structural_fix_specificity: { color: '#009e73', dash: '6 3', marker: 'square', short: 'Fix specificity' },
  system_learning: { color: '#cc79a7', dash: '2 3', marker: 'triangle', short: 'System learning' },
  honesty_about_detection: { color: '#f0e442', dash: '10 3 2 3', marker: 'diamond', short: 'Detection honesty' },
};
const SHARE_LAYERS: { layer: OutlineLayer; marker: Marker }[] = [
  { layer: 'mitigation', marker: 'circle' },
  { layer: 'structural_fix', marker: 'square' },
  { layer: 'system_learning', marker: 'triangle' },
];
type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

const W = 460;
const H = 190;
const PAD = { left: 78, right: 14, top: 12, bottom: 30 };

function x(i: number, n: number): number {
  return n <= 1 ? PAD.left + (W - PAD.left - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (n - 1);
}
function y(value: number, max: number): number {
  return PAD.top + (1 - value / max) * (H - PAD.top - PAD.bottom);
}

function MarkerShape({ kind, cx, cy, color }: { kind: Marker; cx: number; cy: number; color: string }) {
  switch (kind) {
    case 'square':
      return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={color} />;
    case 'triangle':
      return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy + 4} ${cx - 5},${cy + 4}`} fill={color} />;
    case 'diamond':
      return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}`} fill={color} />;
    default:
      return <circle cx={cx} cy={cy} r={4} fill={color} />;
  }
}

function Line({
  points,
  max,
  n,
  color,
  dash,
  marker,
  offset = 0,
}: {
  points: ProgressPoint[];
  max: number;
  n: number;
  color: string;
  dash: string;
  marker: Marker | null;
  offset?: number;
}) {
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i, n).toFixed(1)},${(y(p.value, max) + offset).toFixed(1)}`)
    .join(' ');
  return (
    <g>
      <path d={d} fill="none" stroke={color} strokeWidth={2} strokeDasharray={dash} />
      {marker &&
        points.map((p, i) => (
          <MarkerShape key={p.id} kind={marker} cx={x(i, n)} cy={y(p.value, max) + offset} color={color} />
        ))}
    </g>
  );
}

function XAxis({ n }: { n: number }) {
  return (
    <g className="axis">
      {Array.from({ length: n }, (_, i) => (
        <text key={i} x={x(i, n)} y={H - 10} textAnchor="middle">
          #{i + 1}
        </text>
      ))}
    </g>
  );
}

export function ProgressChart({ story, attempts }: { story: string; attempts: readonly Attempt[] }) {
  const series = progressSeries(attempts);
  const n = attempts.length;
  if (n === 0) return <p className="muted">No analysed attempt of this story yet.</p>;
  const shareMax =
    Math.max(
      0.5,
      ...SHARE_LAYERS.flatMap(({ layer }) =>
        [...series.shares[layer], ...series.budgetShares[layer]].map((p) => p.value),
      ),
    ) * 1.1;
  const mitigationTrend = trend(series.shares.mitigation);
  const fixTrend = trend(series.shares.structural_fix);
  return (
    <div className="progress" data-testid="progress-chart">
      <p className="progress-summary">
        {n} analysed attempt{n === 1 ? '' : 's'} of “{story}”.
        {mitigationTrend !== null && (
          <>
            {' '}
            Mitigation {mitigationTrend <= 0 ? 'shrank' : 'grew'} by {Math.abs(Math.round(mitigationTrend * 100))}{' '}
            points of the answer; Structural fix {fixTrend !== null && fixTrend >= 0 ? 'grew' : 'shrank'} by{' '}
            {Math.abs(Math.round((fixTrend ?? 0) * 100))} points.
          </>
        )}
      </p>
      <div className="charts">
        <figure>
          <figcaption>Rubric levels, by attempt</figcaption>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={`Rubric levels over ${n} attempts; the table below has the numbers.`}
          >
            {[0, 1, 2, 3].map((v) => (
              <g key={v} className="grid">
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v, 3)} y2={y(v, 3)} />
                <text x={PAD.left - 6} y={y(v, 3) + 4} textAnchor="end">
                  {LEVEL_NAMES[(['weak', 'passing', 'strong', 'staff_bar'] as const)[v] ?? 'weak']}
                </text>
              </g>
            ))}
            {RUBRIC_DIMENSIONS.map((d, k) => (
              // Lines that coincide are nudged apart by a pixel or two so each stays visible.
              <Line
                key={d}
                points={series.levels[d]}
                max={3}
                n={n}
                color={DIMENSION_STYLE[d].color}
                dash={DIMENSION_STYLE[d].dash}
                marker={DIMENSION_STYLE[d].marker}
                offset={(k - 1.5) * 2}
              />
            ))}
            <XAxis n={n} />
          </svg>
          <ul className="chart-legend">
            {RUBRIC_DIMENSIONS.map((d) => (
              <li key={d}>
                <svg width="26" height="10" aria-hidden="true">
                  <line
                    x1="0"
                    x2="26"
                    y1="5"
                    y2="5"
                    stroke={DIMENSION_STYLE[d].color}
                    strokeWidth="2"
                    strokeDasharray={DIMENSION_STYLE[d].dash}
                  />
                  <MarkerShape kind={DIMENSION_STYLE[d].marker} cx={13} cy={5} color={DIMENSION_STYLE[d].color} />
                </svg>
                {DIMENSION_STYLE[d].short}
              </li>
            ))}
          </ul>
        </figure>
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
                <g key={v} className="grid">
                  <line x1={PAD.left} x2={W - PAD.right} y1={y(v, shareMax)} y2={y(v, shareMax)} />
                  <text x={PAD.left - 6} y={y(v, shareMax) + 4} textAnchor="end">
                    {Math.round(v * 100)}%
                  </text>
                </g>
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
                <Line
                  points={series.shares[layer]}
                  max={shareMax}
                  n={n}
                  color={layerVar(layer)}
                  dash=""
                  marker={marker}
                />
              </g>
            ))}
            <XAxis n={n} />
          </svg>
          <ul className="chart-legend">
            {SHARE_LAYERS.map(({ layer, marker }) => (
              <li key={layer}>
                <svg width="26" height="10" aria-hidden="true">
                  <line x1="0" x2="26" y1="5" y2="5" stroke={layerVar(layer)} strokeWidth="2" />
                  <MarkerShape kind={marker} cx={13} cy={5} color={layerVar(layer)} />
                </svg>
                {LAYER_INFO[layer].name}
              </li>
            ))}
            <li>
              <svg width="26" height="10" aria-hidden="true">
                <line x1="0" x2="26" y1="5" y2="5" stroke="currentColor" strokeWidth="2" strokeDasharray="4 4" />
              </svg>
              budget
            </li>
          </ul>
        </figure>
      </div>
      <details>
        <summary>Show the numbers</summary>
        <div className="table-scroll">
          <table className="progress-table">
            <thead>
              <tr>
                <th scope="col">Attempt</th>
                <th scope="col">Date</th>
                {RUBRIC_DIMENSIONS.map((d) => (
                  <th key={d} scope="col">
                    {DIMENSION_STYLE[d].short}
                  </th>
                ))}
                {SHARE_LAYERS.map(({ layer }) => (
                  <th key={layer} scope="col">
                    {LAYER_INFO[layer].name} share / budget
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {attempts.map((a, i) => (
                <tr key={a.id}>
                  <td>{i + 1}</td>
                  <td>{new Date(a.createdAt).toLocaleDateString()}</td>
                  {RUBRIC_DIMENSIONS.map((d) => (
                    <td key={d}>{a.digest.levels ? LEVEL_NAMES[a.digest.levels[d]] : '—'}</td>
                  ))}
                  {SHARE_LAYERS.map(({ layer }) => (
                    <td key={layer}>
                      {Math.round(a.digest.layers[layer].share * 100)}% /{' '}
                      {Math.round(a.digest.layers[layer].budgetShare * 100)}%
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
