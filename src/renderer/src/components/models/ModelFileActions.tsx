import type { RefObject } from 'react';
import { useModels } from '../../stores/models';
import type { ModelsOverview } from '../../stores/models-state';

/**
 * Importing a model file (the hidden input is for where there is no file dialog), measuring this
 * machine, and what the last of those said.
 */
export function ModelFileActions({
  overview,
  fileInput,
  onChoose,
}: {
  overview: ModelsOverview;
  fileInput: RefObject<HTMLInputElement | null>;
  onChoose: () => void;
}) {
  const { notice, upload, uploadFile } = useModels();
  const importError = useModels((s) => s.errors.import);
  const benchError = useModels((s) => s.errors.bench);
  const benching = useModels((s) => s.busy.bench === true);
  const bench = useModels((s) => s.bench);
  return (
    <div className="row">
      <button type="button" disabled={upload !== null} onClick={onChoose}>
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
  );
}
