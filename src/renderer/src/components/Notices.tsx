import { useEffect, useState } from 'react';
import './notices.css';

interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** Info notices fade after this long; warnings and errors stay until dismissed. */
const INFO_MS = 10_000;

/**
 * Back-end notices (`app.notice`: a recovered recording, an engine restart…) as a small stack of
 * dismissible messages in the corner, announced politely to screen readers.
 */
export function Notices() {
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let next = 1;
    return window.coach.on('app.notice', (payload) => {
      const id = next++;
      setNotices((all) => [...all.filter((n) => n.message !== payload.message), { id, ...payload }].slice(-4));
      if (payload.level === 'info') {
        setTimeout(() => setNotices((all) => all.filter((n) => n.id !== id)), INFO_MS);
      }
    });
  }, []);

  return (
    <div className="nt-region" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`nt-notice nt-${n.level}`}>
          <p>{n.message}</p>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
