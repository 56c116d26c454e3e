import { useTake } from '../../stores/take';
import { processingLine } from './processing-line';

/** Remaining transcription and the analysis after a take; cancellable. */
export function ProcessingScreen() {
  const processing = useTake((s) => s.processing);
  const take = useTake((s) => s.take);
  const notice = useTake((s) => s.notice);
  const cancelProcessing = useTake((s) => s.cancelProcessing);
  const fraction = processing?.fraction ?? 0;
  return (
    <section className="pr-processing panel" aria-labelledby="processing-title" data-testid="processing-screen">
      <h2 id="processing-title">Processing your take</h2>
      {take && (
        <p className="muted">
          “{take.question}” · {take.story}
        </p>
      )}
      {notice && <p className="pr-banner pr-info">{notice}</p>}
      <p role="status" data-testid="processing-stage">
        {processingLine(processing)}
      </p>
      <div
        className="pr-progress-track"
        role="progressbar"
        aria-label="Processing progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <span style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="pr-rec-actions">
        <button type="button" data-testid="cancel-processing" onClick={() => void cancelProcessing()}>
          Cancel
        </button>
        <span className="muted">The recording is kept either way; you can analyse it later from Sessions.</span>
      </div>
    </section>
  );
}
