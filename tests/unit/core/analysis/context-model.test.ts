import { describe, expect, it } from 'vitest';
import {
  classifySentences,
  DEFAULT_CLASSIFIER_MODEL,
  SHIPPED_CONTEXT_MODEL,
} from '../../../../src/core/analysis/classify';
import {
  contextScores,
  ContextModelSchema,
  type ContextMember,
  type ContextModel,
} from '../../../../src/core/analysis/context-model';
import { LAYERS, type Layer } from '../../../../src/core/analysis/layers';
import { packVector, type SentenceVectors } from '../../../../src/core/analysis/sentence-vectors';
import { CONFIG_STORY, toyVectorModelHeader } from './helpers';

const D = 8;
const K = LAYERS.length;
const zeros = (n: number) => Array.from({ length: n }, () => 0);

/**
 * A model over D-dimensional vectors with one projection unit per layer (unit k copies dimension
 * k) and one window unit that adds up its neighbours' unit 6 ("other"). `say` sets which parts
 * speak: the sentence's own units, the window, or the story's mean.
 */
function toyModel(say: { own?: number; window?: number; mean?: number }, width = 3): ContextModel {
  return {
    ...toyVectorModelHeader('postmortem-coach/context-model', D),
    weight: 1,
    members: [toyMember(say, width)],
  };
}

function toyMember(say: { own?: number; window?: number; mean?: number }, width: number): ContextMember {
  const H = K;
  return {
    projection: {
      bias: zeros(H),
      kernel: Array.from({ length: D + 4 }, (_, r) => Array.from({ length: H }, (_, u) => (r === u ? 1 : 0))),
    },
    window: {
      bias: [0],
      kernel: Array.from({ length: width }, (_, o) =>
        Array.from({ length: H }, (_, u) => [o !== (width - 1) / 2 && u === 6 ? 1 : 0]),
      ),
    },
    bias: zeros(K),
    kernel: [
      ...Array.from({ length: H }, (_, u) => LAYERS.map((_, k) => (u === k ? (say.own ?? 0) : 0))),
      LAYERS.map((l) => (l === 'other' ? (say.window ?? 0) : 0)),
      ...Array.from({ length: H }, (_, u) => LAYERS.map((_, k) => (u === k ? (say.mean ?? 0) : 0))),
    ],
  };
}

function unit(k: number): Float32Array {
  const v = new Float32Array(D);
  v[k] = 1;
  return v;
}

const top = (row: number[] | null | undefined) => LAYERS[(row ?? []).indexOf(Math.max(...(row ?? [])))];

describe('context model', () => {
  it('ships a trained model for the encoder the back end runs', () => {
    const m = SHIPPED_CONTEXT_MODEL;
    expect(m.dimensions).toBe(512);
    expect(m.weight).toBeGreaterThan(0);
    expect(m.dataHash).not.toBe('0'.repeat(64));
    expect(m.training.sentences).toBeGreaterThan(20_000);
    expect(m.members.length).toBeGreaterThan(1);
    expect(ContextModelSchema.safeParse(m).success).toBe(true);
  });

  it('refuses a file whose parts do not fit together', () => {
    const m = toyModel({ own: 12 });
    const member = toyMember({ own: 12 }, 3);
    const withMember = (changed: Partial<ContextMember>) => ({ ...m, members: [{ ...member, ...changed }] });
    expect(ContextModelSchema.safeParse(m).success).toBe(true);
    expect(ContextModelSchema.safeParse(withMember({ kernel: member.kernel.slice(1) })).success).toBe(false);
    const even = { ...member.window, kernel: member.window.kernel.slice(1) };
    expect(ContextModelSchema.safeParse(withMember({ window: even })).success).toBe(false);
    const short = { ...member.projection, kernel: member.projection.kernel.slice(1) };
    expect(ContextModelSchema.safeParse(withMember({ projection: short })).success).toBe(false);
    expect(ContextModelSchema.safeParse({ ...m, members: [] }).success).toBe(false);
  });

  it('scores each sentence by its own vector, and says nothing where there is none', () => {
    const scores = contextScores(toyModel({ own: 12 }), [unit(1), null, unit(3)]);
    expect(scores[1]).toBeNull();
    expect(top(scores[0])).toBe('detection');
    expect(top(scores[2])).toBe('mitigation');
    expect((scores[0] ?? []).reduce((a, x) => a + Math.exp(x), 0)).toBeCloseTo(1, 6);
  });

  it('reads the neighbours through its window, a missing neighbour as nothing', () => {
    const m = toyModel({ window: 12 });
    // The middle sentence has two "other" neighbours, the first only one, the lone one none.
    const [first, middle] = contextScores(m, [unit(6), unit(2), unit(6)]);
    expect(top(middle)).toBe('other');
    expect((middle?.[6] ?? 0) > (first?.[6] ?? 0)).toBe(true);
    const [lone] = contextScores(m, [unit(2)]);
    expect(new Set((lone ?? []).map((x) => x.toFixed(6))).size).toBe(1);
  });

  it('averages its members’ log-probabilities', () => {
    const one = toyModel({ own: 12 });
    const two = { ...one, members: [toyMember({ own: 12 }, 3), toyMember({ mean: 12 }, 3)] };
    const [a] = contextScores(one, [unit(2), unit(5), unit(5)]);
    const [both] = contextScores(two, [unit(2), unit(5), unit(5)]);
    const [b] = contextScores({ ...one, members: [toyMember({ mean: 12 }, 3)] }, [unit(2), unit(5), unit(5)]);
    (both ?? []).forEach((x, k) => expect(x).toBeCloseTo(((a?.[k] ?? 0) + (b?.[k] ?? 0)) / 2, 9));
  });

  it('reads the story as a whole through its mean', () => {
    const m = toyModel({ mean: 12 });
    // Three of four sentences are system learning: the mean says so for every one of them.
    const scores = contextScores(m, [unit(5), unit(5), unit(2), unit(5)]);
    expect(scores.map(top)).toEqual(['system_learning', 'system_learning', 'system_learning', 'system_learning']);
  });

  it('moves the labels of the sentences that have vectors, and only when a model reads them', () => {
    const story = CONFIG_STORY;
    const layers = (texts: string[], vectors: SentenceVectors | undefined, weight: number): Layer[] =>
      classifySentences(
        texts,
        {},
        { ...DEFAULT_CLASSIFIER_MODEL, meaning: null, context: { ...toyModel({ own: 12 }), weight } },
        [],
        [],
        vectors,
      ).map((c) => c.layer);
    const plainly = (texts: string[]) =>
      classifySentences(texts, {}, { ...DEFAULT_CLASSIFIER_MODEL, meaning: null, context: null }).map((c) => c.layer);
    const loud = (texts: string[], k: number): SentenceVectors =>
      Object.fromEntries(texts.map((t) => [t, packVector(unit(k))]));
    expect(layers(story, undefined, 10)).toEqual(plainly(story));
    expect(layers(story, loud(story, 6), 0)).toEqual(plainly(story));
    // Sentences that do not say their layer follow the model; one that names it keeps it.
    const told = [
      'The bit after that took a while.',
      'Detection: the pages came within three minutes.',
      'That was it.',
    ];
    expect(plainly(told)[1]).toBe('detection');
    expect(layers(told, loud(told, 4), 10)).toEqual(['structural_fix', 'detection', 'structural_fix']);
  });
});
