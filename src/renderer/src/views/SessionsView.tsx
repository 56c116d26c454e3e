import { useEffect } from 'react';
import { useNavigation } from '../stores/navigation';
import { useSessions } from '../stores/sessions';

function formatDuration(sec: number | null): string {
  if (sec === null) return '—';
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function SessionsView() {
  const { status, sessions, unreadable, error, load } = useSessions();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="sessions-title">
      <header className="view-header">
        <h1 id="sessions-title">Sessions</h1>
        <p className="muted">Every take you record or type, grouped by the incident story it tells.</p>
      </header>
      {status === 'loading' && <p role="status">Loading sessions…</p>}
      {status === 'error' && (
        <p role="alert" className="error">
          Could not read your sessions: {error}
        </p>
      )}
      {unreadable.length > 0 && (
        <div role="alert" className="warning">
          {unreadable.length} session file{unreadable.length === 1 ? '' : 's'} could not be read and {unreadable.length === 1 ? 'was' : 'were'} skipped:
          <ul>
            {unreadable.map((u) => (
              <li key={u.file}>
                <code>{u.file}</code> — {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
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
        <table className="sessions-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Question</th>
              <th scope="col">Date</th>
              <th scope="col">Length</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.title ?? s.story}</td>
                <td>{s.question}</td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{formatDuration(s.durationSec)}</td>
                <td>{s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
