import type { HandlersFor } from '../../shared/contract';
import { CoachError } from '../../shared/coach-error';
import type { ModelManager } from '../services/models/model-manager';
import type { ModelUploadService } from '../services/models/model-upload';
import type { BenchScheduler } from '../services/models/bench-scheduler';
import type { ModelBenchmarker } from '../services/models/recommend';

/** Desktop shell only: the system's open-file dialog for a model file; null when cancelled. */
export type ChooseModelFile = () => Promise<string | null>;

/** Handlers of the `models.*` channels other than the browser upload (`modelUploadHandlers`). */
export function modelsHandlers(
  manager: ModelManager,
  chooseModelFile: ChooseModelFile | null,
  benchmarker: ModelBenchmarker,
  scheduler: BenchScheduler,
): Omit<HandlersFor<'models.'>, keyof HandlersFor<'models.upload'>> {
  return {
    'models.list': async () => {
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
    'models.download': async (input, ctx) => {
      const model = await manager.download(input.id, {
        mirrorUrl: input.mirrorUrl,
        onProgress: (p) => ctx.emit('models.progress', { id: input.id, ...p }),
      });
      scheduler.request();
      return { model };
    },
    'models.cancelDownload': async (input) => ({ cancelled: manager.cancel(input.id) }),
    'models.remove': async (input) => {
      await manager.remove(input.id);
      return {};
    },
    'models.setDefault': async (input) => {
      await manager.setDefault(input.id);
      return {};
    },
    'models.setMirror': async (input) => {
      await manager.setMirror(input.url);
      return {};
    },
    'models.bench': async (input) => {
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
    'models.importChoose': async () => {
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
export function modelUploadHandlers(
  uploads: ModelUploadService,
  onInstalled: () => void = () => {},
): HandlersFor<'models.upload'> {
  return {
    'models.uploadBegin': async (input) => uploads.begin(input),
    'models.uploadPart': async (input) => uploads.part(input),
    'models.uploadFinish': async (input) => {
      const model = await uploads.finish(input);
      onInstalled();
      return { model };
    },
    'models.uploadCancel': async (input) => uploads.cancel(input),
  };
}
