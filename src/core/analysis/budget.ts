/**
 * Per-layer time budget for an answer length, following the lesson: Layers 1-3 brief,
 * Mitigation at most two sentences, Structural fix the largest share, System learning present.
 * The UI shows it before recording; the outline in the feedback uses the same numbers.
 */
import { perLayer, type Layer } from './layers';
import type { LayerBudget } from './types';

/** Share of the answer per layer before the mitigation cap is applied. */
const SHARES: Readonly<Record<Exclude<Layer, 'other'>, number>> = {
  headline: 0.08,
  detection: 0.11,
  attribution: 0.11,
  mitigation: 0.08,
  structural_fix: 0.36,
  system_learning: 0.26,
};

/** Two spoken sentences at a relaxed pace: mitigation never needs more, whatever the length. */
const MITIGATION_CAP_SEC = 20;
/** Seconds one spoken sentence takes on average (about 20 words at 150 words per minute). */
const SECONDS_PER_SENTENCE = 8;

export const MIN_ANSWER_SECONDS = 15;
export const MAX_ANSWER_SECONDS = 3600;

export function budgetForLength(lengthSeconds: number): LayerBudget {
  if (!Number.isFinite(lengthSeconds) || lengthSeconds < MIN_ANSWER_SECONDS) {
    throw new RangeError(
      `Answer length must be at least ${MIN_ANSWER_SECONDS} seconds (got ${String(lengthSeconds)}).`,
    );
  }
  if (lengthSeconds > MAX_ANSWER_SECONDS) {
    throw new RangeError(`Answer length must be at most ${MAX_ANSWER_SECONDS} seconds.`);
  }
  const raw = perLayer((layer) => (layer === 'other' ? 0 : SHARES[layer] * lengthSeconds));
  // Mitigation stays short however long the answer is; the freed time goes to Layer 4 and 5,
  // the layers the interviewer grades.
  const excess = Math.max(0, raw.mitigation - MITIGATION_CAP_SEC);
  raw.mitigation -= excess;
  raw.structural_fix += excess * 0.6;
  raw.system_learning += excess * 0.4;

  const seconds = roundPreservingSum(raw, lengthSeconds);
  const sentences = perLayer((layer) => {
    if (layer === 'other') return 0;
    const n = Math.max(1, Math.round(seconds[layer] / SECONDS_PER_SENTENCE));
    return layer === 'mitigation' ? Math.min(2, n) : n;
  });
  return { lengthSeconds, seconds, sentences };
}

/** Rounds each layer to whole seconds while keeping the total equal to the answer length. */
function roundPreservingSum(raw: Record<Layer, number>, total: number): Record<Layer, number> {
  const rounded = perLayer((layer) => Math.floor(raw[layer]));
  let remainder = Math.round(total) - Object.values(rounded).reduce((a, b) => a + b, 0);
  const byFraction = (Object.keys(raw) as Layer[])
    .filter((layer) => layer !== 'other')
    .sort((a, b) => raw[b] - Math.floor(raw[b]) - (raw[a] - Math.floor(raw[a])));
  for (let i = 0; remainder > 0; i = (i + 1) % byFraction.length, remainder--) {
    const layer = byFraction[i];
    if (layer) rounded[layer] += 1;
  }
  return rounded;
}

/** Common answer lengths offered by the UI and accepted by the CLI as shorthands. */
export const STANDARD_LENGTHS_SEC = [60, 120, 180, 300] as const;

/**
 * Parses "60s", "90", "3m", "2:30", "2m30s", "1.5m" into seconds.
 * Throws a RangeError with a readable message on anything else.
 */
export function parseLength(text: string): number {
  const t = text.trim().toLowerCase();
  let value: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+):([0-5]\d)$/.exec(t))) value = Number(m[1]) * 60 + Number(m[2]);
  else if ((m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?)?$/.exec(t))) value = Number(m[1]);
  else if ((m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)$/.exec(t))) value = Number(m[1]) * 60;
  else if ((m = /^(\d+)\s*m\s*(\d+)\s*s$/.exec(t))) value = Number(m[1]) * 60 + Number(m[2]);
  if (value === null || !Number.isFinite(value)) {
    throw new RangeError(`Cannot read answer length "${text}": use e.g. 60s, 90, 3m or 2:30.`);
  }
  if (value < MIN_ANSWER_SECONDS || value > MAX_ANSWER_SECONDS) {
    throw new RangeError(
      `Answer length "${text}" is out of range (${MIN_ANSWER_SECONDS} s to ${MAX_ANSWER_SECONDS / 60} min).`,
    );
  }
  return Math.round(value);
}

/** The standard length closest to what was actually spoken (default for the outline). */
export function nearestStandardLength(spokenSeconds: number): number {
  let best: number = STANDARD_LENGTHS_SEC[0];
  for (const length of STANDARD_LENGTHS_SEC) {
    if (Math.abs(length - spokenSeconds) < Math.abs(best - spokenSeconds)) best = length;
  }
  return best;
}
