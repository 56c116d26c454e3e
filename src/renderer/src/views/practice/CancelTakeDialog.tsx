import { useEffect, useRef } from 'react';
import { formatClock } from '../../../../core/time/clock';
import { useTake } from '../../stores/take';

/** Asks whether to keep the take cancelled mid-recording; "Keep as draft" has the focus. */
export function CancelTakeDialog({ open, elapsedSec }: { open: boolean; elapsedSec: number }) {
  const { dismissCancel, cancelRecording } = useTake.getState();
  const keepButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) keepButton.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="pr-dialog-backdrop">
      <div
        className="pr-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="cancel-title"
        aria-describedby="cancel-text"
        data-testid="cancel-dialog"
      >
        <h2 id="cancel-title">Cancel this take?</h2>
        <p id="cancel-text" className="muted">
          Recording stops. Keep the {formatClock(elapsedSec)} recorded as a draft in Sessions, or discard it.
        </p>
        <div className="pr-actions">
          <button type="button" onClick={dismissCancel}>
            Continue recording
          </button>
          <button type="button" className="danger" onClick={() => void cancelRecording(false)}>
            Discard
          </button>
          <button ref={keepButton} type="button" className="primary" onClick={() => void cancelRecording(true)}>
            Keep as draft
          </button>
        </div>
      </div>
    </div>
  );
}
