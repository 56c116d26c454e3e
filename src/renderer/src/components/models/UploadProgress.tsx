import type { ModelUpload } from '../../stores/models-state';
import { formatBytes } from './model-format';

/** A model file on its way up from the page: bytes, percent, and a way to stop it. */
export function UploadProgress({ upload, onCancel }: { upload: ModelUpload; onCancel: () => void }) {
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
