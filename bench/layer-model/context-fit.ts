/**
 * Fits the context model (src/core/analysis/context-model.ts) with TensorFlow.js: whole stories
 * at a time, in length-sorted batches (little padding), by Adam with dropout on the projection
 * units and an L2 penalty on every weight matrix. Every random draw (initial weights, batch order,
 * dropout) comes from the seed, so a fit is the same fit every time on the same backend. Real
 * sentences weigh like the layer model's (TrainConfig.realWeight).
 *
 * The window is written as one matrix product per offset over a shifted copy of the projections:
 * the wasm backend has no gradient for a 1-D convolution's filter.
 */
import * as tf from '@tensorflow/tfjs';
import { LAYERS } from '../../src/core/analysis/layers';
import type { ContextMember, ContextModel } from '../../src/core/analysis/context-model';
import { PLACE_COLUMNS, placeColumns, vectorsOf } from '../../src/core/analysis/meaning-model';
import type { SentenceVectors } from '../../src/core/analysis/sentence-vectors';
import type { StorySet } from './data';
import { MEANING_CONFIG } from './meaning-fit';
import { lcg, shuffled } from './mlp-fit';
import { backend } from './tf-backend';

export interface ContextConfig {
  dimensions: number;
  /** Projection units. */
  projection: number;
  /** Window units and the window's width (odd: the sentence and as many neighbours each side). */
  windowUnits: number;
  width: number;
  epochs: number;
  /** Stories a step. */
  batch: number;
  learningRate: number;
  dropout: number;
  l2: number;
  realWeight: number;
  /** One member a seed: each draws its own initial weights, batch order and dropout. */
  seeds: readonly number[];
  /** Its log-probabilities' weight in the emissions, chosen by cross-validation on the real sets. */
  weight: number;
}

export const CONTEXT_CONFIG: ContextConfig = {
  dimensions: MEANING_CONFIG.dimensions,
  projection: 64,
  windowUnits: 32,
  width: 5,
  epochs: 12,
  batch: 16,
  learningRate: 0.003,
  dropout: 0.3,
  l2: 1e-5,
  realWeight: 3,
  seeds: [7, 11, 23],
  weight: 0.9,
};

interface StoryRows {
  /** Sentences × (dimensions + place columns), row-major. */
  x: Float32Array;
  labels: number[];
  weight: number;
}

function storyRows(texts: readonly string[], vectors: SentenceVectors, d: number): Float32Array {
  const columns = d + PLACE_COLUMNS;
  const out = new Float32Array(texts.length * columns);
  vectorsOf(texts, vectors, d).forEach((v, i) => {
    if (!v) throw new Error(`context model: no vector for “${texts[i]}”`);
    out.set(v, i * columns);
    out.set(placeColumns(i, texts.length), i * columns + d);
  });
  return out;
}

/** Stories in batches of about `size`, each of stories of close lengths. */
function lengthBatches(stories: readonly StoryRows[], size: number): number[][] {
  const order = stories
    .map((_, i) => i)
    .sort((a, b) => (stories[a]?.labels.length ?? 0) - (stories[b]?.labels.length ?? 0));
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}

/** One batch as padded tensors' data: inputs, labels, a mask of real sentences and row weights. */
function padded(stories: readonly StoryRows[], batch: readonly number[], columns: number) {
  const T = Math.max(...batch.map((s) => stories[s]?.labels.length ?? 0));
  const x = new Float32Array(batch.length * T * columns);
  const y = new Int32Array(batch.length * T);
  const mask = new Float32Array(batch.length * T);
  const w = new Float32Array(batch.length * T);
  batch.forEach((s, r) => {
    const story = stories[s];
    if (!story) return;
    x.set(story.x, r * T * columns);
    story.labels.forEach((label, t) => {
      y[r * T + t] = label;
      mask[r * T + t] = 1;
      w[r * T + t] = story.weight;
    });
  });
  return { T, x, y, mask, w };
}

