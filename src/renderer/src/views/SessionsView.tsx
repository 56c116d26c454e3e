import { AnalyseLaterButton } from '../components/AnalyseLaterButton';
import { useMemo, useState } from 'react';
import { useFreshData } from '../use-fresh-data';
import { RUBRIC_DIMENSIONS } from '../../../core/analysis/types';
import { groupByStory, storyNames, takeNumbers, type StoryGroup } from '../../../core/history/group';
import { LEVEL_NAMES, tierLabel } from '../../../core/results/panels';
import { formatClock } from '../../../core/time/clock';
import type { HistoryEntry } from '../../../shared/channels/history';
import { ImportSessionButton } from '../components/history/ImportSessionButton';
import { ProgressChart } from '../components/history/ProgressChart';
import { layerVar } from '../results/layers';
import { UNDO_SECONDS, useHistory } from '../stores/history';
import { useNavigation } from '../stores/navigation';

const SHORT_DIMENSION = {
  layer_balance: 'Balance',
  structural_fix_specificity: 'Fix',
  system_learning: 'Learning',
  honesty_about_detection: 'Detection',
} as const;

/**
 * Every take, grouped by the incident story it tells: search, filter by story, rename, delete
 * with undo, progress per story, and two takes picked for a side-by-side comparison.
 */
