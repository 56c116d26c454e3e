/**
 * Pure helpers for replay: which sentence is playing, where "loop this layer" jumps next, where
 * the 1-5 keys jump, and the playback speeds [ and ] step through. Kept out of React so they are
 * unit-tested and cheap (binary search: the player asks on every animation frame).
 */
import type { Layer, StoryLayer } from '../analysis/layers';
import { STORY_LAYERS } from '../analysis/layers';

export interface TimedSentence {
  start: number;
  end: number;
  layer: Layer;
}

export interface TimeRange {
  start: number;
  end: number;
}

/**
 * Index of the sentence playing at time `t`: the last sentence that starts at or before `t`
 * (a pause between sentences keeps the previous one current). -1 before the first sentence.
 */
export function sentenceIndexAt(sentences: readonly TimedSentence[], t: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s && s.start <= t + 1e-6) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The time ranges a layer occupies: consecutive sentences of the layer merged into one range. */
export function layerRanges(sentences: readonly TimedSentence[], layer: Layer): TimeRange[] {
  const out: TimeRange[] = [];
  let open: TimeRange | null = null;
  for (const s of sentences) {
    if (s.layer === layer) {
      if (open) open.end = s.end;
      else open = { start: s.start, end: s.end };
    } else if (open) {
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

/** Tolerance for "at the start of a range": a seek lands a few milliseconds early or late. */
const EPSILON = 0.05;

/**
 * Where playback must go to play only `ranges`: null while `t` is inside a range, else the start
 * of the next range (wrapping to the first after the last). Null when there is nothing to loop.
 */
export function loopSeekTarget(ranges: readonly TimeRange[], t: number): number | null {
  if (ranges.length === 0) return null;
  for (const r of ranges) {
    if (t >= r.start - EPSILON && t < r.end) return null;
    if (r.start > t) return r.start;
  }
  return ranges[0]?.start ?? null;
}

/**
 * Sentence index the key for `layer` jumps to: the start of the next run of that layer after
 * `current`, wrapping to its first run. -1 when the story has no sentence of that layer.
 */
export function nextRunOfLayer(sentences: readonly TimedSentence[], layer: Layer, current: number): number {
  const runStarts: number[] = [];
  sentences.forEach((s, i) => {
    if (s.layer === layer && sentences[i - 1]?.layer !== layer) runStarts.push(i);
  });
  if (runStarts.length === 0) return -1;
  return runStarts.find((i) => i > current) ?? runStarts[0] ?? -1;
}

/** The lesson's layer number (1-5) for the number keys. */
export function layerForKey(key: string): StoryLayer | null {
  const n = Number(key);
  if (!Number.isInteger(n) || n < 1 || n > STORY_LAYERS.length) return null;
  return STORY_LAYERS[n - 1] ?? null;
}

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next slower (-1) or faster (+1) standard speed, staying within the list. */
export function stepRate(rate: number, direction: -1 | 1): number {
  const rates = PLAYBACK_RATES as readonly number[];
  if (direction > 0) return rates.find((r) => r > rate + 1e-9) ?? rates[rates.length - 1] ?? rate;
  return [...rates].reverse().find((r) => r < rate - 1e-9) ?? rates[0] ?? rate;
}
