import { formatClock } from '../../../../core/time/clock';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup } from '../../stores/practice-setup';
import { useTake } from '../../stores/take';
import { MicrophoneCheck } from './MicrophoneCheck';
import { ModelReadiness } from './ModelReadiness';

/** Answering aloud: the speech model, the microphone, live pacing, and the start button. */
export function SpeakSetup({ canStart, onStart }: { canStart: boolean; onStart(): void }) {
  const { livePacing, lengthSec, update } = usePracticeSetup();
  const micLive = useMicrophone((s) => s.status === 'live');
  const phase = useTake((s) => s.phase);
  return (
    <>
      <ModelReadiness />
      <MicrophoneCheck onSwitchMode={(mode) => update({ mode })} />
      <label className="pr-check-row">
        <input type="checkbox" checked={livePacing} onChange={(e) => update({ livePacing: e.target.checked })} />
        <span>
          Live pacing while I speak{' '}
          <span className="muted">(off by default: feedback after the take teaches better)</span>
        </span>
      </label>
      <div className="pr-start-row">
        <button
          type="button"
          className="primary"
          data-testid="start-recording"
          disabled={!canStart || !micLive || phase !== 'idle'}
          onClick={onStart}
        >
          ● Start recording
        </button>
        <span className="muted">
          or press <kbd>Space</kbd> · {formatClock(lengthSec)} target
        </span>
      </div>
    </>
  );
}
