import { memo } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { deliveryRows } from '../../../../core/results/panels';
import { formatClock } from '../../../../core/time/clock';
import { layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';

function topCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, n]) => `“${k}” ×${n}`)
    .join(', ');
}

/** Pace, fillers, pauses, hedges and I/we — overall and per layer. */
export const DeliveryPanel = memo(function DeliveryPanel({ analysis }: { analysis: Analysis }) {
  const d = analysis.delivery;
  const rows = deliveryRows(analysis);
  const goTo = usePlayer((s) => s.goToSentence);
  return (
    <section className="panel delivery" aria-labelledby="delivery-title" data-testid="delivery">
      <h2 id="delivery-title">Delivery</h2>
      {d.timesEstimated && (
        <p className="muted small">
          This is a typed answer: pace and pauses are estimated from a speaking rate, not measured.
        </p>
      )}
      <div className="table-scroll">
        <table className="delivery-table">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Words</th>
              <th scope="col">Pace (wpm)</th>
              <th scope="col">Fillers /100 words</th>
              <th scope="col">Hedges</th>
              <th scope="col">I / we</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.name}</th>
                <td>{row.stats.words}</td>
                <td>{row.stats.wordsPerMinute === null ? '—' : Math.round(row.stats.wordsPerMinute)}</td>
                <td title={topCounts(row.stats.fillerCounts)}>
                  {row.stats.fillersPer100Words.toFixed(1)} <span className="muted">({row.stats.fillers})</span>
                </td>
                <td title={topCounts(row.stats.hedgeCounts)}>{row.stats.hedges}</td>
                <td>
                  {row.stats.iCount} / {row.stats.weCount}
                  {row.stats.iShare !== null && (
                    <span className="muted"> ({Math.round(row.stats.iShare * 100)}% I)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.keys(d.overall.fillerCounts).length > 0 && (
        <p className="small">Most frequent fillers: {topCounts(d.overall.fillerCounts)}.</p>
      )}
      {!d.timesEstimated && (
        <>
          <h3>
            Long pauses <span className="muted">(over {d.pauseThresholdSec} s)</span>
          </h3>
          {d.pauses.length === 0 ? (
            <p className="muted">No long pause.</p>
          ) : (
            <ul className="pauses">
              {[...d.pauses]
                .sort((a, b) => b.seconds - a.seconds)
                .slice(0, 5)
                .map((p) => (
                  <li key={`${p.start}`}>
                    <button type="button" className="link" onClick={() => goTo(p.sentenceIndex, true)}>
                      {formatClock(p.start)}
                    </button>{' '}
                    {p.seconds.toFixed(1)} s {p.withinSentence ? 'mid-sentence' : 'between sentences'} in{' '}
                    {p.layerBefore === p.layerAfter
                      ? layerName(p.layerBefore)
                      : `${layerName(p.layerBefore)} → ${layerName(p.layerAfter)}`}
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
});
