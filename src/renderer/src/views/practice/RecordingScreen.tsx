import { useEffect } from 'react';
import { OutlineBesideTimer } from '../../components/documents/OutlineBesideTimer';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup } from '../../stores/practice-setup';
import { useStoryOutline } from '../../stores/story-outline';
import { useTake } from '../../stores/take';
import type { TakeInfo, TakePhase } from '../../stores/take-state';
import { CancelTakeDialog } from './CancelTakeDialog';
import { LevelMeter } from './LevelMeter';
import { LivePacing } from './LivePacing';
import { RecordingClocks } from './RecordingClocks';
import { SignalWarnings } from './SignalWarnings';

/** The screen while speaking: time left and elapsed, level, warnings, optional pacing, stop. */
export function RecordingScreen() {
  const { phase, take, elapsedSec, savedSec, overtime, upload, notice, confirmingCancel } = useTake();
  const deviceLabel = useMicrophone((s) => s.deviceLabel);
  // The take was started from the Practice set-up, so its story is the set-up's story.
  const storyId = usePracticeSetup((s) => s.storyId);
  const outline = useStoryOutline((s) => (s.storyId === storyId ? s.outline : null));

  // A story saved from a document brings its outline beside the timer; other stories show nothing.
  useEffect(() => {
    void useStoryOutline.getState().load(storyId);
  }, [storyId]);

  if (!take) return null;
  return (
    <section
      className={outline ? 'pr-rec-screen pr-rec-with-outline' : 'pr-rec-screen'}
      aria-labelledby="rec-title"
      data-testid="recording-screen"
      data-phase={phase}
    >
      <div className="pr-rec-main">
        <RecordingHeading phase={phase} take={take} />
        <RecordingClocks take={take} elapsedSec={elapsedSec} savedSec={savedSec} overtime={overtime} />
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
        <RecordingActions phase={phase} />
        <TranscriptionNote take={take} />
      </div>
      {outline && <OutlineBesideTimer outline={outline} />}
      <CancelTakeDialog open={confirmingCancel} elapsedSec={elapsedSec} />
    </section>
  );
}

function RecordingHeading({ phase, take }: { phase: TakePhase; take: TakeInfo }) {
  const stopping = phase === 'stopping' || phase === 'starting';
  return (
    <>
      <div className="pr-rec-head">
        <span className={stopping ? 'pr-rec-dot pr-paused' : 'pr-rec-dot'} aria-hidden="true" />
        <h2 id="rec-title" style={{ margin: 0 }}>
          {phase === 'starting' ? 'Starting…' : phase === 'stopping' ? 'Saving the take…' : 'Recording'}
        </h2>
        <span className="muted">· {take.story}</span>
      </div>
      <p className="pr-rec-question">“{take.question}”</p>
    </>
  );
}

function RecordingActions({ phase }: { phase: TakePhase }) {
  const { stopRecording, askCancel } = useTake.getState();
  return (
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
  );
}

/** Live pacing when it is on; otherwise whether the take is being transcribed as it is spoken. */
function TranscriptionNote({ take }: { take: TakeInfo }) {
  return (
    <>
      {take.livePacing && <LivePacing />}
      {!take.streaming && (
        <p className="pr-banner pr-info" data-testid="no-live-transcription">
          Live transcription is off: no usable speech model is installed. Your audio is being saved; install a model in
          Settings → Speech models to analyse it.
        </p>
      )}
      {!take.livePacing && take.streaming && (
        <p className="pr-field-hint">Transcribing while you speak, so results are ready soon after you stop.</p>
      )}
    </>
  );
}
