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
  const { models, loadError } = useSpeechModelChoices();
  const [runError, setRunError] = useState<string | null>(null);
  // Without models there is no form, so at most one of the two is ever set.
  const message = loadError ?? runError;

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
        <RetranscribeForm sessionId={sessionId} installed={installed} onError={setRunError} onDone={onClose} />
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

/** The speech models the back end offers (null until known), or why they could not be listed. */
function useSpeechModelChoices(): { models: SpeechModelChoice[] | null; loadError: string | null } {
  const [models, setModels] = useState<SpeechModelChoice[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call('results.models', {})
      .then((r) => {
        if (!alive) return;
        setModels(r.models);
      })
      .catch((error: unknown) => {
        if (alive) {
          setModels([]);
          setLoadError(messageOf(error));
        }
      });
    return () => {
      alive = false;
    };
  }, []);

  return { models, loadError };
}

/** Picks an installed model and runs the new transcription (cancellable), then reloads the results. */
function RetranscribeForm({
  sessionId,
  installed,
  onError,
  onDone,
}: {
  sessionId: string;
  installed: SpeechModelChoice[];
  onError(message: string | null): void;
  onDone(): void;
}) {
  const [model, setModel] = useState(() => installed[0]?.id ?? '');
  const [running, setRunning] = useState(false);
  return (
    <form
      className="tools-row"
      onSubmit={(e) => {
        e.preventDefault();
        setRunning(true);
        onError(null);
        call('results.retranscribe', { id: sessionId, model })
          .then(async () => {
            await useResults.getState().load(sessionId);
            onDone();
          })
          .catch((error: unknown) => {
            setRunning(false);
            onError(messageOf(error));
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
      <button type="submit" className="primary" disabled={running || model === ''}>
        {running ? 'Transcribing…' : 'Transcribe'}
      </button>
      {running && (
        <button type="button" onClick={() => void call('results.cancelRetranscribe', { id: sessionId })}>
          Cancel
        </button>
      )}
    </form>
  );
}
