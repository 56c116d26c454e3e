import { RUBRIC_DIMENSIONS } from '../../../../core/analysis/types';
import type { ProgressSeries } from '../../../../core/history/progress';
import { LEVEL_NAMES } from '../../../../core/results/panels';
import { GridLine, H, LegendSwatch, Line, W, XAxis } from './chart-primitives';
import { DIMENSION_STYLE } from './progress-series';

const LEVELS = ['weak', 'passing', 'strong', 'staff_bar'] as const;

/** The four rubric levels of a story, attempt by attempt, with their legend. */
export function RubricLevelsChart({ series, n }: { series: ProgressSeries; n: number }) {
  return (
    <figure>
      <figcaption>Rubric levels, by attempt</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Rubric levels over ${n} attempts; the table below has the numbers.`}
      >
        {[0, 1, 2, 3].map((v) => (
          <GridLine key={v} value={v} max={3} label={LEVEL_NAMES[LEVELS[v] ?? 'weak']} />
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
            <LegendSwatch
              color={DIMENSION_STYLE[d].color}
              dash={DIMENSION_STYLE[d].dash}
              marker={DIMENSION_STYLE[d].marker}
            />
            {DIMENSION_STYLE[d].short}
          </li>
        ))}
      </ul>
    </figure>
  );
}
