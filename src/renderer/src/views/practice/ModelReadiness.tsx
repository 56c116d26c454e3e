import { useFreshData } from '../../use-fresh-data';
import { byteSize } from '../../../../core/report/format';
import { FIRST_RUN_MODELS, type ModelEntry } from '../../../../shared/channels/models';
import { useModels } from '../../stores/models';
import { useNavigation } from '../../stores/navigation';

const PURPOSE = {
  whisper: { name: 'Speech model (Whisper)', for: 'turns your answer into text' },
  vad: { name: 'Voice-activity model', for: 'finds where you speak, so silence is not transcribed' },
} as const;

function MissingModel({ kind, entry }: { kind: 'whisper' | 'vad'; entry: ModelEntry | undefined }) {
  const progress = useModels((s) => (entry ? s.progress[entry.id] : undefined));
  const error = useModels((s) => (entry ? s.errors[entry.id] : undefined));
  const open = useNavigation((s) => s.open);
  const purpose = PURPOSE[kind];
  return (
    <li data-testid={`missing-${kind}`}>
      <span>
        <strong>{purpose.name}</strong>: {purpose.for}.
      </span>
      <span className="pr-model-actions">
        {entry && !progress && (
          <button type="button" className="small" onClick={() => void useModels.getState().download(entry.id)}>
            Download {entry.id} ({byteSize(entry.approxBytes)})
          </button>
        )}
        <button
          type="button"
          className="link small"
          title="Opens Settings, where a model file on this machine can be imported"
          onClick={() => open({ view: 'settings' })}
        >
          Import a file (offline)
        </button>
      </span>
      {progress && (
        <progress
          max={progress.totalBytes ?? undefined}
          value={progress.receivedBytes}
          aria-label={`Downloading ${entry?.id ?? ''}: ${byteSize(progress.receivedBytes)}`}
        />
      )}
      {error && (
        <p className="error small" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}

/**
 * What transcription needs, said before the user speaks: which models are installed and, for a
 * missing one, what it is for, its size, and a download or an offline import. Recording works
 * without them; the take is kept and transcribed once they are installed.
 */
export function ModelReadiness() {
  const overview = useModels((s) => s.overview);
  const load = useModels((s) => s.load);
  const failing = useModels((s) => s.loadError !== null);
  // Models may be installed from Settings, another window or the CLI before the user speaks.
  useFreshData(load, failing);
  if (!overview) return null;
  const installed = (kind: 'whisper' | 'vad') =>
    overview.models.filter((m) => m.kind === kind && m.status === 'installed');
  const whisper = installed('whisper');
  const vad = installed('vad');
  if (whisper.length > 0 && vad.length > 0) {
    const speech = whisper.find((m) => m.isDefault) ?? whisper[0];
    return (
      <p className="muted small" data-testid="models-ready">
        Transcribed on this machine with {speech?.id}.
      </p>
    );
  }
  const entry = (id: string) => overview.models.find((m) => m.id === id);
  return (
    <div className="pr-models" role="status" data-testid="models-missing">
      <p>
        <strong>Before you speak:</strong> transcription needs these models on this machine.
      </p>
      <ul>
        {whisper.length === 0 && <MissingModel kind="whisper" entry={entry(FIRST_RUN_MODELS.whisper)} />}
        {vad.length === 0 && <MissingModel kind="vad" entry={entry(FIRST_RUN_MODELS.vad)} />}
      </ul>
      <p className="muted small">
        You can record now: the take is kept, and Sessions transcribes it once the models are installed.
      </p>
    </div>
  );
}