export async function fitContext(
  sets: readonly StorySet[],
  vectors: SentenceVectors,
  config: ContextConfig = CONTEXT_CONFIG,
): Promise<Fitted> {
  await backend();
  const d = config.dimensions;
  const stories: StoryRows[] = sets.flatMap((set) =>
    set.stories.map((story) => ({
      x: storyRows(
        story.sentences.map((s) => s.text),
        vectors,
        d,
      ),
      labels: story.sentences.map((s) => LAYERS.indexOf(s.layer)),
      weight: set.real ? config.realWeight : 1,
    })),
  );
  const members: ContextMember[] = [];
  for (const seed of config.seeds) members.push(fitMember(stories, config, seed));
  return { members, stories: stories.length, sentences: stories.reduce((n, s) => n + s.labels.length, 0) };
}

function fitMember(stories: readonly StoryRows[], config: ContextConfig, seed: number): ContextMember {
  const columns = config.dimensions + PLACE_COLUMNS;
  const net = initial(config, columns, seed);
  const optimizer = tf.train.adam(config.learningRate);
  const random = lcg(seed);
  const batches = lengthBatches(stories, config.batch);
  let step = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    for (const b of shuffled(batches.length, random)) {
      const data = padded(stories, batches[b] ?? [], columns);
      const dropSeed = seed + 100 + ++step;
      tf.tidy(() => {
        const n = (batches[b] ?? []).length;
        const x = tf.tensor3d(data.x, [n, data.T, columns]);
        const mask = tf.tensor3d(data.mask, [n, data.T, 1]);
        const y = tf.oneHot(tf.tensor1d(data.y, 'int32'), LAYERS.length);
        const w = tf.tensor1d(data.w);
        optimizer.minimize(() => {
          const logits = forward(net, config, x, mask, dropSeed);
          return tf.add(tf.losses.softmaxCrossEntropy(y, logits, w), tf.mul(config.l2, penalty(net))) as tf.Scalar;
        });
      });
    }
  }
  const member = memberOf(net);
  tf.dispose(Object.values(net));
  optimizer.dispose();
  return member;
}

/** The weights: variables while fitting, plain tensors when a file is read back. */
interface Net {
  W1: tf.Tensor;
  b1: tf.Tensor;
  C: tf.Tensor;
  bc: tf.Tensor;
  W3: tf.Tensor;
  b3: tf.Tensor;
}

/** He initialisation for the rectified layers, Glorot-like for the softmax; all from the seed. */
function initial(c: ContextConfig, columns: number, seed: number): Net {
  const H = c.projection;
  const C = c.windowUnits;
  const inputs = 2 * H + C;
  return {
    W1: tf.variable(tf.randomNormal([columns, H], 0, Math.sqrt(2 / columns), 'float32', seed)),
    b1: tf.variable(tf.zeros([H])),
    C: tf.variable(tf.randomNormal([c.width, H, C], 0, Math.sqrt(2 / (c.width * H)), 'float32', seed + 1)),
    bc: tf.variable(tf.zeros([C])),
    W3: tf.variable(tf.randomNormal([inputs, LAYERS.length], 0, Math.sqrt(1 / inputs), 'float32', seed + 2)),
    b3: tf.variable(tf.zeros([LAYERS.length])),
  };
}

function penalty(net: Net): tf.Tensor {
  return tf.add(tf.add(tf.sum(tf.square(net.W1)), tf.sum(tf.square(net.W3))), tf.sum(tf.square(net.C)));
}

