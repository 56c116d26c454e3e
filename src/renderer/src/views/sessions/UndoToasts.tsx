import { useHistory } from '../../stores/history';
import { UNDO_SECONDS } from '../../stores/history-deletes';

/** One toast per take deleted but not yet gone for good, each with its Undo. */
export function UndoToasts() {
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
