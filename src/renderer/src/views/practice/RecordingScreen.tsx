import { useEffect, useRef } from 'react';
import { LAYER_INFO, OUTLINE_LAYERS } from '../../../../core/analysis/layers';
import { budgetForLength } from '../../../../core/analysis/budget';
import { formatClock } from '../../../../core/time/clock';
import { OutlineBesideTimer } from '../../components/documents/OutlineBesideTimer';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup } from '../../stores/practice-setup';
import { useStoryOutline } from '../../stores/story-outline';
import { useTake } from '../../stores/take';
import { BudgetRow } from './BudgetRow';
import { LevelMeter } from './LevelMeter';
import { SignalWarnings } from './SignalWarnings';

/** The screen while speaking: time left and elapsed, level, warnings, optional pacing, stop. */
export function RecordingScreen() {
  const { phase, take, elapsedSec, savedSec, overtime, upload, notice, confirmingCancel } = useTake();
  const { stopRecording, askCancel, dismissCancel, cancelRecording } = useTake();
  const deviceLabel = useMicrophone((s) => s.deviceLabel);
  const keepButton = useRef<HTMLButtonElement>(null);
  // The take was started from the Practice set-up, so its story is the set-up's story.
  const storyId = usePracticeSetup((s) => s.storyId);
  const outline = useStoryOutline((s) => (s.storyId === storyId ? s.outline : null));

  useEffect(() => {
    if (confirmingCancel) keepButton.current?.focus();
  }, [confirmingCancel]);

  // A story saved from a document brings its outline beside the timer; other stories show nothing.
  useEffect(() => {
    void useStoryOutline.getState().load(storyId);
  }, [storyId]);

  if (!take) return null;
  const left = take.targetSec - elapsedSec;
  const stopping = phase === 'stopping' || phase === 'starting';
  return (
    <section
      className={outline ? 'pr-rec-screen pr-rec-with-outline' : 'pr-rec-screen'}
      aria-labelledby="rec-title"
      data-testid="recording-screen"
      data-phase={phase}
    >
      <div className="pr-rec-main">
        <div className="pr-rec-head">
          <span className={stopping ? 'pr-rec-dot pr-paused' : 'pr-rec-dot'} aria-hidden="true" />
          <h2 id="rec-title" style={{ margin: 0 }}>
            {phase === 'starting' ? 'Starting…' : phase === 'stopping' ? 'Saving the take…' : 'Recording'}
          </h2>
          <span className="muted">· {take.story}</span>
        </div>
        <p className="pr-rec-question">“{take.question}”</p>

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

        <div className="pr-field">
          <span className="pr-field-label">
            Input level {deviceLabel && <span className="muted">· {deviceLabel}</span>}
          </span>
          <LevelMeter big />
        </div>
        <SignalWarnings />

        {overtime && (
          <div className="pr-banner pr-warn" role="status" data-testid="overtime">
            <strong>Time’s up.</strong> Recording goes on: close on what you learned about the system, then stop.
          </div>
        )}
        {notice && !overtime && (
          <div className="pr-banner pr-info" role="status" data-testid="rec-notice">
            {notice}
          </div>
        )}
        {upload.kind === 'retrying' && (
          <div className="pr-banner pr-warn" role="alert" data-testid="backend-unreachable">
            <strong>The back end is not answering.</strong> Still recording:{' '}
            {Math.max(0, Math.round(elapsedSec - savedSec))} s of audio is held in memory and will be saved as soon as
            it is back.
          </div>
        )}

        <div className="pr-rec-actions">
          <button
            type="button"
            className="primary"
            data-testid="stop-recording"
            disabled={phase !== 'recording'}
            onClick={() => void stopRecording('user')}
          >
            ■ Stop and analyse
          </button>
          <button type="button" disabled={phase !== 'recording'} onClick={askCancel}>
            Cancel…
          </button>
          <span className="muted">
            <kbd>Space</kbd> stop · <kbd>Esc</kbd> cancel
          </span>
        </div>

        {take.livePacing && <LivePacing />}
        {!take.streaming && (
          <p className="pr-banner pr-info" data-testid="no-live-transcription">
            Live transcription is off: no usable speech model is installed. Your audio is being saved; install a model
            in Settings → Speech models to analyse it.
          </p>
        )}
        {!take.livePacing && take.streaming && (
          <p className="pr-field-hint">Transcribing while you speak, so results are ready soon after you stop.</p>
        )}
      </div>
      {outline && <OutlineBesideTimer outline={outline} />}

      {confirmingCancel && (
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
      )}
    </section>
  );
}

function LivePacing() {
  const pacing = useTake((s) => s.pacing);
  const take = useTake((s) => s.take);
  if (!take) return null;
  const budget = budgetForLength(take.targetSec);
  return (
    <section className="panel pr-pacing" aria-labelledby="pacing-title" data-testid="live-pacing">
      <h3 id="pacing-title">Live pacing</h3>
      {!pacing && <p className="muted">Listening… the first layer shows after your first sentence.</p>}
      {pacing && (
        <>
          <p className="pr-pacing-now">
            Now: <strong>{pacing.currentLayer ? LAYER_INFO[pacing.currentLayer].longName : '—'}</strong>
          </p>
          <div className="pr-budget">
            {OUTLINE_LAYERS.map((layer) => {
              const spent = pacing.secondsPerLayer[layer] ?? 0;
              const target = budget.seconds[layer];
              return (
                <BudgetRow key={layer} layer={layer} percent={Math.min(100, (spent / Math.max(1, target)) * 100)}>
                  {Math.round(spent)} / {target} s
                </BudgetRow>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
