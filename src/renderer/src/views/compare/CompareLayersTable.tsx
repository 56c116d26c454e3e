import type { Comparison } from '../../../../core/history/compare';
import { layerTag, layerVar } from '../../results/layers';
import { signed } from './compared-take';

/** Seconds, share and sentences of each layer in both takes, the change and B's budget. */
export function CompareLayersTable({ rows }: { rows: Comparison['layers'] }) {
  return (
    <section className="panel" aria-labelledby="compare-layers">
      <h2 id="compare-layers">Layer by layer</h2>
      <div className="table-scroll">
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">A seconds</th>
              <th scope="col">B seconds</th>
              <th scope="col">Change</th>
              <th scope="col">A sentences</th>
              <th scope="col">B sentences</th>
              <th scope="col">Budget (B)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.layer} data-layer={row.layer}>
                <th scope="row">
                  <span className="tag" style={{ borderColor: layerVar(row.layer) }} aria-hidden="true">
                    {layerTag(row.layer)}
                  </span>{' '}
                  {row.name}
                </th>
                <td>
                  {row.a.seconds} s <span className="muted">({Math.round(row.a.share * 100)}%)</span>
                </td>
                <td>
                  {row.b.seconds} s <span className="muted">({Math.round(row.b.share * 100)}%)</span>
                </td>
                <td>{signed(row.deltaSeconds, ' s')}</td>
                <td>{row.a.sentences}</td>
                <td>{row.b.sentences}</td>
                <td>{row.layer === 'other' ? '—' : `${row.budgetB} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
