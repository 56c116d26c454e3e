/**
 * Persisted model choices: `<dataDir>/settings/models.json`, written atomically (temp file, fsync,
 * rename) so a crash never leaves a torn file. A file that fails to parse is kept aside as
 * `models.json.corrupt-<time>` and defaults are used, rather than blocking the app.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomic-write';

const benchResultSchema = z.object({
  modelId: z.string(),
  /** Seconds of audio transcribed in the bench run. */
  audioSec: z.number().positive(),
  /** Wall-clock seconds it took. */
  processingSec: z.number().nonnegative(),
  /** Size of the file measured: an imported id reused for another file is measured again. */
  fileBytes: z.number().int().nonnegative().optional(),
});
export type ModelBenchResult = z.infer<typeof benchResultSchema>;

const importedModelSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['whisper', 'vad']),
  fileName: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Official shape name ('tiny.en', …) or 'custom'. */
  shape: z.string(),
  originalName: z.string(),
  importedAt: z.string(),
});
export type ImportedModel = z.infer<typeof importedModelSchema>;

const modelSettingsSchema = z.object({
  version: z.literal(1),
  /** The user's choice (overrides the recommendation); null = follow the recommendation. */
  defaultModel: z.string().nullable(),
  /** Base URL of a mirror serving the same file names; downloads are still hash-checked. */
  mirrorUrl: z.string().nullable(),
  imported: z.array(importedModelSchema),
  bench: z
    .object({
      measuredAt: z.string(),
      /** What was measured on (CPU model + engine build), so a new machine re-benches. */
      machine: z.string(),
      results: z.array(benchResultSchema),
      recommended: z.string().nullable(),
      reason: z.string(),
    })
    .nullable(),
});
export type ModelSettings = z.infer<typeof modelSettingsSchema>;

function defaultModelSettings(): ModelSettings {
  return { version: 1, defaultModel: null, mirrorUrl: null, imported: [], bench: null };
}

export function modelSettingsPath(dataDir: string): string {
  return path.join(dataDir, 'settings', 'models.json');
}

export async function loadModelSettings(dataDir: string): Promise<ModelSettings> {
  const file = modelSettingsPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultModelSettings();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = modelSettingsSchema.safeParse(parsed);
  if (result.success) return result.data;
  await rename(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
  return defaultModelSettings();
}

export async function saveModelSettings(dataDir: string, settings: ModelSettings): Promise<void> {
  const checked = modelSettingsSchema.parse(settings);
  await writeFileAtomic(modelSettingsPath(dataDir), `${JSON.stringify(checked, null, 2)}\n`);
}
