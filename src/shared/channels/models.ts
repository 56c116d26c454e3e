import { z } from 'zod';

/** Catalog ids ('base.en', 'silero-v6.2.0') and imported ids ('my-finetune'). */
export const modelId = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'Not a model name.');

export const downloadProgress = z.object({
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  bytesPerSec: z.number().nonnegative(),
  etaSec: z.number().nonnegative().nullable(),
  resumedFromBytes: z.number().nonnegative(),
});

export const modelEntry = z.object({
  id: z.string(),
  kind: z.enum(['whisper', 'vad']),
  label: z.string(),
  source: z.enum(['official', 'imported']),
  status: z.enum(['installed', 'not_installed', 'partial', 'downloading', 'damaged']),
  path: z.string().nullable(),
  bytes: z.number().nullable(),
  approxBytes: z.number(),
  partialBytes: z.number(),
  memoryMB: z.number().nullable(),
  memoryEstimated: z.boolean(),
  englishOnly: z.boolean(),
  shape: z.string().nullable(),
  isDefault: z.boolean(),
  recommended: z.boolean(),
  progress: downloadProgress.nullable(),
});
export type ModelEntry = z.infer<typeof modelEntry>;

export const modelsOverview = z.object({
  models: z.array(modelEntry),
  default: z.object({ id: z.string(), chosenBy: z.enum(['user', 'recommendation', 'fallback']) }).nullable(),
  recommendation: z.object({ modelId: z.string().nullable(), reason: z.string(), measuredAt: z.string() }).nullable(),
  diskUsage: z.object({ modelsDir: z.string(), totalBytes: z.number(), partialBytes: z.number() }),
  mirrorUrl: z.string().nullable(),
});

export const modelsChannels = {
  /** Settings → Models: everything the list shows. */
  'models.list': { input: z.object({}).strict(), output: modelsOverview },
  /**
   * Download (or resume) an official model; resolves when installed. Progress arrives as
   * `models.progress` events. Errors: offline / forbidden / not_found (offer "Import a file…"),
   * model_invalid (checksum or size mismatch), cancelled, conflict (already downloading).
   */
  'models.download': {
    input: z.object({ id: modelId, mirrorUrl: z.string().url().nullable().optional() }).strict(),
    output: z.object({ model: modelEntry }),
  },
  'models.cancelDownload': { input: z.object({ id: modelId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'models.remove': { input: z.object({ id: modelId }).strict(), output: z.object({}) },
  /** null = follow the bench recommendation. */
  'models.setDefault': { input: z.object({ id: modelId.nullable() }).strict(), output: z.object({}) },
  'models.setMirror': { input: z.object({ url: z.string().url().nullable() }).strict(), output: z.object({}) },
  /**
   * Measures the installed models on this machine (once per CPU and engine build unless `force`)
   * and records the recommended default: the largest model at or under 0.3x real time.
   */
  'models.bench': {
    input: z.object({ force: z.boolean().optional() }).strict(),
    output: z.object({ modelId: z.string().nullable(), realTimeFactor: z.number().nullable(), reason: z.string() }),
  },
  /** Desktop only: pick a ggml file with the system dialog, validate and import it. */
  'models.importChoose': {
    input: z.object({}).strict(),
    output: z.union([z.object({ chosen: z.literal(true), model: modelEntry }), z.object({ chosen: z.literal(false) })]),
  },
};
