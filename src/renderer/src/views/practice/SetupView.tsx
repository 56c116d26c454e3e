import { formatClock } from '../../../../core/time/clock';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup, type AnswerMode } from '../../stores/practice-setup';
import { useStories } from '../../stores/stories';
import { useTake } from '../../stores/take';
import { ImportPanel } from './ImportPanel';
import { InterruptedTakes } from './InterruptedTakes';
import { LengthPicker } from './LengthPicker';
import { MicrophoneCheck } from './MicrophoneCheck';
import { ModelReadiness } from './ModelReadiness';
import { QuestionPicker } from './QuestionPicker';
import { StoryPicker } from './StoryPicker';
import { buildTakeSetup } from './take-setup';

const MODES: { mode: AnswerMode; label: string }[] = [
  { mode: 'speak', label: 'Speak' },
  { mode: 'type', label: 'Type' },
  { mode: 'import', label: 'Import' },
];

export function SetupView({ onStartTyping }: { onStartTyping(): void }) {
  const setup = usePracticeSetup();
  const micLive = useMicrophone((s) => s.status === 'live');
  useStories((s) => s.stories); // re-check the set-up when stories load
  const startRecording = useTake((s) => s.startRecording);
  const phase = useTake((s) => s.phase);
  const built = buildTakeSetup(setup);

  const start = () => {
    if (!built.ok) return;
    if (setup.mode === 'speak') void startRecording({ ...built.value, livePacing: setup.livePacing });
    else if (setup.mode === 'type') onStartTyping();
  };

  return (
    <div className="pr-practice-grid">
      <section className="panel" aria-labelledby="setup-what">
        <h2 id="setup-what">What you will answer</h2>
        <QuestionPicker />
        <StoryPicker />
        <LengthPicker />
      </section>
      <section className="panel" aria-labelledby="setup-how">
        <h2 id="setup-how">How you will answer</h2>
        <InterruptedTakes />
        <div className="tabs" role="tablist" aria-label="Answer mode">
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              role="tab"
              aria-selected={setup.mode === m.mode}
              onClick={() => {
                setup.update({ mode: m.mode });
                if (m.mode !== 'speak') void useMicrophone.getState().close();
              }}
            >
              {m.label}
            </button>
          ))}
        </div>
        {setup.mode === 'speak' && (
          <>
            <ModelReadiness />
            <MicrophoneCheck onSwitchMode={(mode) => setup.update({ mode })} />
            <label className="pr-check-row">
              <input
                type="checkbox"
                checked={setup.livePacing}
                onChange={(e) => setup.update({ livePacing: e.target.checked })}
              />
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
                disabled={!built.ok || !micLive || phase !== 'idle'}
                onClick={start}
              >
                ● Start recording
              </button>
              <span className="muted">
                or press <kbd>Space</kbd> · {formatClock(setup.lengthSec)} target
              </span>
            </div>
          </>
        )}
        {setup.mode === 'type' && (
          <div>
            <p className="muted">
              The lesson’s written exercise: a timed editor, then the same analysis with times estimated from a speaking
              pace. Constraints: Mitigation in at most two sentences; the structural fix names a continuing artifact;
              the system learning is applied elsewhere; own a detection gap or an earlier near-miss.
            </p>
            <div className="pr-field">
              <label htmlFor="typed-minutes">Writing time (minutes)</label>
              <input
                id="typed-minutes"
                type="number"
                min={1}
                max={240}
                style={{ width: '7rem' }}
                value={setup.typedMinutes}
                onChange={(e) =>
                  setup.update({ typedMinutes: Math.max(1, Math.min(240, Math.round(Number(e.target.value) || 15))) })
                }
              />
            </div>
            <div className="pr-start-row">
              <button type="button" className="primary" data-testid="start-typing" disabled={!built.ok} onClick={start}>
                Start writing
              </button>
            </div>
          </div>
        )}
        {setup.mode === 'import' && <ImportPanel setup={built.ok ? built.value : null} />}
        {!built.ok && (
          <p className="pr-field-hint" data-testid="setup-missing" style={{ marginTop: '0.6rem' }}>
            {built.reason}
          </p>
        )}
      </section>
    </div>
  );
}
