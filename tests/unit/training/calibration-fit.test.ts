import { describe, expect, it } from 'vitest';
import {
  addStory,
  bestTemperature,
  calibrationTally,
  fitOf,
  mergeCalibration,
  TEMPERATURES,
  type CalibrationTally,
  type Read,
} from '../../../bench/layer-model/calibration-fit';
import { LAYERS, type Layer } from '../../../src/core/analysis/layers';

/** A seeded stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function softmax(xs: readonly number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/**
 * Sentences whose right layer is drawn from softmax(z), read by an engine whose scores are
 * `overconfidence` times z: tallied at every candidate temperature.
 */
function tallies(overconfidence: number, seed = 7): Record<string, CalibrationTally> {
  const next = random(seed);
  const out: Record<string, CalibrationTally> = {};
  const sentences = Array.from({ length: 3000 }, () => {
    const z = LAYERS.map(() => next() * 4);
    const p = softmax(z);
    let u = next();
    const gold = LAYERS.find((_, k) => (u -= p[k] ?? 0) < 0) ?? 'other';
    return { z, gold };
  });
  for (const t of TEMPERATURES) {
    const tally = calibrationTally();
    for (const { z, gold } of sentences) {
      const p = softmax(z.map((x) => (x * overconfidence) / t));
      const layer = LAYERS[p.indexOf(Math.max(...p))] as Layer;
      const read: Read = {
        layer,
        probabilities: Object.fromEntries(LAYERS.map((l, k) => [l, p[k] ?? 0])) as Read['probabilities'],
      };
      addStory(tally, [gold], [read]);
    }
    out[String(t)] = tally;
  }
  return out;
}

describe('fitting the temperature of the posteriors', () => {
  it('finds how much surer the engine says it is than it turns out to be', () => {
    expect(bestTemperature([tallies(3)])).toBeGreaterThanOrEqual(2.5);
    expect(bestTemperature([tallies(3)])).toBeLessThanOrEqual(3.5);
    expect(bestTemperature([tallies(1)])).toBeLessThanOrEqual(1.25);
  });

  it('measures the gap between confidence and accuracy, and closes it at the fitted temperature', () => {
    const t = tallies(3);
    const before = fitOf(t['1'] ?? calibrationTally());
    const after = fitOf(t[String(bestTemperature([t]))] ?? calibrationTally());
    expect(before.meanConfidence).toBeGreaterThan(before.accuracy + 0.1);
    expect(after.calibrationError).toBeLessThan(before.calibrationError / 2);
    expect(after.logLoss).toBeLessThan(before.logLoss);
    // Tempering never changes a label, so accuracy stays.
    expect(after.accuracy).toBeCloseTo(before.accuracy, 9);
  });

  it('counts the labels marked unsure and the wrong ones among them, the same at any temperature in total', () => {
    const t = tallies(3);
    const sure = fitOf(t['1'] ?? calibrationTally());
    const tempered = fitOf(t[String(bestTemperature([t]))] ?? calibrationTally());
    // Tempering lowers every confidence, so more labels fall below the line and more errors are caught.
    expect(tempered.unsure.labels).toBeGreaterThan(sure.unsure.labels);
    expect(tempered.unsure.wrong).toBeGreaterThan(sure.unsure.wrong);
    expect(tempered.unsure.of).toBe(sure.unsure.of);
    expect(tempered.unsure.wrong).toBeLessThanOrEqual(tempered.unsure.of);
    expect(tempered.unsure.of).toBe(Math.round(3000 * (1 - tempered.accuracy)));
  });

  it('marks a label unsure exactly below the confidence the results page uses', () => {
    const tally = calibrationTally();
    const read = (layer: Layer, p: number): Read => ({
      layer,
      probabilities: Object.fromEntries(
        LAYERS.map((l) => [l, l === layer ? p : (1 - p) / (LAYERS.length - 1)]),
      ) as Read['probabilities'],
    });
    addStory(
      tally,
      ['headline', 'detection', 'other'],
      [read('headline', 0.59), read('attribution', 0.6), read('mitigation', 0.3)],
    );
    expect(fitOf(tally).unsure).toEqual({ labels: 2, wrong: 1, of: 2 });
  });

  it('adds up tallies from several processes', () => {
    const a = tallies(2, 1)['1'] ?? calibrationTally();
    const b = tallies(2, 2)['1'] ?? calibrationTally();
    const m = mergeCalibration(a, b);
    expect(m.sentences).toBe(a.sentences + b.sentences);
    expect(m.logLoss).toBeCloseTo(a.logLoss + b.logLoss, 9);
    expect(m.bins.reduce((s, x) => s + x.n, 0)).toBe(m.sentences);
    expect(m.unsure).toBe(a.unsure + b.unsure);
    expect(m.unsureWrong).toBe(a.unsureWrong + b.unsureWrong);
  });
});