export function SessionsView() {
  const { status, sessions, unreadable, error, search, story, selected, actionError, load } = useHistory();
  const go = useNavigation((s) => s.go);
  const open = useNavigation((s) => s.open);
  useFreshData(load, status === 'error');

  const groups = useMemo(() => groupByStory(sessions, { search, story }), [sessions, search, story]);
  const numbers = useMemo(() => takeNumbers(sessions), [sessions]);
  const stories = useMemo(() => storyNames(sessions), [sessions]);
  const selectedEntries = selected.map((id) => sessions.find((s) => s.id === id)).filter((s): s is HistoryEntry => !!s);
  const sameStory =
    selectedEntries.length === 2 &&
    selectedEntries[0]?.story.trim().toLowerCase() === selectedEntries[1]?.story.trim().toLowerCase();

  return (
    <section aria-labelledby="sessions-title">
      <header className="view-header">
        <h1 id="sessions-title">Sessions</h1>
        <p className="muted">Every take you record or type, grouped by the incident story it tells.</p>
        <ImportSessionButton onImported={() => void load()} />
      </header>
      {status === 'loading' && <p role="status">Loading sessions…</p>}
      {status === 'error' && (
        <p role="alert" className="error">
          Could not read your sessions: {error}
        </p>
      )}
      {unreadable.length > 0 && (
        <div role="alert" className="warning">
          {unreadable.length} session file{unreadable.length === 1 ? '' : 's'} could not be read and{' '}
          {unreadable.length === 1 ? 'was' : 'were'} skipped:
          <ul>
            {unreadable.map((u) => (
              <li key={u.file}>
                <code>{u.file}</code> — {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      <UndoToasts />
      {status === 'ready' && sessions.length === 0 && (
        <div className="empty-state" data-testid="sessions-empty">
          <h2>No sessions yet</h2>
          <p>
            Pick an incident you owned and tell it against the clock. Each take lands here with its time per layer and
            its rubric levels, so you can watch Mitigation shrink and the Structural fix grow.
          </p>
          <button type="button" className="primary" onClick={() => go('practice')}>
            Start a practice take
          </button>
        </div>
      )}
      {sessions.length > 0 && (
        <>
          <div className="history-toolbar" role="search">
            <label>
              Search{' '}
              <input
                type="search"
                value={search}
                placeholder="story, title, question, tier"
                onChange={(e) => useHistory.getState().setSearch(e.target.value)}
                data-testid="history-search"
              />
            </label>
            <label>
              Story{' '}
              <select
                value={story}
                onChange={(e) => useHistory.getState().setStory(e.target.value)}
                data-testid="story-filter"
              >
                <option value="">All stories</option>
                {stories.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="primary"
              disabled={!sameStory}
              title={sameStory ? 'Compare the two ticked takes' : 'Tick two takes of the same story to compare them'}
              onClick={() => {
                const [a, b] = [...selectedEntries].sort((p, q) => p.createdAt.localeCompare(q.createdAt));
                if (a && b) open({ view: 'compare', a: a.id, b: b.id });
              }}
              data-testid="compare-button"
            >
              Compare {selected.length}/2
            </button>
            {selected.length === 2 && !sameStory && (
              <span className="muted small">Pick two takes of the same story.</span>
            )}
          </div>
          <div data-testid="sessions-table" className="story-groups">
            {groups.length === 0 && <p className="muted">No take matches “{search}”.</p>}
            {groups.map((group) => (
              <StoryGroupView key={group.story} group={group} selected={selected} numbers={numbers} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function StoryGroupView({
  group,
  selected,
  numbers,
}: {
  group: StoryGroup<HistoryEntry>;
  selected: string[];
  numbers: Map<string, number>;
}) {
  const [showProgress, setShowProgress] = useState(false);
  const headingId = `story-${group.story.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <section className="story-group" aria-labelledby={headingId} data-testid="story-group">
      <header className="story-head">
        <h2 id={headingId}>{group.story}</h2>
        <span className="muted">
          {group.takes.length} take{group.takes.length === 1 ? '' : 's'}
        </span>
        <button
          type="button"
          aria-expanded={showProgress}
          onClick={() => setShowProgress(!showProgress)}
          data-testid="progress-toggle"
        >
          {showProgress ? 'Hide progress' : 'Progress'}
        </button>
      </header>
      {showProgress && (
        <ProgressChart
          story={group.story}
          attempts={group.attempts.flatMap((a) =>
            a.digest ? [{ id: a.id, createdAt: a.createdAt, digest: a.digest }] : [],
          )}
        />
      )}
      <div className="table-scroll">
        <table className="sessions-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col">Take</th>
              <th scope="col">Date</th>
              <th scope="col">Length</th>
              <th scope="col">Tier</th>
              <th scope="col">Levels</th>
              <th scope="col">Mitigation vs Structural fix</th>
            </tr>
          </thead>
          <tbody>
            {group.takes.map((take) => (
              <TakeRow
                key={take.id}
                take={take}
                number={numbers.get(take.id) ?? 0}
                checked={selected.includes(take.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TakeRow({ take, number, checked }: { take: HistoryEntry; number: number; checked: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState('');
  const open = useNavigation((s) => s.open);
  const { rename, remove, toggleSelected } = useHistory.getState();
  const d = take.digest;
  const levels = d?.levels;
  const name = take.title ?? `Take ${number}`;
  const mitigation = d?.layers.mitigation.seconds ?? 0;
  const fix = d?.layers.structural_fix.seconds ?? 0;
  const max = Math.max(1, mitigation, fix);
  return (
    <tr data-testid="take-row" data-id={take.id}>
      <td>
        <input
          type="checkbox"
          checked={checked}
          onChange={() => toggleSelected(take.id)}
          aria-label={`Select “${name}” for comparison`}
          disabled={!d}
        />
      </td>
      <td className="take-name">
        {renaming ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void rename(take.id, draft).then(() => setRenaming(false));
            }}
          >
            <label className="visually-hidden" htmlFor={`rename-${take.id}`}>
              New name
            </label>
            <input
              id={`rename-${take.id}`}
              value={draft}
              maxLength={120}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRenaming(false);
              }}
              autoFocus
              data-testid="rename-input"
            />
            <button type="submit">Save</button>
          </form>
        ) : (
          <>
            <button type="button" className="link take-open" onClick={() => open({ view: 'results', id: take.id })}>
              {name}
            </button>
            <div className="muted small question">“{take.question}”</div>
            <div className="muted small">
              {take.importedFrom !== null ? `imported from ${take.importedFrom}` : take.kind}
              {take.corrected ? ' · corrected' : ''}
              {take.digestNote ? ` · ${take.digestNote}` : ''}
            </div>
            {!d && take.status !== 'recording' && take.status !== 'processing' && (
              <AnalyseLaterButton sessionId={take.id} typed={take.kind === 'typed'} name={name} />
            )}
            <div className="row-actions">
              <button
                type="button"
                onClick={() => open({ view: 'results', id: take.id })}
                aria-label={`Open “${name}”`}
              >
                Open
              </button>
              <button
                type="button"
                onClick={() => {
                  // The field starts with the name shown, so a small change needs no retyping.
                  setDraft(name);
                  setRenaming(true);
                }}
                aria-label={`Rename “${name}”`}
              >
                Rename
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => void remove(take.id)}
                aria-label={`Delete “${name}”`}
              >
                Delete
              </button>
            </div>
          </>
        )}
      </td>
      <td className="nowrap">
        {new Date(take.createdAt).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}
        <div className="muted small">
          {new Date(take.createdAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
        </div>
      </td>
      <td>{take.durationSec === null ? '—' : formatClock(take.durationSec)}</td>
      <td>{d ? <span className={`tier-badge tier-${d.tier ?? 'none'}`}>{tierLabel(d.tier)}</span> : '—'}</td>
      <td>
        {levels ? (
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
        ) : (
          '—'
        )}
      </td>
      <td>
        {d ? (
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
              <span
                className="mvf-bar"
                style={{ width: `${(fix / max) * 100}%`, background: layerVar('structural_fix') }}
              />
            </div>
          </div>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function UndoToasts() {
  const pending = useHistory((s) => s.pending);
  if (pending.length === 0) return null;
  return (
    <div className="toasts" role="status" aria-live="polite">
      {pending.map((p) => (
        <div key={p.id} className="toast" data-testid="undo-toast">
          Deleted “{p.label}”. It is removed for good in {UNDO_SECONDS} s.{' '}
          <button type="button" className="primary" onClick={() => void useHistory.getState().undo(p.id)}>
            Undo
          </button>
        </div>
      ))}
    </div>
  );
}
