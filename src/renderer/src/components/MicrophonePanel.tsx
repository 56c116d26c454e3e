import { useEffect, useState } from 'react';
import { useMicrophone } from '../stores/microphone';
import { useNavigation } from '../stores/navigation';
import { MicrophoneCheck } from '../views/practice/MicrophoneCheck';

/**
 * The microphone the takes use: chosen and checked here or on the Practice page (the same saved
 * choice). The microphone opens only when asked, never just because Settings was visited.
 */
export function MicrophonePanel() {
  const [checking, setChecking] = useState(false);
  const open = useNavigation((s) => s.open);
  useEffect(
    () => () => {
      void useMicrophone.getState().close();
    },
    [],
  );
  return (
    <section className="panel" aria-labelledby="mic-title" data-testid="settings-microphone">
      <h2 id="mic-title">Microphone</h2>
      <p className="muted">Choose the input for your takes and watch its level; the choice is kept for Practice.</p>
      {checking ? (
        <MicrophoneCheck onSwitchMode={() => open({ view: 'practice' })} />
      ) : (
        <button type="button" data-testid="check-microphone" onClick={() => setChecking(true)}>
          Check the microphone
        </button>
      )}
    </section>
  );
}
