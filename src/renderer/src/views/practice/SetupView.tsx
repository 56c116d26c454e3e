import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup, type AnswerMode } from '../../stores/practice-setup';
import { useStories } from '../../stores/stories';
import { useTake } from '../../stores/take';
import { ImportPanel } from './ImportPanel';
import { InterruptedTakes } from './InterruptedTakes';
import { LengthPicker } from './LengthPicker';
import { QuestionPicker } from './QuestionPicker';
import { SpeakSetup } from './SpeakSetup';
import { StoryPicker } from './StoryPicker';
import { buildTakeSetup } from './take-setup';
import { WritingSetup } from './WritingSetup';

const MODES: { mode: AnswerMode; label: string }[] = [
  { mode: 'speak', label: 'Speak' },
  { mode: 'type', label: 'Type' },
  { mode: 'import', label: 'Import' },
];

export function SetupView({ onStartTyping }: { onStartTyping(): void }) {
  const setup = usePracticeSetup();
  useStories((s) => s.stories); // re-check the set-up when stories load
  const startRecording = useTake((s) => s.startRecording);
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
        <AnswerModeTabs />
        {setup.mode === 'speak' && <SpeakSetup canStart={built.ok} onStart={start} />}
        {setup.mode === 'type' && <WritingSetup canStart={built.ok} onStart={start} />}
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

/** Speak, type or import: leaving Speak lets the microphone go. */
function AnswerModeTabs() {
  const { mode, update } = usePracticeSetup();
  return (
    <div className="tabs" role="tablist" aria-label="Answer mode">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          role="tab"
          aria-selected={mode === m.mode}
          onClick={() => {
            update({ mode: m.mode });
            if (m.mode !== 'speak') void useMicrophone.getState().close();
          }}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
