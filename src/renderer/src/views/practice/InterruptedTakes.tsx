import { useEffect, useState } from 'react';
import type { InterruptedRecording } from '../../../../shared/channels/recording';
import { formatClock } from '../../../../core/time/clock';
import { call, messageOf } from '../../coach';
import { useTake } from '../../stores/take';

/** Recordings a crash cut short: repaired at start-up, offered here for analysis. */
export function InterruptedTakes() {
  const [items, setItems] = useState<InterruptedRecording[]>([]);
  const [error, setError] = useState<string | null>(null);
  const process = useTake((s) => s.process);

  useEffect(() => {
    let alive = true;
    call('recording.interrupted', {})
      .then((r) => alive && setItems(r.recordings))
      .catch((e: unknown) => alive && setError(messageOf(e)));
    return () => {
      alive = false;
    };
  }, []);

  if (items.length === 0 && !error) return null;
  return (
    <div className="pr-banner pr-warn" role="status" data-testid="interrupted-takes">
      {error && <p>{error}</p>}
      {items.map((r) => (
        <div key={r.session.id} data-session-id={r.session.id}>
          <p>
            <strong>A recording was interrupted</strong> ({r.session.story},{' '}
            {new Date(r.session.createdAt).toLocaleString()}). The {formatClock(r.recoveredSec)} saved before it stopped
            was repaired and kept.
          </p>
          <div className="pr-actions">
            <button
              type="button"
              onClick={() =>
                void process(r.session.id, {
                  kind: 'recorded',
                  question: r.session.question,
                  story: r.session.story,
                  targetSec: r.session.targetSec,
                })
              }
            >
              Analyse it
            </button>
            <button
              type="button"
              onClick={() =>
                void call('recording.cancel', { sessionId: r.session.id, keep: false })
                  .then(() => setItems((all) => all.filter((x) => x.session.id !== r.session.id)))
                  .catch((e: unknown) => setError(messageOf(e)))
              }
            >
              Discard
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
