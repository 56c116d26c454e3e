import { progressSeries, trend, type Attempt, type ProgressSeries } from '../../../../core/history/progress';
import { ProgressTable } from './ProgressTable';
import { RubricLevelsChart } from './RubricLevelsChart';
import { ShareChart } from './ShareChart';

/**
 * Progress of one story over its attempts, drawn as plain SVG (two small line charts do not need
 * a chart library): the four rubric levels, and each key layer's share of the answer against
 * its budgeted share. Series are named in a legend, and the numbers are available as a table.
 */
export function ProgressChart({ story, attempts }: { story: string; attempts: readonly Attempt[] }) {
  const series = progressSeries(attempts);
  const n = attempts.length;
  if (n === 0) return <p className="muted">No analysed attempt of this story yet.</p>;
  return (
    <div className="progress" data-testid="progress-chart">
      <ProgressSummary story={story} series={series} n={n} />
      <div className="charts">
        <RubricLevelsChart series={series} n={n} />
        <ShareChart series={series} n={n} />
      </div>
      <ProgressTable attempts={attempts} />
    </div>
  );
}

/** One sentence on how the story moved: how many attempts, and the trend of two key layers. */
function ProgressSummary({ story, series, n }: { story: string; series: ProgressSeries; n: number }) {
  const mitigationTrend = trend(series.shares.mitigation);
  const fixTrend = trend(series.shares.structural_fix);
  return (
    <p className="progress-summary">
      {n} analysed attempt{n === 1 ? '' : 's'} of “{story}”.
      {mitigationTrend !== null && (
        <>
          {' '}
          Mitigation {mitigationTrend <= 0 ? 'shrank' : 'grew'} by {Math.abs(Math.round(mitigationTrend * 100))} points
          of the answer; Structural fix {fixTrend !== null && fixTrend >= 0 ? 'grew' : 'shrank'} by{' '}
          {Math.abs(Math.round((fixTrend ?? 0) * 100))} points.
        </>
      )}
    </p>
  );
}
