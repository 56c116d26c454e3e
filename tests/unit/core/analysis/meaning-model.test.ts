import { describe, expect, it } from 'vitest';
import { analyzeTranscript, sentenceTexts } from '../../../../src/core/analysis/analyze';
import {
  classifySentences,
  DEFAULT_CLASSIFIER_MODEL,
  SHIPPED_MEANING_MODEL,
} from '../../../../src/core/analysis/classify';
import { LAYERS, type Layer } from '../../../../src/core/analysis/layers';
import {
  meaningScores,
  MeaningModelSchema,
  placeColumns,
  vectorsOf,
  type MeaningModel,
} from '../../../../src/core/analysis/meaning-model';
import { packVector, unpackVector, type SentenceVectors } from '../../../../src/core/analysis/sentence-vectors';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { CONFIG_STORY, toyVectorModelHeader } from './helpers';

const D = 8;

/** A model over D-dimensional vectors whose only opinion is that dimension `k` means layer k. */
function toyModel(weight: number): MeaningModel {
  const kernel = Array.from({ length: 3 * D + 4 }, (_, row) => LAYERS.map((_, k) => (row < D && row === k ? 12 : 0)));
  return {
    ...toyVectorModelHeader('postmortem-coach/meaning-model', D),
    weight,
    bias: LAYERS.map(() => 0),
    kernel,
  };
}

function unit(k: number): Float32Array {
  const v = new Float32Array(D);
  v[k] = 1;
  return v;
}

const story = CONFIG_STORY;

describe('sentence vectors travel packed', () => {
  it('round-trips a vector to within one step of its largest value / 127', () => {
    const v = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i) * 0.3);
    const back = unpackVector(packVector(v), 512);
    expect(back).not.toBeNull();
    const step = 0.3 / 127;
    v.forEach((x, i) => expect(Math.abs((back?.[i] ?? 99) - x)).toBeLessThanOrEqual(step));
  });

  it('refuses what is not a vector of the expected size', () => {
    const packed = packVector(unit(1));
    expect(unpackVector(packed, D + 1)).toBeNull();
    expect(unpackVector('not base64 at all!', D)).toBeNull();
    expect(unpackVector('', D)).toBeNull();
  });
});

