import { useEffect, useState } from 'react';
import { call, messageOf } from '../../coach';
import type { SpeechModelChoice } from '../../../../shared/channels/results';
import { useResults } from '../../stores/results';

/**
 * Transcribe the take again with another speech model. The recording is kept as it is; the
 * new transcript replaces the old one (corrections of the old words are dropped, worksheet ticks
 * stay), and the results reload.
 */
export function RetranscribePanel({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const [models, setModels] = useState<SpeechModelChoice[] | null>(null);
  const [model, setModel] = useState('');
  const [state, setState] = useState<'idle' | 'running' | 'error'>('idle');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call('results.models', {})
      .then((r) => {
        if (!alive) return;
        setModels(r.models);
        setModel(r.models.find((m) => m.installed)?.id ?? '');
      })
      .catch((error: unknown) => {
        if (alive) {
          setModels([]);
          setMessage(messageOf(error));
        }
      });
    return () => {
      alive = false;
    };
  }, []);

  const installed = (models ?? []).filter((m) => m.installed);
  return (
    <div
      className="panel retranscribe"
      role="dialog"
      aria-labelledby="retranscribe-title"
      data-testid="retranscribe-panel"
    >
      <h2 id="retranscribe-title">Transcribe again</h2>
      <p className="muted small">
        The recording stays as it is. Corrections made to the current transcript are replaced.
      </p>
      {models === null && <p role="status">Looking for speech models…</p>}
      {models !== null && installed.length === 0 && (
        <p role="alert" className="warning">
          No local speech model is installed, so this take cannot be transcribed again yet. Add a model in Settings.
        </p>
      )}
      {installed.length > 0 && (
        <form
          className="tools-row"
          onSubmit={(e) => {
            e.preventDefault();
            setState('running');
            setMessage(null);
            call('results.retranscribe', { id: sessionId, model })
              .then(async () => {
                await useResults.getState().load(sessionId);
                onClose();
              })
              .catch((error: unknown) => {
                setState('error');
                setMessage(messageOf(error));
              });
          }}
        >
          <label>
            Model{' '}
            <select value={model} onChange={(e) => setModel(e.target.value)}>
              {installed.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={state === 'running' || model === ''}>
            {state === 'running' ? 'Transcribing…' : 'Transcribe'}
          </button>
          {state === 'running' && (
            <button type="button" onClick={() => void call('results.cancelRetranscribe', { id: sessionId })}>
              Cancel
            </button>
          )}
        </form>
      )}
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
