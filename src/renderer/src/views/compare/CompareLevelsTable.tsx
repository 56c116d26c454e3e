import type { Comparison } from '../../../../core/history/compare';
import { LEVEL_NAMES, tierLabel } from '../../../../core/results/panels';
import { signed, type ComparedTake } from './compared-take';

/** The rubric levels of both takes, the change in each, and both tiers. */
export function CompareLevelsTable({
  rows,
  ta,
  tb,
}: {
  rows: Comparison['levels'];
  ta: ComparedTake;
  tb: ComparedTake;
}) {
  return (
    <section className="panel" aria-labelledby="compare-levels">
      <h2 id="compare-levels">Rubric levels</h2>
      <table className="compare-table" data-testid="compare-levels">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.dimension}>
              <th scope="row">{row.title}</th>
              <td>
                <span className={`level level-${row.a}`}>{LEVEL_NAMES[row.a]}</span>
              </td>
              <td>
                <span className={`level level-${row.b}`}>{LEVEL_NAMES[row.b]}</span>
              </td>
              <td>
                {row.change === 0 ? 'same' : `${signed(row.change)} level${Math.abs(row.change) === 1 ? '' : 's'}`}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Tier</th>
            <td>{tierLabel(ta.analysis.tier)}</td>
            <td>{tierLabel(tb.analysis.tier)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