/** Logits of every (story, sentence) of a padded batch, as context-model.ts computes them. */
function forward(net: Net, c: ContextConfig, x: tf.Tensor3D, mask: tf.Tensor3D, dropSeed: number): tf.Tensor2D {
  const [n = 0, T = 0, columns = 0] = x.shape;
  const H = c.projection;
  const h = tf.mul(tf.relu(tf.add(tf.matMul(x.reshape([n * T, columns]), net.W1), net.b1)).reshape([n, T, H]), mask);
  const dropped = c.dropout > 0 ? tf.dropout(h, c.dropout, undefined, dropSeed) : h;
  const half = (c.width - 1) / 2;
  const shifted = tf.pad(dropped, [
    [0, 0],
    [half, half],
    [0, 0],
  ]);
  let window: tf.Tensor = net.bc;
  for (let o = 0; o < c.width; o++) {
    const part = tf.slice(shifted, [0, o, 0], [n, T, H]).reshape([n * T, H]);
    window = tf.add(
      window,
      tf.matMul(part, tf.slice(net.C, [o, 0, 0], [1, H, c.windowUnits]).reshape([H, c.windowUnits])),
    );
  }
  const mean = tf.div(tf.sum(dropped, 1, true), tf.sum(mask, 1, true));
  const inputs = tf.concat(
    [dropped, tf.mul(tf.relu(window).reshape([n, T, c.windowUnits]), mask), tf.mul(tf.tile(mean, [1, T, 1]), mask)],
    2,
  );
  return tf.add(tf.matMul(inputs.reshape([n * T, 2 * H + c.windowUnits]), net.W3), net.b3) as tf.Tensor2D;
}

/**
 * Log-probabilities of a story's sentences as TensorFlow.js computes them from a file's weights
 * (no dropout): what the app's own arithmetic (context-model.ts) must agree with.
 */
export function tfContextScores(model: ContextModel, texts: readonly string[], vectors: SentenceVectors): number[][] {
  const d = model.dimensions;
  return tf.tidy(() => {
    const x = tf.tensor3d(storyRows(texts, vectors, d), [1, texts.length, d + PLACE_COLUMNS]);
    const mask = tf.ones([1, texts.length, 1]) as tf.Tensor3D;
    const each = model.members.map((m) => {
      const config = {
        ...CONTEXT_CONFIG,
        dimensions: d,
        projection: m.projection.bias.length,
        windowUnits: m.window.bias.length,
        width: m.window.kernel.length,
        dropout: 0,
      };
      const net: Net = {
        W1: tf.tensor2d(m.projection.kernel),
        b1: tf.tensor1d(m.projection.bias),
        C: tf.tensor3d(m.window.kernel),
        bc: tf.tensor1d(m.window.bias),
        W3: tf.tensor2d(m.kernel),
        b3: tf.tensor1d(m.bias),
      };
      return tf.logSoftmax(forward(net, config, x, mask, 0));
    });
    return tf.div(tf.addN(each), each.length).arraySync() as number[][];
  });
}

interface Fitted {
  members: ContextMember[];
  stories: number;
  sentences: number;
}

function memberOf(net: Net): ContextMember {
  return {
    projection: { kernel: net.W1.arraySync() as number[][], bias: net.b1.arraySync() as number[] },
    window: { kernel: net.C.arraySync() as number[][][], bias: net.bc.arraySync() as number[] },
    kernel: net.W3.arraySync() as number[][],
    bias: net.b3.arraySync() as number[],
  };
}

/** A fitted model as the file the app reads (a fold's model in cross-validation has no date or hash). */
export function contextModelOf(
  fitted: Fitted,
  config: ContextConfig = CONTEXT_CONFIG,
  meta: Pick<ContextModel, 'trainedAt' | 'dataHash'> = {
    trainedAt: new Date(0).toISOString(),
    dataHash: '0'.repeat(64),
  },
): ContextModel {
  return {
    format: 'postmortem-coach/context-model',
    version: 1,
    encoder: 'universal-sentence-encoder-lite',
    dimensions: config.dimensions,
    ...meta,
    training: { stories: fitted.stories, sentences: fitted.sentences, options: numericOptions(config) },
    weight: config.weight,
    members: fitted.members,
  };
}

/** The config as the file's numeric options: the seeds as seed1, seed2, … */
function numericOptions(config: ContextConfig): Record<string, number> {
  const { seeds, ...rest } = config;
  return { ...rest, ...Object.fromEntries(seeds.map((s, i) => [`seed${i + 1}`, s])) };
}
