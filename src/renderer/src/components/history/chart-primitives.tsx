/** The pieces the progress charts are drawn from: plot geometry, markers, lines, axes and swatches. */
import type { ProgressPoint } from '../../../../core/history/progress';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export const W = 460;
export const H = 190;
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

export function Line({
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

export function XAxis({ n }: { n: number }) {
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

/** A horizontal grid line at `value` on a 0…`max` scale, labelled on the left. */
export function GridLine({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <g className="grid">
      <line x1={PAD.left} x2={W - PAD.right} y1={y(value, max)} y2={y(value, max)} />
      <text x={PAD.left - 6} y={y(value, max) + 4} textAnchor="end">
        {label}
      </text>
    </g>
  );
}

/** A legend's sample of a series: its line (dashed when `dash` is given) and its marker. */
export function LegendSwatch({ color, dash, marker }: { color: string; dash?: string; marker?: Marker }) {
  return (
    <svg width="26" height="10" aria-hidden="true">
      <line x1="0" x2="26" y1="5" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
      {marker && <MarkerShape kind={marker} cx={13} cy={5} color={color} />}
    </svg>
  );
}
