import { CoachError } from '../../shared/coach-error';
import type { ModelManager } from '../services/models/model-manager';
import type { ModelUploadService } from '../services/models/model-upload';
import type { BenchScheduler } from '../services/models/bench-scheduler';
import type { ModelBenchmarker } from '../services/models/recommend';

/** Desktop shell only: the system's open-file dialog for a model file; null when cancelled. */
export type ChooseModelFile = () => Promise<string | null>;

interface Emitter {
  emit(
    event: 'models.progress',
    payload: {
      id: string;
      receivedBytes: number;
      totalBytes: number | null;
      bytesPerSec: number;
      etaSec: number | null;
      resumedFromBytes: number;
    },
  ): void;
}

/**
 * Handlers for `src/shared/channels/models.ts`. To wire: merge `modelsChannels` / `modelsEvents`
 * into the contract, create one `ModelManager({ dataDir })` in createBackend and register these.
 */
export function modelsHandlers(
  manager: ModelManager,
  chooseModelFile: ChooseModelFile | null,
  benchmarker: ModelBenchmarker,
  scheduler: BenchScheduler,
) {
  return {
    list: async () => {
      const [models, def, settings, usage] = await Promise.all([
        manager.list(),
        manager.getDefault(),
        manager.settings(),
        manager.diskUsage(),
      ]);
      return {
        models,
        importDialog: chooseModelFile !== null,
        default: def ? { id: def.id, chosenBy: def.chosenBy } : null,
        recommendation: settings.bench
          ? {
              modelId: settings.bench.recommended,
              reason: settings.bench.reason,
              measuredAt: settings.bench.measuredAt,
            }
          : null,
        diskUsage: { modelsDir: usage.modelsDir, totalBytes: usage.totalBytes, partialBytes: usage.partialBytes },
        mirrorUrl: settings.mirrorUrl,
        benchState: scheduler.state(),
      };
    },
    download: async (input: { id: string; mirrorUrl?: string | null | undefined }, ctx: Emitter) => {
      const model = await manager.download(input.id, {
        ...(input.mirrorUrl !== undefined ? { mirrorUrl: input.mirrorUrl } : {}),
        onProgress: (p) => ctx.emit('models.progress', { id: input.id, ...p }),
      });
      scheduler.request();
      return { model };
    },
    cancelDownload: async (input: { id: string }) => ({ cancelled: manager.cancel(input.id) }),
    remove: async (input: { id: string }) => {
      await manager.remove(input.id);
      return {};
    },
    setDefault: async (input: { id: string | null }) => {
      await manager.setDefault(input.id);
      return {};
    },
    setMirror: async (input: { url: string | null }) => {
      await manager.setMirror(input.url);
      return {};
    },
    bench: async (input: { force?: boolean | undefined }) => {
      // The user's explicit run replaces a background one: two benches at once would each
      // measure a machine shared with the other.
      scheduler.engineBusy();
      await scheduler.settled();
      try {
        return await manager.runBench(benchmarker, { force: input.force === true });
      } finally {
        scheduler.engineIdle();
      }
    },
    importChoose: async () => {
      if (!chooseModelFile) {
        throw new CoachError(
          'unsupported',
          'Importing a model file needs the desktop app; from a terminal run "coach models import FILE".',
        );
      }
      // The path comes from the dialog the user just answered, never from the page.
      const file = await chooseModelFile();
      if (file === null) return { chosen: false as const };
      const model = await manager.importFile(file);
      scheduler.request();
      return { chosen: true as const, model };
    },
  };
}

/**
 * Handlers for the `models.upload*` channels: the web shell's "Import a file…" (the page uploads
 * the bytes; the desktop app uses `models.importChoose`). `onInstalled` runs after a model is in.
 */
export function modelUploadHandlers(uploads: ModelUploadService, onInstalled: () => void = () => {}) {
  return {
    begin: async (input: { fileName: string; size: number }) => uploads.begin(input),
    part: async (input: { uploadId: string; offset: number; bytes: Uint8Array }) => uploads.part(input),
    finish: async (input: { uploadId: string }) => {
      const model = await uploads.finish(input);
      onInstalled();
      return { model };
    },
    cancel: async (input: { uploadId: string }) => uploads.cancel(input),
  };
}
