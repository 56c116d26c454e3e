/**
 * Fitting the temperature of the engine's posteriors (src/core/analysis/calibration.ts) to the
 * real stories' out-of-fold labels: for every candidate temperature, cross-validation tallies how
 * much probability each held-out sentence's right layer got and how sure each label was; the
 * temperature with the lowest log loss over every real sentence is kept.
 */
import { LAYERS, type Layer } from '../../src/core/analysis/layers';
import { LOW_CONFIDENCE, type CalibrationFit } from '../../src/core/analysis/calibration';

const BINS = 10;
/** Probabilities are floored here so one confident miss cannot make the loss infinite. */
const FLOOR = 1e-6;

/** Candidate temperatures: 1 (the scores as they are) to 6 in steps of a quarter. */
export const TEMPERATURES: readonly number[] = Array.from({ length: 21 }, (_, i) => 1 + i / 4);

/** What one temperature's posteriors said on a set's held-out sentences. */
export interface CalibrationTally {
  sentences: number;
  correct: number;
  logLoss: number;
  /** Per confidence tenth: labels in it, how many were right, and their confidence summed. */
  bins: Array<{ n: number; right: number; confidence: number }>;
  /** Labels the results page would mark unsure, and how many of them were wrong. */
  unsure: number;
  unsureWrong: number;
}

export function calibrationTally(): CalibrationTally {
  return {
    sentences: 0,
    correct: 0,
    logLoss: 0,
    bins: Array.from({ length: BINS }, () => ({ n: 0, right: 0, confidence: 0 })),
    unsure: 0,
    unsureWrong: 0,
  };
}

/** A labelled sentence as the engine read it: its label and every layer's posterior. */
export interface Read {
  layer: Layer;
  probabilities: Readonly<Record<Layer, number>>;
}

export function addStory(t: CalibrationTally, gold: readonly Layer[], read: readonly Read[]): void {
  gold.forEach((layer, i) => {
    const r = read[i];
    const p = r?.probabilities ?? Object.fromEntries(LAYERS.map((l) => [l, 1 / LAYERS.length]));
    const label = r?.layer ?? 'other';
    const confidence = p[label] ?? 0;
    const right = label === layer ? 1 : 0;
    const bin = t.bins[Math.min(BINS - 1, Math.floor(confidence * BINS))];
    t.sentences++;
    t.correct += right;
    t.logLoss -= Math.log(Math.max(FLOOR, p[layer] ?? 0));
    if (confidence < LOW_CONFIDENCE) {
      t.unsure++;
      t.unsureWrong += 1 - right;
    }
    if (bin) {
      bin.n++;
      bin.right += right;
      bin.confidence += confidence;
    }
  });
}

export function mergeCalibration(a: CalibrationTally, b: CalibrationTally): CalibrationTally {
  return {
    sentences: a.sentences + b.sentences,
    correct: a.correct + b.correct,
    logLoss: a.logLoss + b.logLoss,
    bins: a.bins.map((x, i) => {
      const y = b.bins[i] ?? { n: 0, right: 0, confidence: 0 };
      return { n: x.n + y.n, right: x.right + y.right, confidence: x.confidence + y.confidence };
    }),
    unsure: a.unsure + b.unsure,
    unsureWrong: a.unsureWrong + b.unsureWrong,
  };
}

export function fitOf(t: CalibrationTally): CalibrationFit {
  const n = Math.max(1, t.sentences);
  const calibrationError = t.bins.reduce(
    (sum, b) => sum + (b.n ? (b.n / n) * Math.abs(b.right / b.n - b.confidence / b.n) : 0),
    0,
  );
  const meanConfidence = t.bins.reduce((sum, b) => sum + b.confidence, 0) / n;
  return {
    logLoss: t.logLoss / n,
    calibrationError,
    meanConfidence,
    accuracy: t.correct / n,
    unsure: { labels: t.unsure, wrong: t.unsureWrong, of: t.sentences - t.correct },
  };
}

/** The temperature with the lowest log loss over every set's sentences together. */
export function bestTemperature(bySet: ReadonlyArray<Readonly<Record<string, CalibrationTally>>>): number {
  let best = 1;
  let lowest = Infinity;
  for (const temperature of TEMPERATURES) {
    const loss = bySet.reduce((sum, tallies) => sum + (tallies[String(temperature)]?.logLoss ?? Infinity), 0);
    if (loss < lowest) {
      lowest = loss;
      best = temperature;
    }
  }
  return best;
}
