/**
 * The learned layer model: a multinomial logistic regression over the context features of
 * layer-features.ts, plus the layer-transition counts its decoder uses. Its parameters are a data
 * file (layer-model.json) written by `npm run train` (bench/layer-model/train.ts); this module
 * only reads and applies them. The file is checked against a schema when loaded, so a damaged
 * or hand-edited file fails loudly instead of scoring silently wrong.
 */
import { z } from 'zod';
import { modelFileHeader } from './model-file';
import type { Feature } from './layer-features';
import { LAYERS, type Layer } from './layers';
import { logSoftmax } from './log-probabilities';

const K = LAYERS.length;
const LayerVector = z.array(z.number()).length(K);
const LayerCounts = z.record(z.enum(LAYERS), z.number().nonnegative());

export const LearnedModelSchema = z.object({
  // The hash covers the training stories (ids, texts, labels) and the training options.
  ...modelFileHeader('postmortem-coach/layer-model'),
  version: z.number().int().positive(),
  training: z.object({
    stories: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    sets: z.array(z.string()),
    options: z.record(z.string(), z.number()),
  }),
  bias: LayerVector,
  /** Feature name → one weight per layer (LAYERS order). */
  weights: z.record(z.string(), LayerVector),
  sequence: z.object({
    start: LayerCounts,
    transitions: z.record(z.enum(LAYERS), LayerCounts),
  }),
  /** How much the story-flow model counts against the sentence scores (a log-space weight). */
  transitionWeight: z.number().nonnegative(),
});

export type LearnedModel = z.infer<typeof LearnedModelSchema>;

/** Weights as a Map: a large object is slow to probe with absent keys. */
const COMPILED = new WeakMap<LearnedModel, Map<string, readonly number[]>>();

function compiled(model: LearnedModel): Map<string, readonly number[]> {
  let map = COMPILED.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    COMPILED.set(model, map);
  }
  return map;
}

/** Log-probabilities of every layer (LAYERS order) for one sentence's features. */
export function layerLogProbabilities(features: readonly Feature[], model: LearnedModel): number[] {
  const map = compiled(model);
  const logits = [...model.bias];
  for (const [name, value] of features) {
    const w = map.get(name);
    if (!w) continue;
    for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + value * (w[k] ?? 0);
  }
  return logSoftmax(logits);
}

/** Readable words behind a layer's score, strongest first (for the evidence shown to users). */
export function strongestWords(features: readonly Feature[], model: LearnedModel, layer: Layer, n = 3): string[] {
  const k = LAYERS.indexOf(layer);
  const map = compiled(model);
  return features
    .filter(([name]) => (name.startsWith('u:') || name.startsWith('b:')) && meaningful(name))
    .map(([name, value]) => [name, value * (map.get(name)?.[k] ?? 0)] as const)
    .filter(([, w]) => w > 0.3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name]) => name.slice(2).replace('^_', '').replace('_', ' '));
}

/** Function words and placeholders that mean nothing to a user as evidence on their own. */
const BLAND = new Set(
  '# ^ a an the and or but so of to in on at for by with from as is are was were be been it its this that these those we i our my us me they their he she you your there then than had has have do did not no just also about after before when what which who'.split(
    ' ',
  ),
);

function meaningful(feature: string): boolean {
  const sep = feature.indexOf('_', 2);
  if (sep < 0) return !BLAND.has(feature.slice(2));
  return !BLAND.has(feature.slice(2, sep)) || !BLAND.has(feature.slice(sep + 1));
}
