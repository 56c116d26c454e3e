import { useEffect, useRef, useState } from 'react';
import { useFreshData } from '../use-fresh-data';
import { byteSize } from '../../../core/report/format';
import {
  subscribeModelProgress,
  useModels,
  type ModelEntry,
  type ModelProgress,
  type ModelUpload,
} from '../stores/models';

function formatBytes(bytes: number | null): string {
  return bytes === null ? '—' : byteSize(bytes);
}

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

/** A model file on its way up from the page: bytes, percent, and a way to stop it. */
function UploadProgress({ upload, onCancel }: { upload: ModelUpload; onCancel: () => void }) {
  const pct = upload.totalBytes > 0 ? Math.floor((100 * upload.sentBytes) / upload.totalBytes) : 100;
  const what =
    upload.phase === 'checking'
      ? `Checking ${upload.fileName}…`
      : upload.phase === 'cancelling'
        ? `Cancelling the upload of ${upload.fileName}…`
        : `Uploading ${upload.fileName}…`;
  return (
    <div className="download-progress" data-testid="model-upload">
      {/* Only the phase is announced: a live region on the byte count would talk at every part. */}
      <span role="status">{what}</span>
      <progress max={100} value={pct} aria-label={`Upload of ${upload.fileName}`} />
      <div className="row">
        <span className="muted" data-testid="model-upload-bytes">
          {formatBytes(upload.sentBytes)} of {formatBytes(upload.totalBytes)} · {pct}%
        </span>
        {upload.phase === 'sending' && (
          <button type="button" onClick={onCancel}>
            Cancel upload
          </button>
        )}
      </div>
    </div>
  );
}

function ModelRow({ model, onImport }: { model: ModelEntry; onImport: () => void }) {
  const { download, cancel, remove, setDefault } = useModels();
  const busy = useModels((s) => s.busy[model.id] === true);
  const progress = useModels((s) => s.progress[model.id]);
  const error = useModels((s) => s.errors[model.id]);
  const installed = model.status === 'installed';
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
        <div className="actions">
          {!installed && !busy && model.source === 'official' && (
            <button type="button" onClick={() => void download(model.id)}>
              {model.status === 'partial' ? 'Resume download' : 'Download'}
            </button>
          )}
          {busy && progress && (
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
      </td>
    </tr>
  );
}

export function ModelsPanel() {
  const { overview, loadError, load, notice, importFile, setMirror, setDefault } = useModels();
  const importError = useModels((s) => s.errors.import);
  const benchError = useModels((s) => s.errors.bench);
  const benching = useModels((s) => s.busy.bench === true);
  const bench = useModels((s) => s.bench);
  const { upload, uploadFile, cancelUpload } = useModels();
  const fileInput = useRef<HTMLInputElement>(null);
  // The desktop app shows the system dialog (the back end reads the file itself); elsewhere the
  // page picks the file and uploads its bytes.
  const chooseModelFile = (): void => {
    if (overview?.importDialog) void importFile();
    else fileInput.current?.click();
  };
  useFreshData(load, loadError !== null);
  useEffect(() => subscribeModelProgress(), []);
  // The back end measures newly installed models in the background; follow it until it is done.
  const benchState = overview?.benchState ?? 'idle';
  useEffect(() => {
    if (benchState === 'idle') return undefined;
    const timer = setTimeout(() => void load(), 1500);
    return () => clearTimeout(timer);
  }, [benchState, overview, load]);

  return (
    <section className="panel" aria-labelledby="models-title" data-testid="models-panel">
      <h2 id="models-title">Speech models</h2>
      <p className="muted">
        Whisper runs on this machine. Bigger models transcribe better and slower; downloads are checked against pinned
        checksums before use.
      </p>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {overview && (
        <>
          <p>
            Default model:{' '}
            <strong data-testid="models-default">
              {overview.default
                ? `${overview.default.id} (${overview.default.chosenBy === 'user' ? 'your choice' : overview.default.chosenBy === 'recommendation' ? 'recommended for this machine' : 'the only one installed'})`
                : 'none installed yet'}
            </strong>
            {overview.default?.chosenBy === 'user' && (
              <button type="button" className="link" onClick={() => void setDefault(null)}>
                Follow the recommendation
              </button>
            )}
          </p>
          {overview.recommendation && <p className="muted small">{overview.recommendation.reason}</p>}
          {benchState !== 'idle' && (
            <p className="muted small" role="status" data-testid="models-bench-state">
              {benchState === 'running'
                ? 'Measuring the installed models on this machine to recommend one…'
                : 'Will measure newly installed models on this machine when nothing is being transcribed.'}
            </p>
          )}
          <table className="models-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Language</th>
                <th scope="col">Size</th>
                <th scope="col">Memory</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.models.map((m) => (
                <ModelRow key={m.id} model={m} onImport={chooseModelFile} />
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Models use {formatBytes(overview.diskUsage.totalBytes)} in <code>{overview.diskUsage.modelsDir}</code>
            {overview.diskUsage.partialBytes > 0
              ? ` (${formatBytes(overview.diskUsage.partialBytes)} in unfinished downloads)`
              : ''}
            .
          </p>
          <div className="row">
            <button type="button" disabled={upload !== null} onClick={chooseModelFile}>
              Import a model file…
            </button>
            <input
              ref={fileInput}
              type="file"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="model-upload-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared at once so choosing the same file again (after fixing it) fires again.
                event.target.value = '';
                if (file) void uploadFile(file);
              }}
            />
            <button
              type="button"
              disabled={benching || !overview.models.some((m) => m.kind === 'whisper' && m.status === 'installed')}
              onClick={() => void bench()}
              title="Times each installed model on this machine and recommends the largest that keeps up"
            >
              {benching ? 'Measuring…' : 'Measure this machine'}
            </button>
            {benchError && (
              <span role="alert" className="error">
                {benchError.message}
              </span>
            )}
            {notice && (
              <span role="status" data-testid="models-notice">
                {notice}
              </span>
            )}
            {importError && (
              <span role="alert" className="error">
                {importError.message}
              </span>
            )}
          </div>
          {upload && <UploadProgress upload={upload} onCancel={cancelUpload} />}
          <MirrorForm key={overview.mirrorUrl ?? ''} saved={overview.mirrorUrl ?? ''} onSave={setMirror} />
        </>
      )}
    </section>
  );
}

/** Keyed by the saved URL so it starts from what is stored each time that changes. */
function MirrorForm({ saved, onSave }: { saved: string; onSave: (url: string | null) => Promise<void> }) {
  const [mirror, setMirrorText] = useState(saved);
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(mirror.trim() === '' ? null : mirror.trim());
      }}
    >
      <label htmlFor="mirror-url">Download mirror</label>
      <input
        id="mirror-url"
        type="url"
        placeholder="https://your-mirror.example/whisper/"
        value={mirror}
        onChange={(event) => setMirrorText(event.target.value)}
        size={40}
      />
      <button type="submit">Save mirror</button>
      <span className="muted small">Files from a mirror are still checked against the pinned checksums.</span>
    </form>
  );
}
