import { create } from 'zustand';
import { call, errorInfoOf, messageOf } from '../coach';
import { omit, type ModelsState, type ModelsStore } from './models-state';
import { cancelModelUpload, uploadModelFile } from './models-upload';

/** The speech models: the list from the back end, and what the user does with each. */
export const useModels = create<ModelsState>((set, get) => {
  const store: ModelsStore = { set, get };
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
    uploadFile: (file) => uploadModelFile(store, file),
    cancelUpload: () => cancelModelUpload(store),
  };
});

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
