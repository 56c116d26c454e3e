/**
 * Where there is no file dialog (the web shell), a model file the user picked in the page goes
 * up in parts, then the back end checks and installs it.
 */
import { MAX_MODEL_UPLOAD_BYTES, MODEL_UPLOAD_PART_BYTES } from '../../../shared/channels/models';
import { call, errorInfoOf } from '../coach';
import { sendFileInParts } from '../send-file-in-parts';
import { omit, type ModelsStore, type ModelUpload } from './models-state';

// Checked between parts: a part already on its way is let through, then the upload stops.
let cancelRequested = false;

export async function uploadModelFile(store: ModelsStore, file: File): Promise<void> {
  const { set, get } = store;
  if (get().upload) return;
  set((s) => ({ notice: null, errors: omit(s.errors, 'import') }));
  if (file.size > MAX_MODEL_UPLOAD_BYTES) {
    const message = `"${file.name}" is ${(file.size / 1024 ** 3).toFixed(1)} GB; model files up to ${MAX_MODEL_UPLOAD_BYTES / 1024 ** 3} GB can be imported.`;
    set((s) => ({ errors: { ...s.errors, import: { code: 'invalid_input', message } } }));
    return;
  }
  cancelRequested = false;
  set({ upload: { fileName: file.name, sentBytes: 0, totalBytes: file.size, phase: 'sending' } });
  const pending: { uploadId: string | null } = { uploadId: null };
  try {
    await sendAndInstall(store, file, pending);
  } catch (error) {
    // The back end drops an upload it refuses for good; a part out of order or a file the
    // page could not read leaves one behind, so let it go.
    if (pending.uploadId !== null)
      await call('models.uploadCancel', { uploadId: pending.uploadId }).catch(() => undefined);
    set((s) => ({ errors: { ...s.errors, import: errorInfoOf(error) } }));
  } finally {
    set({ upload: null });
    await get().load();
  }
}

/** Sends the parts, then has the file installed; `pending` holds the upload the back end still keeps. */
async function sendAndInstall({ set }: ModelsStore, file: File, pending: { uploadId: string | null }): Promise<void> {
  const progress = (patch: Partial<ModelUpload>): void =>
    set((s) => ({ upload: s.upload ? { ...s.upload, ...patch } : null }));
  const begun = await call('models.uploadBegin', { fileName: file.name, size: file.size });
  const uploadId = begun.uploadId;
  pending.uploadId = uploadId;
  await sendFileInParts(
    file,
    Math.min(begun.partBytes, MODEL_UPLOAD_PART_BYTES),
    async (offset, bytes) => {
      const { received } = await call('models.uploadPart', { uploadId, offset, bytes });
      progress({ sentBytes: received });
    },
    () => cancelRequested,
  );
  if (cancelRequested) {
    await call('models.uploadCancel', { uploadId }).catch(() => undefined);
    pending.uploadId = null;
    set({ notice: `Upload of ${file.name} cancelled; nothing was kept.` });
    return;
  }
  progress({ phase: 'checking' });
  const { model } = await call('models.uploadFinish', { uploadId });
  pending.uploadId = null;
  set({ notice: `Imported ${model.id}.` });
}

export function cancelModelUpload({ set, get }: ModelsStore): void {
  const upload = get().upload;
  if (!upload || upload.phase !== 'sending') return;
  cancelRequested = true;
  set({ upload: { ...upload, phase: 'cancelling' } });
}
