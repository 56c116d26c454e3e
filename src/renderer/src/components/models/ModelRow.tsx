import type { ModelEntry } from '../../../../shared/channels/models';
import { useModels } from '../../stores/models';
import type { ModelProgress } from '../../stores/models-state';
import { formatBytes } from './model-format';

function formatEta(sec: number | null): string {
  if (sec === null) return '';
  if (sec < 60) return `${Math.ceil(sec)} s left`;
  return `${Math.ceil(sec / 60)} min left`;
}

const STATUS_TEXT: Record<ModelEntry['status'], string> = {
  installed: 'Installed',
  not_installed: 'Not installed',
  partial: 'Partly downloaded',
  downloading: 'Downloading',
  damaged: 'Damaged — remove or re-download',
};

function ProgressBar({ progress }: { progress: ModelProgress }) {
  const pct = progress.totalBytes ? Math.min(100, (progress.receivedBytes / progress.totalBytes) * 100) : null;
  return (
    <div className="download-progress">
      <progress max={100} value={pct ?? undefined} aria-label="Download progress" />
      <span className="muted">
        {formatBytes(progress.receivedBytes)}
        {progress.totalBytes ? ` of ${formatBytes(progress.totalBytes)}` : ''} · {formatEta(progress.etaSec)}
      </span>
    </div>
  );
}

/** One model: what it is, its size and memory, its status (download progress, last error), actions. */
export function ModelRow({ model, onImport }: { model: ModelEntry; onImport: () => void }) {
  const progress = useModels((s) => s.progress[model.id]);
  const error = useModels((s) => s.errors[model.id]);
  const offerImport = error && ['offline', 'forbidden', 'not_found'].includes(error.code);
  return (
    <tr data-testid={`model-${model.id}`}>
      <th scope="row">
        {model.id} <span className="muted small">{model.label}</span>
        {model.recommended && <span className="badge">recommended for this machine</span>}
        {model.isDefault && <span className="badge badge-strong">default</span>}
      </th>
      <td>{model.kind === 'vad' ? 'Speech detection' : model.englishOnly ? 'English' : 'Multilingual'}</td>
      <td>{formatBytes(model.bytes ?? model.approxBytes)}</td>
      <td>{model.memoryMB === null ? '—' : `${model.memoryEstimated ? '~' : ''}${model.memoryMB} MB`}</td>
      <td>
        {STATUS_TEXT[model.status]}
        {progress && <ProgressBar progress={progress} />}
        {error && (
          <p role="alert" className="error small">
            {error.message}{' '}
            {offerImport && (
              <button type="button" className="link" onClick={onImport}>
                Import a file…
              </button>
            )}
          </p>
        )}
      </td>
      <td>
        <ModelActions model={model} downloading={progress !== undefined} />
      </td>
    </tr>
  );
}

/** Download or resume, cancel, make default, remove: whichever apply to the model as it is. */
function ModelActions({ model, downloading }: { model: ModelEntry; downloading: boolean }) {
  const { download, cancel, remove, setDefault } = useModels();
  const busy = useModels((s) => s.busy[model.id] === true);
  const installed = model.status === 'installed';
  return (
    <div className="actions">
      {!installed && !busy && model.source === 'official' && (
        <button type="button" onClick={() => void download(model.id)}>
          {model.status === 'partial' ? 'Resume download' : 'Download'}
        </button>
      )}
      {busy && downloading && (
        <button type="button" onClick={() => void cancel(model.id)}>
          Cancel
        </button>
      )}
      {installed && model.kind === 'whisper' && !model.isDefault && (
        <button type="button" disabled={busy} onClick={() => void setDefault(model.id)}>
          Use by default
        </button>
      )}
      {(installed || model.status === 'partial' || model.status === 'damaged') && (
        <button type="button" className="danger" disabled={busy} onClick={() => void remove(model.id)}>
          Remove
        </button>
      )}
    </div>
  );
}
