import { useMemo } from 'react';
import { useFreshData } from '../use-fresh-data';
import { groupByStory, storyNames, takeNumbers } from '../../../core/history/group';
import type { HistoryEntry } from '../../../shared/channels/history';
import { ImportSessionButton } from '../components/history/ImportSessionButton';
import { useHistory } from '../stores/history';
import { useNavigation } from '../stores/navigation';
import { HistoryToolbar } from './sessions/HistoryToolbar';
import { StoryGroupView } from './sessions/StoryGroupView';
import { UndoToasts } from './sessions/UndoToasts';

/**
 * Every take, grouped by the incident story it tells: search, filter by story, rename, delete
 * with undo, progress per story, and two takes picked for a side-by-side comparison.
 */
export function SessionsView() {
  const { status, sessions, search, story, selected, load } = useHistory();
  useFreshData(load, status === 'error');

  const groups = useMemo(() => groupByStory(sessions, { search, story }), [sessions, search, story]);
  const numbers = useMemo(() => takeNumbers(sessions), [sessions]);
  const stories = useMemo(() => storyNames(sessions), [sessions]);
  const selectedEntries = selected.map((id) => sessions.find((s) => s.id === id)).filter((s): s is HistoryEntry => !!s);

  return (
    <section aria-labelledby="sessions-title">
      <header className="view-header">
        <h1 id="sessions-title">Sessions</h1>
        <p className="muted">Every take you record or type, grouped by the incident story it tells.</p>
        <ImportSessionButton onImported={() => void load()} />
      </header>
      <SessionsProblems />
      <UndoToasts />
      {status === 'ready' && sessions.length === 0 && <NoSessionsYet />}
      {sessions.length > 0 && (
        <>
          <HistoryToolbar
            search={search}
            story={story}
            stories={stories}
            selected={selected}
            selectedEntries={selectedEntries}
          />
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

/** Loading, a list that could not be read, session files skipped, and a failed rename or delete. */
function SessionsProblems() {
  const { status, unreadable, error, actionError } = useHistory();
  return (
    <>
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
    </>
  );
}

function NoSessionsYet() {
  const go = useNavigation((s) => s.go);
  return (
    <div className="empty-state" data-testid="sessions-empty">
      <h2>No sessions yet</h2>
      <p>
        Pick an incident you owned and tell it against the clock. Each take lands here with its time per layer and its
        rubric levels, so you can watch Mitigation shrink and the Structural fix grow.
      </p>
      <button type="button" className="primary" onClick={() => go('practice')}>
        Start a practice take
      </button>
    </div>
  );
}