describe('meaning model', () => {
  it('ships a trained model for the encoder the back end runs', () => {
    const m = SHIPPED_MEANING_MODEL;
    expect(m.dimensions).toBe(512);
    expect(m.weight).toBeGreaterThan(0);
    expect(m.dataHash).not.toBe('0'.repeat(64));
    expect(m.training.sentences).toBeGreaterThan(20_000);
    expect(m.kernel.some((row) => row.some((w) => w !== 0))).toBe(true);
  });

  it('refuses a file whose kernel does not fit its dimensions', () => {
    const m = toyModel(1);
    expect(MeaningModelSchema.safeParse(m).success).toBe(true);
    expect(MeaningModelSchema.safeParse({ ...m, kernel: m.kernel.slice(1) }).success).toBe(false);
  });

  it('scores a sentence by its vector, weighted, and says nothing where there is none', () => {
    const scores = meaningScores(toyModel(0.5), [unit(1), null, unit(3)]);
    expect(scores[1]).toBeNull();
    const first = scores[0] ?? [];
    expect(LAYERS[first.indexOf(Math.max(...first))]).toBe('detection');
    // Half a log-probability: the sum of the probabilities of the unweighted scores is one.
    const total = first.reduce((a, x) => a + Math.exp(x / 0.5), 0);
    expect(total).toBeCloseTo(1, 6);
    const third = scores[2] ?? [];
    expect(LAYERS[third.indexOf(Math.max(...third))]).toBe('mitigation');
  });

  it('reads the neighbours and the place in the story', () => {
    const m = toyModel(1);
    // Only the previous sentence's vector speaks: layer 5 (system learning).
    m.kernel = m.kernel.map((row, r) => LAYERS.map((_, k) => (r === D + 5 && k === 5 ? 12 : 0)));
    const [, second] = meaningScores(m, [unit(5), unit(0)]);
    expect(LAYERS[(second ?? []).indexOf(Math.max(...(second ?? [])))]).toBe('system_learning');
    expect(placeColumns(0, 5)).toEqual([0, 0, 1, 0]);
    expect(placeColumns(4, 5)).toEqual([1, 1, 0, 1]);
  });

  it('reads through a hidden layer of rectified units when the file has one', () => {
    const H = 3;
    const m = toyModel(1);
    // Unit 0 fires on dimension 2 and says structural fix; unit 1 fires on dimension 4 but is
    // rectified away for a negative input; unit 2 never fires.
    m.hidden = {
      bias: [0, 0, -1],
      kernel: Array.from({ length: 3 * D + 4 }, (_, r) => [r === 2 ? 1 : 0, r === 4 ? 1 : 0, 0]),
    };
    m.kernel = Array.from({ length: H }, (_, h) =>
      LAYERS.map((l) => (h === 0 && l === 'structural_fix' ? 12 : h === 1 && l === 'other' ? 12 : 0)),
    );
    expect(MeaningModelSchema.safeParse(m).success).toBe(true);
    const top = (v: Float32Array) => {
      const [row] = meaningScores(m, [v]);
      return LAYERS[(row ?? []).indexOf(Math.max(...(row ?? [])))];
    };
    expect(top(unit(2))).toBe('structural_fix');
    expect(top(unit(4))).toBe('other');
    const negative = unit(4).map((x) => -x);
    const [flat] = meaningScores(m, [negative]);
    // Nothing fires: every layer is as likely as the next.
    expect(new Set((flat ?? []).map((x) => x.toFixed(6))).size).toBe(1);
    // Weights that do not match the units are refused.
    expect(MeaningModelSchema.safeParse({ ...m, kernel: m.kernel.slice(1) }).success).toBe(false);
    expect(
      MeaningModelSchema.safeParse({ ...m, hidden: { ...m.hidden, kernel: m.hidden.kernel.slice(1) } }).success,
    ).toBe(false);
  });

  it('moves the labels of the sentences that have vectors, and only when a model reads them', () => {
    const layers = (vectors: SentenceVectors | undefined, weight: number): Layer[] =>
      classifySentences(story, {}, { ...DEFAULT_CLASSIFIER_MODEL, meaning: toyModel(weight) }, [], [], vectors).map(
        (c) => c.layer,
      );
    const plain = classifySentences(story, {}).map((c) => c.layer);
    expect(layers(undefined, 10)).toEqual(plain);
    // Every sentence's vector says "other" (dimension 6), strongly.
    const loud: SentenceVectors = Object.fromEntries(story.map((t) => [t, packVector(unit(6))]));
    expect(layers(loud, 10)).toEqual(story.map(() => 'other'));
    expect(layers(loud, 0)).toEqual(plain);
    // A vector for one sentence moves that sentence only.
    const one: SentenceVectors = { [story[2] ?? '']: packVector(unit(6)) };
    expect(layers(one, 10)[2]).toBe('other');
    expect(plain[2]).not.toBe('other');
  });

  it('the analysis reads vectors by the sentence texts the engine cuts', () => {
    const transcript = transcriptFromText(story.join(' '));
    const texts = sentenceTexts(transcript);
    expect(texts).toEqual(story);
    const damaged: SentenceVectors = Object.fromEntries(texts.map((t) => [t, 'AAAA']));
    expect(vectorsOf(['constructor', 'toString'], {}, D)).toEqual([null, null]);
    // Damaged vectors are ignored, not trusted.
    expect(analyzeTranscript(transcript, { sentenceVectors: damaged }).sentences.map((s) => s.layer)).toEqual(
      analyzeTranscript(transcript).sentences.map((s) => s.layer),
    );
  });
});
