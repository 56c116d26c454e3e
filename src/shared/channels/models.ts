import { z } from 'zod';

/** Catalog ids ('base.en', 'silero-v6.2.0') and imported ids ('my-finetune'). */
export const modelId = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'Not a model name.');

/**
 * The models a first run is pointed to, by the Practice page and by `coach doctor` alike: the
 * smallest English Whisper model that coaches well, and the voice-activity model the app uses.
 */
export const FIRST_RUN_MODELS = { whisper: 'base.en', vad: 'silero-v6.2.0' } as const;

/** Largest model file accepted by upload: large-v3 in f16 (3.1 GB) fits. */
export const MAX_MODEL_UPLOAD_BYTES = 4 * 1024 ** 3;
/** Bytes per `models.uploadPart` call: the same 2 MB as audio imports keeps each request small. */
export const MODEL_UPLOAD_PART_BYTES = 2 * 1024 * 1024;

const modelUploadId = z.string().regex(/^mup-[a-f0-9]{16}$/, 'Not a model upload id.');

export const downloadProgress = z.object({
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  bytesPerSec: z.number().nonnegative(),
  etaSec: z.number().nonnegative().nullable(),
  resumedFromBytes: z.number().nonnegative(),
});
export type DownloadProgress = z.infer<typeof downloadProgress>;

const modelEntry = z.object({
  id: z.string(),
  kind: z.enum(['whisper', 'vad']),
  label: z.string(),
  source: z.enum(['official', 'imported']),
  status: z.enum(['installed', 'not_installed', 'partial', 'downloading', 'damaged']),
  /** Installed file, when installed. */
  path: z.string().nullable(),
  /** Size on disk when installed, else the catalog size (null if not pinned). */
  bytes: z.number().nullable(),
  approxBytes: z.number(),
  /** Bytes of an interrupted download kept for resuming. */
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

const modelsOverview = z.object({
  models: z.array(modelEntry),
  /**
   * How "Import a file…" gets the file: true where the back end can show the system's open-file
   * dialog (desktop: `models.importChoose`, no bytes through the UI), false where the page uploads
   * it (`models.uploadBegin`…). A capability, so the UI never branches on which shell it runs in.
   */
  importDialog: z.boolean(),
  default: z.object({ id: z.string(), chosenBy: z.enum(['user', 'recommendation', 'fallback']) }).nullable(),
  recommendation: z.object({ modelId: z.string().nullable(), reason: z.string(), measuredAt: z.string() }).nullable(),
  diskUsage: z.object({ modelsDir: z.string(), totalBytes: z.number(), partialBytes: z.number() }),
  mirrorUrl: z.string().nullable(),
  /** The background bench of newly installed models: 'waiting' for the engine to be idle. */
  benchState: z.enum(['idle', 'waiting', 'running']),
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
  /**
   * Web shell: upload a model file's bytes in parts (the back end never reads a path from the
   * page), then `models.uploadFinish` validates and installs it exactly like "coach models import".
   * `size` may be 0 so an empty file gets the validator's own "is empty" message.
   */
  'models.uploadBegin': {
    input: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        size: z
          .number()
          .int()
          .nonnegative()
          .max(MAX_MODEL_UPLOAD_BYTES, `Model files up to ${MAX_MODEL_UPLOAD_BYTES / 1024 ** 3} GB can be imported.`),
      })
      .strict(),
    output: z.object({ uploadId: z.string(), partBytes: z.number().int().positive() }),
  },
  /** `offset` must be the number of bytes received so far: parts arrive in order, once each. */
  'models.uploadPart': {
    input: z
      .object({
        uploadId: modelUploadId,
        offset: z.number().int().nonnegative(),
        bytes: z
          .instanceof(Uint8Array, { message: 'bytes must be binary data.' })
          .refine(
            (b) => b.length > 0 && b.length <= MODEL_UPLOAD_PART_BYTES,
            `Each part holds 1 to ${MODEL_UPLOAD_PART_BYTES} bytes.`,
          ),
      })
      .strict(),
    output: z.object({ received: z.number().int() }),
  },
  /** All bytes sent: validate (same checks and messages as the CLI import) and install. */
  'models.uploadFinish': {
    input: z.object({ uploadId: modelUploadId }).strict(),
    output: z.object({ model: modelEntry }),
  },
  'models.uploadCancel': {
    input: z.object({ uploadId: modelUploadId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
};
