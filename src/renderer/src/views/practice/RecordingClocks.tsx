import { formatClock } from '../../../../core/time/clock';
import type { TakeInfo } from '../../stores/take-state';

interface ClocksProps {
  take: TakeInfo;
  elapsedSec: number;
  savedSec: number;
  overtime: boolean;
}

/** Time left (or over the target), time elapsed, and how much of the take is safe on disk. */
export function RecordingClocks({ take, elapsedSec, savedSec, overtime }: ClocksProps) {
  const left = take.targetSec - elapsedSec;
  return (
    <div className="pr-clocks">
      <div className={overtime ? 'pr-clock pr-overtime' : 'pr-clock'} data-testid="time-left">
        <div className="pr-label">{overtime ? 'Over the target by' : 'Time left'}</div>
        <div className="pr-value" aria-live="off">
          {overtime ? `+${formatClock(-left)}` : formatClock(Math.ceil(left))}
        </div>
        <div className="pr-progress-track" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (elapsedSec / take.targetSec) * 100)}%` }} />
        </div>
      </div>
      <div className="pr-clock" data-testid="time-elapsed">
        <div className="pr-label">Elapsed (target {formatClock(take.targetSec)})</div>
        <div className="pr-value" data-seconds={elapsedSec.toFixed(2)}>
          {formatClock(elapsedSec)}
        </div>
        <div className="pr-saved-line" data-testid="saved" data-seconds={savedSec.toFixed(3)}>
          Saved to disk: {formatClock(savedSec)} · hard stop at {formatClock(take.hardCapSec)}
        </div>
      </div>
    </div>
  );
}
