/**
 * Turns labelled story sets into a LearnedModel: examples (real sentences weighted up, since
 * written stories outnumber them), the logistic regression (fit.ts) and the layer-transition
 * counts of the decoder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SequenceCounts } from '../../src/core/analysis/decode';
import { LAYERS, type Layer } from '../../src/core/analysis/layers';
import type { LearnedModel } from '../../src/core/analysis/learned-model';
import { storyExamples, type StorySet } from './data';
import { fit, type Example } from './fit';
import { readerStory, retold, seeded, type ReaderConfig, type ReaderStory } from './reader-fit';

export interface TrainConfig {
  /** Weight of a real sentence against a written one. */
  realWeight: number;
  l2: number;
  minCount: number;
  iterations: number;
  learningRate: number;
  maxFeatures: number;
  transitionWeight: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  realWeight: 3,
  l2: 3e-4,
  minCount: 2,
  iterations: 120,
  learningRate: 0.1,
  maxFeatures: 4000,
  transitionWeight: 0.4,
};

export const MODEL_VERSION = 4;

/**
 * The version of what the models read of a sentence (layer-features.ts, discourse.ts, and the
 * heading words of markers.ts and document/sections.ts), hashed with their data: fold engines kept
 * in bench/.cache must not outlive a change to it.
 */
const FEATURE_SET = 4;

const WORD_VECTORS = fileURLToPath(new URL('../../src/core/analysis/word-vectors.json', import.meta.url));

export function examplesFor(sets: readonly StorySet[], config: TrainConfig): Example[] {
  return sets.flatMap((set) => set.stories.flatMap((s) => storyExamples(s, set.real ? config.realWeight : 1)));
}

/**
 * The stories as the story reader is trained on them (real ones weighted like the linear
 * model's), a share of them also told in another order.
 */
export function readerStories(sets: readonly StorySet[], config: TrainConfig, reader: ReaderConfig): ReaderStory[] {
  const random = seeded(reader.seeds[0] ?? 0);
  return sets.flatMap((set) =>
    set.stories.flatMap((s) => {
      const weight = set.real ? config.realWeight : 1;
      const other = random() < reader.retold ? retold(s, random) : null;
      return [s, ...(other ? [other] : [])].map((x) => readerStory(x, weight, reader.maxTokens));
    }),
  );
}

export function countSequences(sets: readonly StorySet[]): SequenceCounts {
  const stories = sets.flatMap((set) => set.stories);
  const zero = (): Record<Layer, number> => Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const start = zero();
  const transitions = Object.fromEntries(LAYERS.map((l) => [l, zero()])) as Record<Layer, Record<Layer, number>>;
  for (const story of stories) {
    const seq = story.sentences.map((s) => s.layer);
    const first = seq[0];
    if (first) start[first]++;
    for (let i = 1; i < seq.length; i++) transitions[seq[i - 1] as Layer][seq[i] as Layer]++;
  }
  return { start, transitions };
}

/** SHA-256 over every training story's id, sentences and labels, the options and the word vectors. */
export function dataHash(sets: readonly StorySet[], config: object): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ ...config, features: FEATURE_SET }));
  h.update(readFileSync(WORD_VECTORS));
  for (const set of sets) {
    for (const s of set.stories) h.update(JSON.stringify([set.name, s.id, s.sentences]));
  }
  return h.digest('hex');
}

export async function trainModel(
  examples: readonly Example[],
  sequence: SequenceCounts,
  config: TrainConfig,
  meta: Partial<Pick<LearnedModel, 'training' | 'dataHash' | 'trainedAt'>> = {},
): Promise<LearnedModel> {
  const fitted = await fit(examples, config);
  return {
    format: 'postmortem-coach/layer-model',
    version: MODEL_VERSION,
    trainedAt: meta.trainedAt ?? new Date(0).toISOString(),
    dataHash: meta.dataHash ?? '0'.repeat(64),
    training: meta.training ?? { stories: 0, sentences: examples.length, sets: [], options: {} },
    bias: fitted.bias,
    weights: fitted.weights,
    sequence,
    transitionWeight: config.transitionWeight,
  };
}
