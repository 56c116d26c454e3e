import { LAYER_INFO } from '../../../../core/analysis/layers';
import { RUBRIC_DIMENSIONS } from '../../../../core/analysis/types';
import type { Attempt } from '../../../../core/history/progress';
import { LEVEL_NAMES } from '../../../../core/results/panels';
import { DIMENSION_STYLE, SHARE_LAYERS } from './progress-series';

/** The numbers behind the progress charts, one row per attempt (folded away until asked for). */
export function ProgressTable({ attempts }: { attempts: readonly Attempt[] }) {
  return (
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
  );
}
