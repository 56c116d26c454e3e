import { create } from 'zustand';
import type { ModelEntry } from '../../../shared/channels/models';
import type { CoachErrorInfo } from '../../../shared/contract-types';
import { call, CallError, messageOf } from '../coach';

type Overview = Awaited<ReturnType<typeof call<'models.list'>>>;

export interface ModelProgress {
  receivedBytes: number;
  totalBytes: number | null;
  etaSec: number | null;
  bytesPerSec: number;
}

interface ModelsState {
  overview: Overview | null;
  loadError: string | null;
  /** Per model: the last failure, kept with its code so the panel can offer "Import a file…". */
  errors: Record<string, CoachErrorInfo>;
  progress: Record<string, ModelProgress>;
  busy: Record<string, boolean>;
  notice: string | null;
  load(): Promise<void>;
  download(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  setDefault(id: string | null): Promise<void>;
  setMirror(url: string | null): Promise<void>;
  importFile(): Promise<void>;
  bench(): Promise<void>;
}

function infoOf(error: unknown): CoachErrorInfo {
  return error instanceof CallError ? error.info : { code: 'internal', message: messageOf(error) };
}

export const useModels = create<ModelsState>((set, get) => {
  const act = async (id: string, work: () => Promise<unknown>): Promise<void> => {
    set((s) => ({ busy: { ...s.busy, [id]: true }, errors: omit(s.errors, id) }));
    try {
      await work();
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [id]: infoOf(error) } }));
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
        if (result.chosen) set({ notice: `Imported ${result.model.label}.` });
      });
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
