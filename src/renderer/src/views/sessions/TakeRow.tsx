import { RUBRIC_DIMENSIONS } from '../../../../core/analysis/types';
import { LEVEL_NAMES, tierLabel } from '../../../../core/results/panels';
import { formatClock } from '../../../../core/time/clock';
import type { HistoryEntry } from '../../../../shared/channels/history';
import { layerVar } from '../../results/layers';
import { useHistory } from '../../stores/history';
import { TakeNameCell } from './TakeNameCell';

type Digest = NonNullable<HistoryEntry['digest']>;

const SHORT_DIMENSION = {
  layer_balance: 'Balance',
  structural_fix_specificity: 'Fix',
  system_learning: 'Learning',
  honesty_about_detection: 'Detection',
} as const;

/** One take in its story's table: pick for comparison, name and actions, when, how long, how good. */
export function TakeRow({ take, number, checked }: { take: HistoryEntry; number: number; checked: boolean }) {
  const d = take.digest;
  const name = take.title ?? `Take ${number}`;
  return (
    <tr data-testid="take-row" data-id={take.id}>
      <td>
        <input
          type="checkbox"
          checked={checked}
          onChange={() => useHistory.getState().toggleSelected(take.id)}
          aria-label={`Select “${name}” for comparison`}
          disabled={!d}
        />
      </td>
      <TakeNameCell take={take} name={name} />
      <td className="nowrap">
        {new Date(take.createdAt).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}
        <div className="muted small">
          {new Date(take.createdAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
        </div>
      </td>
      <td>{take.durationSec === null ? '—' : formatClock(take.durationSec)}</td>
      <td>
        {d ? <span className={`tier-badge tier-${d.tier ?? 'none'}`}>{tierLabel(d.tier)}</span> : '—'}
        {d?.atYourWord && (
          <div
            className="muted small"
            title="Graded because you said it is an incident story"
            data-testid="at-your-word"
          >
            at your word
          </div>
        )}
      </td>
      <td>{d?.levels ? <LevelList levels={d.levels} /> : '—'}</td>
      <td>{d ? <MitigationVsFix digest={d} /> : '—'}</td>
    </tr>
  );
}

function LevelList({ levels }: { levels: NonNullable<Digest['levels']> }) {
  return (
    <ul className="levels">
      {RUBRIC_DIMENSIONS.map((dim) => (
        <li
          key={dim}
          className={`level level-${levels[dim]}`}
          title={`${SHORT_DIMENSION[dim]}: ${LEVEL_NAMES[levels[dim]]}`}
        >
          {SHORT_DIMENSION[dim]}: {LEVEL_NAMES[levels[dim]]}
        </li>
      ))}
    </ul>
  );
}

/** Seconds of Mitigation against seconds of Structural fix, as two bars on one scale. */
function MitigationVsFix({ digest }: { digest: Digest }) {
  const mitigation = digest.layers.mitigation.seconds;
  const fix = digest.layers.structural_fix.seconds;
  const max = Math.max(1, mitigation, fix);
  return (
    <div className="mvf">
      <div>
        <span className="mvf-label">Mitigation {Math.round(mitigation)} s</span>
        <span
          className="mvf-bar"
          style={{ width: `${(mitigation / max) * 100}%`, background: layerVar('mitigation') }}
        />
      </div>
      <div>
        <span className="mvf-label">Structural fix {Math.round(fix)} s</span>
        <span className="mvf-bar" style={{ width: `${(fix / max) * 100}%`, background: layerVar('structural_fix') }} />
      </div>
    </div>
  );
}
