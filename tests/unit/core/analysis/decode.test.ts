import { describe, expect, it } from 'vitest';
import {
  buildSequenceModel,
  decode,
  DEFAULT_SEQUENCE_MODEL,
  TRANSITION_WEIGHT,
  weighted,
  type SequenceCounts,
} from '../../../../src/core/analysis/decode';
import { LAYERS, type Layer } from '../../../../src/core/analysis/layers';

const sum = (row: readonly number[]) => row.reduce((a, b) => a + Math.exp(b), 0);

function zeroCounts(): SequenceCounts {
  const row = () => Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  return {
    start: row(),
    transitions: Object.fromEntries(LAYERS.map((l) => [l, row()])) as Record<Layer, Record<Layer, number>>,
  };
}

describe('sequence model', () => {
  it('makes every transition row and the start a proper distribution', () => {
    const m = buildSequenceModel(null);
    expect(sum(m.logStart)).toBeCloseTo(1, 6);
    for (const row of m.logTransition) expect(sum(row)).toBeCloseTo(1, 6);
    for (const row of m.logTransitionEarly) expect(sum(row)).toBeCloseTo(1, 6);
  });

  it('moves towards what the labelled stories show, smoothed by the preferences', () => {
    const counts = zeroCounts();
    (counts.transitions.mitigation as Record<Layer, number>).structural_fix = 200;
    const learned = buildSequenceModel(counts);
    const prior = buildSequenceModel(null);
    const k = LAYERS.indexOf('structural_fix');
    const j = LAYERS.indexOf('mitigation');
    expect(learned.logTransition[j]?.[k] ?? -Infinity).toBeGreaterThan(prior.logTransition[j]?.[k] ?? 0);
    // A move the stories never show keeps some probability from the preferences.
    expect(Number.isFinite(learned.logTransition[j]?.[LAYERS.indexOf('detection')] ?? -Infinity)).toBe(true);
  });

  it('ships the learned model at the cross-validated transition weight', () => {
    const m = weighted(buildSequenceModel(null), 0.5);
    expect(m.logStart[0]).toBeCloseTo((buildSequenceModel(null).logStart[0] ?? 0) * 0.5, 9);
    expect(TRANSITION_WEIGHT).toBeGreaterThan(0);
    expect(DEFAULT_SEQUENCE_MODEL.logTransition).toHaveLength(LAYERS.length);
  });

  it('lets clear sentence evidence beat the story flow', () => {
    const strong = (layer: Layer) => LAYERS.map((l) => (l === layer ? 8 : 0));
    const { path } = decode([strong('headline'), strong('structural_fix'), strong('detection')]);
    expect(path).toEqual(['headline', 'structural_fix', 'detection']);
  });
});

describe('tempered posteriors', () => {
  const emissions = [
    [3, 1, 0, 0, 0, 0, 0],
    [0, 2.5, 2, 0, 0, 0, 0],
    [0, 0, 4, 1, 0, 0, 0],
    [0, 0, 0.5, 3, 0.4, 0, 0],
  ];
  const best = (rows: number[][]) => rows.map((r) => Math.max(...r));

  it('leave the labels as they are and make every one less sure', () => {
    const plain = decode(emissions);
    const tempered = decode(emissions, DEFAULT_SEQUENCE_MODEL, undefined, 3);
    expect(tempered.path).toEqual(plain.path);
    best(tempered.posteriors).forEach((p, i) => expect(p).toBeLessThan(best(plain.posteriors)[i] ?? 0));
    for (const row of tempered.posteriors) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('at temperature 1 are the posteriors of the scores as they are', () => {
    expect(decode(emissions, DEFAULT_SEQUENCE_MODEL, undefined, 1).posteriors).toEqual(decode(emissions).posteriors);
  });
});
