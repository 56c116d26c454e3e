/**
 * Which model to use by default on this machine: the largest (most accurate) Whisper model that
 * transcribes at ≤ 0.3× real time in a one-time bench. At that speed streaming transcription keeps
 * up with the speaker with headroom, so only a short tail remains when they stop. Pure function.
 */
import type { CatalogEntry } from './catalog';
import type { ModelBenchResult } from './model-settings';

const TARGET_REAL_TIME_FACTOR = 0.3;

export interface Recommendation {
  modelId: string | null;
  /** processing time / audio time of the chosen model in the bench. */
  realTimeFactor: number | null;
  /** For the UI: why this model (or why none). */
  reason: string;
}

export function realTimeFactor(r: ModelBenchResult): number {
  return r.processingSec / r.audioSec;
}

/**
 * @param results one bench result per model (several for one model: the best counts).
 * @param catalog gives each model's rank (capacity); unknown ids are ignored.
 * @param preferEnglishOnly between equally ranked models, prefer the .en one (the app's default
 *   language is English and .en models are slightly more accurate on it).
 */
export function recommendDefault(
  results: readonly ModelBenchResult[],
  catalog: readonly CatalogEntry[],
  preferEnglishOnly = true,
): Recommendation {
  const best = new Map<string, number>();
  for (const r of results) {
    if (!(r.audioSec > 0) || !Number.isFinite(r.processingSec)) continue;
    const rtf = realTimeFactor(r);
    const prev = best.get(r.modelId);
    if (prev === undefined || rtf < prev) best.set(r.modelId, rtf);
  }
  const candidates = catalog
    .filter((e) => e.kind === 'whisper' && best.has(e.id))
    .map((e) => ({ entry: e, rtf: best.get(e.id) as number }));
  if (candidates.length === 0)
    return { modelId: null, realTimeFactor: null, reason: 'No Whisper model has been benchmarked yet.' };

  const order = (a: (typeof candidates)[number], b: (typeof candidates)[number]): number =>
    b.entry.rank - a.entry.rank ||
    (preferEnglishOnly ? Number(b.entry.englishOnly) - Number(a.entry.englishOnly) : 0) ||
    a.rtf - b.rtf;
  const fastEnough = candidates.filter((c) => c.rtf <= TARGET_REAL_TIME_FACTOR).sort(order);
  const pick = fastEnough[0];
  if (pick) {
    return {
      modelId: pick.entry.id,
      realTimeFactor: pick.rtf,
      reason: `${pick.entry.label} is the largest model that transcribes at ≤ ${TARGET_REAL_TIME_FACTOR}× real time here (${pick.rtf.toFixed(2)}×).`,
    };
  }
  const fastest = [...candidates].sort((a, b) => a.rtf - b.rtf)[0] as (typeof candidates)[number];
  return {
    modelId: fastest.entry.id,
    realTimeFactor: fastest.rtf,
    reason: `No benchmarked model reaches ${TARGET_REAL_TIME_FACTOR}× real time on this machine; ${fastest.entry.label} is the fastest (${fastest.rtf.toFixed(2)}×).`,
  };
}

/**
 * What the transcriber host implements (engine side) so the manager can run the one-time
 * bench: transcribe `audioSec` seconds of speech with the model file and report the wall time.
 */
export interface ModelBenchmarker {
  /** Identifies the machine + engine build, e.g. "AMD EPYC 7B13 | native avx512". */
  machineKey(): Promise<string>;
  benchModel(
    modelFile: string,
    options: { signal?: AbortSignal },
  ): Promise<{ audioSec: number; processingSec: number }>;
}
