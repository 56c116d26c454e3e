import { useEffect } from 'react';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup } from '../../stores/practice-setup';
import { useTake } from '../../stores/take';
import { EndedPanel } from './EndedPanel';
import { ProcessingScreen } from './ProcessingScreen';
import { RecordingScreen } from './RecordingScreen';
import { SetupView } from './SetupView';
import { buildTakeSetup } from './take-setup';
import { TypedAnswer } from './TypedAnswer';
import './practice.css';

/** Elements where Space and Esc already mean something to the user. */
function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName) ||
    target.closest('[role="dialog"],[role="alertdialog"]') !== null
  );
}

/**
 * The Practice view: set-up → recording → processing, then the results view (#/sessions/<id>);
 * plus the typed and imported paths.
 * Keyboard: Space starts/stops a recording, Esc asks to cancel it (with confirmation).
 */
export function PracticeFlow() {
  const phase = useTake((s) => s.phase);
  const notice = useTake((s) => s.notice);
  const error = useTake((s) => s.error);
  const typing = useTake((s) => s.typing);
  const setTyping = useTake((s) => s.setTyping);
  const setup = usePracticeSetup();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const take = useTake.getState();
      if (e.key === 'Escape') {
        if (take.phase === 'recording') {
          e.preventDefault();
          if (take.confirmingCancel) take.dismissCancel();
          else take.askCancel();
        }
        return;
      }
      if (e.key !== ' ' || e.repeat || isInteractive(e.target)) return;
      if (take.phase === 'recording' && !take.confirmingCancel) {
        e.preventDefault();
        void take.stopRecording('user');
      } else if (take.phase === 'idle' && !take.typing) {
        const current = usePracticeSetup.getState();
        const built = buildTakeSetup(current);
        if (current.mode === 'speak' && built.ok && useMicrophone.getState().status === 'live') {
          e.preventDefault();
          void take.startRecording({ ...built.value, livePacing: current.livePacing });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Leaving the Practice view releases the microphone (unless a take is recording).
  useEffect(
    () => () => {
      if (useTake.getState().phase === 'idle') void useMicrophone.getState().close();
    },
    [],
  );

  const built = buildTakeSetup(setup);
  return (
    <>
      {phase === 'idle' && notice && (
        <div className="pr-banner pr-info" role="status" data-testid="practice-notice">
          {notice}
        </div>
      )}
      {phase === 'idle' && error && !typing && setup.mode === 'speak' && (
        <div className="pr-banner error" role="alert" data-testid="practice-error">
          {error}
        </div>
      )}
      {phase === 'idle' && !typing && <SetupView onStartTyping={() => setTyping(true)} />}
      {phase === 'idle' && typing && built.ok && (
        <TypedAnswer setup={built.value} minutes={setup.typedMinutes} onLeave={() => setTyping(false)} />
      )}
      {(phase === 'starting' || phase === 'recording' || phase === 'stopping') && <RecordingScreen />}
      {phase === 'processing' && <ProcessingScreen />}
      {phase === 'ended' && <EndedPanel />}
    </>
  );
}
