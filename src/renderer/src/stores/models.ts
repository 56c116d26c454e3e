import { create } from 'zustand';
import { MAX_MODEL_UPLOAD_BYTES, MODEL_UPLOAD_PART_BYTES, type ModelEntry } from '../../../shared/channels/models';
import type { CoachErrorInfo } from '../../../shared/contract-types';
import { call, errorInfoOf, messageOf } from '../coach';
import { sendFileInParts } from '../send-file-in-parts';

export type ModelsOverview = Awaited<ReturnType<typeof call<'models.list'>>>;

export interface ModelProgress {
  receivedBytes: number;
  totalBytes: number | null;
  etaSec: number | null;
  bytesPerSec: number;
}

/** A model file going up from the page (web shell) in parts, then checked by the back end. */
export interface ModelUpload {
  fileName: string;
  sentBytes: number;
  totalBytes: number;
  /** 'checking': all bytes are in and the back end validates and installs the file. */
  phase: 'sending' | 'cancelling' | 'checking';
}

interface ModelsState {
  overview: ModelsOverview | null;
  loadError: string | null;
  /** Per model: the last failure, kept with its code so the panel can offer "Import a file…". */
  errors: Record<string, CoachErrorInfo>;
  progress: Record<string, ModelProgress>;
  busy: Record<string, boolean>;
  notice: string | null;
  upload: ModelUpload | null;
  load(): Promise<void>;
  download(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  setDefault(id: string | null): Promise<void>;
  setMirror(url: string | null): Promise<void>;
  importFile(): Promise<void>;
  /** Where there is no file dialog: send a file the user picked in the page. */
  uploadFile(file: File): Promise<void>;
  cancelUpload(): void;
  bench(): Promise<void>;
}

export const useModels = create<ModelsState>((set, get) => {
  // Checked between parts: a part already on its way is let through, then the upload stops.
  let cancelRequested = false;
  const act = async (id: string, work: () => Promise<unknown>): Promise<void> => {
    set((s) => ({ busy: { ...s.busy, [id]: true }, errors: omit(s.errors, id) }));
    try {
      await work();
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [id]: errorInfoOf(error) } }));
    } finally {
      set((s) => ({ busy: omit(s.busy, id), progress: omit(s.progress, id) }));
      await get().load();
    }
  };
  return {
    overview: null,
    loadError: null,
    errors: {},
    progress: {},
    busy: {},
    notice: null,
    upload: null,
    load: async () => {
      try {
        set({ overview: await call('models.list', {}), loadError: null });
      } catch (error) {
        set({ loadError: messageOf(error) });
      }
    },
    download: (id) => act(id, () => call('models.download', { id })),
    cancel: async (id) => {
      await call('models.cancelDownload', { id }).catch(() => undefined);
    },
    remove: (id) => act(id, () => call('models.remove', { id })),
    setDefault: (id) => act(id ?? 'default', () => call('models.setDefault', { id })),
    setMirror: (url) => act('mirror', () => call('models.setMirror', { url })),
    bench: async () => {
      set({ notice: null });
      await act('bench', async () => {
        const result = await call('models.bench', { force: true });
        set({ notice: result.reason });
      });
    },
    importFile: async () => {
      set({ notice: null });
      await act('import', async () => {
        const result = await call('models.importChoose', {});
        if (result.chosen) set({ notice: `Imported ${result.model.id}.` });
      });
    },
    uploadFile: async (file) => {
      if (get().upload) return;
      set((s) => ({ notice: null, errors: omit(s.errors, 'import') }));
      if (file.size > MAX_MODEL_UPLOAD_BYTES) {
        const message = `"${file.name}" is ${(file.size / 1024 ** 3).toFixed(1)} GB; model files up to ${MAX_MODEL_UPLOAD_BYTES / 1024 ** 3} GB can be imported.`;
        set((s) => ({ errors: { ...s.errors, import: { code: 'invalid_input', message } } }));
        return;
      }
      cancelRequested = false;
      set({ upload: { fileName: file.name, sentBytes: 0, totalBytes: file.size, phase: 'sending' } });
      const progress = (patch: Partial<ModelUpload>): void =>
        set((s) => ({ upload: s.upload ? { ...s.upload, ...patch } : null }));
      let uploadId: string | null = null;
      try {
        const begun = await call('models.uploadBegin', { fileName: file.name, size: file.size });
        uploadId = begun.uploadId;
        await sendFileInParts(
          file,
          Math.min(begun.partBytes, MODEL_UPLOAD_PART_BYTES),
          async (offset, bytes) => {
            const { received } = await call('models.uploadPart', { uploadId: begun.uploadId, offset, bytes });
            progress({ sentBytes: received });
          },
          () => cancelRequested,
        );
        if (cancelRequested) {
          await call('models.uploadCancel', { uploadId }).catch(() => undefined);
          uploadId = null;
          set({ notice: `Upload of ${file.name} cancelled; nothing was kept.` });
          return;
        }
        progress({ phase: 'checking' });
        const { model } = await call('models.uploadFinish', { uploadId });
        uploadId = null;
        set({ notice: `Imported ${model.id}.` });
      } catch (error) {
        // The back end drops an upload it refuses for good; a part out of order or a file the
        // page could not read leaves one behind, so let it go.
        if (uploadId !== null) await call('models.uploadCancel', { uploadId }).catch(() => undefined);
        set((s) => ({ errors: { ...s.errors, import: errorInfoOf(error) } }));
      } finally {
        set({ upload: null });
        await get().load();
      }
    },
    cancelUpload: () => {
      const upload = get().upload;
      if (!upload || upload.phase !== 'sending') return;
      cancelRequested = true;
      set({ upload: { ...upload, phase: 'cancelling' } });
    },
  };
});

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** Download progress arrives as events; the panel subscribes while it is shown. */
export function subscribeModelProgress(): () => void {
  return window.coach.on('models.progress', (p) => {
    useModels.setState((s) => ({
      progress: {
        ...s.progress,
        [p.id]: {
          receivedBytes: p.receivedBytes,
          totalBytes: p.totalBytes,
          etaSec: p.etaSec,
          bytesPerSec: p.bytesPerSec,
        },
      },
    }));
  });
}

export type { ModelEntry };
