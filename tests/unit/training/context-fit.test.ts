import { describe, expect, it } from 'vitest';
import { CONTEXT_CONFIG, contextModelOf, fitContext, tfContextScores } from '../../../bench/layer-model/context-fit';
import { writtenSets } from '../../../bench/layer-model/data';
import { contextScores, ContextModelSchema } from '../../../src/core/analysis/context-model';
import { vectorsOf } from '../../../src/core/analysis/meaning-model';
import { packVector, type SentenceVectors } from '../../../src/core/analysis/sentence-vectors';

const D = 16;
const config = {
  ...CONTEXT_CONFIG,
  dimensions: D,
  projection: 8,
  windowUnits: 4,
  width: 3,
  epochs: 2,
  batch: 4,
  seeds: [3, 5],
};
const set = writtenSets(['b01']).find((s) => s.name === 'train/b01');
if (!set) throw new Error('no batch b01');
const stories = set.stories.slice(0, 12);

/** Made-up vectors (no encoder in this test): a few numbers from each sentence's characters. */
function madeUp(texts: readonly string[]): SentenceVectors {
  return Object.fromEntries(
    texts.map((t) => [
      t,
      packVector(Array.from({ length: D }, (_, i) => Math.sin((t.charCodeAt(i % t.length) ?? 1) * (i + 1)))),
    ]),
  );
}
const texts = stories.flatMap((s) => s.sentences.map((x) => x.text));
const vectors = madeUp(texts);

describe('context model training', () => {
  it('writes a file the app computes exactly as TensorFlow.js does, and the same file on every run', async () => {
    const train = [{ ...set, stories: stories.slice(0, 10) }];
    const model = ContextModelSchema.parse(contextModelOf(await fitContext(train, vectors, config), config));
    const again = contextModelOf(await fitContext(train, vectors, config), config);
    expect(again.members).toEqual(model.members);
    expect(model.members).toHaveLength(2);
    // Each seed draws its own start: the members differ.
    expect(model.members[0]?.kernel).not.toEqual(model.members[1]?.kernel);
    expect(model.training.options).toMatchObject({ seed1: 3, seed2: 5 });
    expect(model.training.sentences).toBe(train[0]?.stories.reduce((n, s) => n + s.sentences.length, 0));

    const held = stories[11]?.sentences.map((s) => s.text) ?? [];
    const expected = tfContextScores(model, held, vectors);
    const actual = contextScores({ ...model, weight: 1 }, vectorsOf(held, vectors, D));
    expect(actual).toHaveLength(held.length);
    expected.forEach((row, i) => row.forEach((x, k) => expect(actual[i]?.[k]).toBeCloseTo(x, 4)));
  }, 120_000);
});
