/**
 * Trains the story reader (src/core/analysis/story-reader.ts) with TensorFlow.js: a convolution
 * over each sentence's word vectors (frozen, the app's own table), the sentence's discourse
 * flags and place, then a gated recurrent layer over the story's sentences in each direction,
 * and a softmax per sentence. Adam on the weighted cross-entropy, stories batched by length.
 * One member is trained per seed of `seeds`; the app averages them. Deterministic: each member's
 * initialisation, dropout and batch order follow its seed.
 *
 * The wasm backend has no gradient for convolution or gather, so the convolution is one product
 * over each window's words side by side, and the backward direction reverses each story with a
 * permutation matrix.
 */
import * as tf from '@tensorflow/tfjs';
import { contextFeatures } from '../../src/core/analysis/classify';
import { LAYERS } from '../../src/core/analysis/layers';
import { normalize } from '../../src/core/analysis/normalize';
import { SHIPPED_WORD_VECTORS } from '../../src/core/analysis/shipped-word-vectors';
import { wordRow } from '../../src/core/analysis/word-vectors';
import {
  decodeFloats,
  encodeFloats,
  readerFlags,
  readerMeaning,
  readerPlace,
  readerTokens,
  StoryReaderSchema,
  type ReaderTensors,
  type StoryReaderFile,
} from '../../src/core/analysis/story-reader';
import type { CorpusStory } from '../corpus';
import { backend } from './tf-backend';

const K = LAYERS.length;
const D = SHIPPED_WORD_VECTORS.dimensions;

export interface ReaderConfig {
  maxTokens: number;
  window: number;
  channels: number;
  hidden: number;
  recurrent: number;
  epochs: number;
  learningRate: number;
  dropout: number;
  /** Stories per batch. */
  batch: number;
  /** A flag must occur in at least this many training sentences to be an input. */
  flagMinCount: number;
  /** One member is trained per seed; the reader averages them (see StoryReaderSchema.members). */
  seeds: number[];
  /** Weight of the reader's log-probabilities next to the linear model's in the decoder. */
  weight: number;
  /**
   * Share of stories that also join training told in another order (see `retold`). Off: with
   * the reader kept off sentences that name their layer, half the stories retold cost the real
   * postmortems more than a point (bench/layer-model/EXPERIMENTS.md).
   */
  retold: number;
}

export const READER_CONFIG: ReaderConfig = {
  maxTokens: 40,
  window: 3,
  channels: 64,
  hidden: 64,
  recurrent: 32,
  epochs: 4,
  learningRate: 0.002,
  dropout: 0.3,
  batch: 16,
  flagMinCount: 20,
  seeds: [7, 11],
  weight: 1,
  retold: 0,
};

/** One sentence as the reader is trained on it: what the app's reader reads, and its gold layer. */
interface ReaderExample {
  tokens: string[];
  flags: string[];
  label: number;
}

export interface ReaderStory {
  sentences: ReaderExample[];
  weight: number;
}

export function readerStory(story: CorpusStory, weight: number, maxTokens: number): ReaderStory {
  const features = contextFeatures(story.sentences.map((s) => s.text));
  return {
    weight,
    sentences: story.sentences.map((s, i) => ({
      tokens: readerTokens(normalize(s.text), maxTokens),
      flags: readerFlags(features[i] ?? []),
      label: LAYERS.indexOf(s.layer),
    })),
  };
}

/**
 * The story told in another order, as speakers do: one run of sentences of one layer (the
 * rollback, the lesson, the cause) moved to the front. Written stories mostly keep the canonical
 * order, and a reader that sees the whole story learns that order as if it were meaning: a
 * rollback told first would read as the headline. Seen both ways, it has to read the sentence.
 */
export function retold(story: CorpusStory, random: () => number): CorpusStory | null {
  const runs: Array<[number, number]> = [];
  story.sentences.forEach((s, i) => {
    const last = runs.at(-1);
    if (last && story.sentences[last[1] - 1]?.layer === s.layer) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  const movable = runs.slice(1);
  if (movable.length === 0) return null;
  const [from, to] = movable[Math.floor(random() * movable.length)] ?? [0, 0];
  const moved = story.sentences.slice(from, to);
  const rest = [...story.sentences.slice(0, from), ...story.sentences.slice(to)];
  return { ...story, id: `${story.id}~retold`, sentences: [...moved, ...rest] };
}

/** A seeded generator, so a training run is the same run every time. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function flagVocabulary(stories: readonly ReaderStory[], minCount: number): string[] {
  const df = new Map<string, number>();
  for (const st of stories)
    for (const s of st.sentences) for (const f of new Set(s.flags)) df.set(f, (df.get(f) ?? 0) + 1);
  return [...df]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
}

interface Batch {
  B: number;
  S: number;
  T: number;
  /** [B·S, T, window·D]: each word's window of vectors side by side. */
  windows: Float32Array;
  mask: Float32Array;
  /** [B·S, D]: the unit sum of the sentence's word vectors. */
  meaning: Float32Array;
  inputs: Float32Array;
  labels: Int32Array;
  weights: Float32Array;
  reverse: Int32Array;
}

function batchOf(stories: readonly ReaderStory[], flags: ReadonlyMap<string, number>, window: number): Batch {
  const B = stories.length;
  const S = Math.max(...stories.map((s) => s.sentences.length));
  const T = Math.max(1, ...stories.flatMap((s) => s.sentences.map((x) => x.tokens.length)));
  const F = flags.size + 2;
  const half = Math.floor(window / 2);
  const b: Batch = {
    B,
    S,
    T,
    windows: new Float32Array(B * S * T * window * D),
    mask: new Float32Array(B * S * T),
    meaning: new Float32Array(B * S * D),
    inputs: new Float32Array(B * S * F),
    labels: new Int32Array(B * S),
    weights: new Float32Array(B * S),
    reverse: new Int32Array(B * S),
  };
  stories.forEach((st, si) => {
    const L = st.sentences.length;
    for (let s = 0; s < S; s++) b.reverse[si * S + s] = si * S + (s < L ? L - 1 - s : s);
    st.sentences.forEach((x, s) => {
      const r = si * S + s;
      const rows = x.tokens.map((token) => wordRow(SHIPPED_WORD_VECTORS, token));
      for (let t = 0; t < Math.max(1, rows.length); t++) {
        b.mask[r * T + t] = 1;
        for (let j = 0; j < window; j++) {
          const row = rows[t + j - half];
          if (!row) continue;
          const at = ((r * T + t) * window + j) * D;
          for (let k = 0; k < D; k++) b.windows[at + k] = (row[k] ?? 0) * SHIPPED_WORD_VECTORS.scale;
        }
      }
      b.meaning.set(readerMeaning(x.tokens, SHIPPED_WORD_VECTORS), r * D);
      for (const f of x.flags) {
        const j = flags.get(f);
        if (j !== undefined) b.inputs[r * F + j] = 1;
      }
      b.inputs.set(readerPlace(s, L), r * F + flags.size);
      b.labels[r] = x.label;
      b.weights[r] = st.weight;
    });
  });
  return b;
}

interface Parameters {
  convolution: tf.Variable;
  convolutionBias: tf.Variable;
  sentence: tf.Variable;
  sentenceBias: tf.Variable;
  output: tf.Variable;
  outputBias: tf.Variable;
  forward: tf.layers.Layer;
  backward: tf.layers.Layer;
}

function glorot(shape: number[], fanIn: number, fanOut: number, seed: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.variable(tf.randomUniform(shape, -limit, limit, 'float32', seed));
}

function parameters(c: ReaderConfig, seed: number, flagCount: number): Parameters {
  const input = c.channels + D + flagCount + 2;
  const joined = 2 * c.recurrent + c.hidden;
  const gru = (seed: number) =>
    tf.layers.gru({
      units: c.recurrent,
      returnSequences: true,
      recurrentActivation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      recurrentInitializer: tf.initializers.glorotUniform({ seed: seed + 100 }),
    });
  const p: Parameters = {
    convolution: glorot([c.window * D, c.channels], c.window * D, c.channels, seed),
    convolutionBias: tf.variable(tf.zeros([c.channels])),
    sentence: glorot([input, c.hidden], input, c.hidden, seed + 1),
    sentenceBias: tf.variable(tf.zeros([c.hidden])),
    output: glorot([joined, K], joined, K, seed + 2),
    outputBias: tf.variable(tf.zeros([K])),
    forward: gru(seed + 3),
    backward: gru(seed + 4),
  };
  // Build the recurrent layers' weights before training reads them.
  tf.tidy(() => {
    p.forward.apply(tf.zeros([1, 1, c.hidden]));
    p.backward.apply(tf.zeros([1, 1, c.hidden]));
  });
  return p;
}

let dropoutSeed = 0;
/** Every dropout mask of a run is new, and the run's sequence of them is the same each time. */
function nextSeed(): number {
  return ++dropoutSeed;
}

/** Logits [B·S, K] of a batch; `training` turns dropout on. */
function logits(p: Parameters, c: ReaderConfig, b: Batch, training: boolean): tf.Tensor2D {
  const N = b.B * b.S;
  const windows = tf.tensor2d(b.windows, [N * b.T, c.window * D]);
  const conv = tf.relu(tf.add(tf.matMul(windows, p.convolution), p.convolutionBias));
  const pooled = tf.max(tf.mul(tf.reshape(conv, [N, b.T, c.channels]), tf.tensor3d(b.mask, [N, b.T, 1])), 1);
  const inputs = tf.concat(
    [pooled, tf.tensor2d(b.meaning, [N, D]), tf.tensor2d(b.inputs, [N, b.inputs.length / N])],
    1,
  );
  let sentence = tf.tanh(tf.add(tf.matMul(inputs, p.sentence), p.sentenceBias));
  if (training) sentence = tf.dropout(sentence, c.dropout, undefined, nextSeed());
  const reverse = tf.oneHot(tf.tensor1d(b.reverse, 'int32'), N).toFloat();
  const forward = p.forward.apply(tf.reshape(sentence, [b.B, b.S, c.hidden])) as tf.Tensor;
  const backward = p.backward.apply(tf.reshape(tf.matMul(reverse, sentence), [b.B, b.S, c.hidden])) as tf.Tensor;
  let joined = tf.concat(
    [tf.reshape(forward, [N, c.recurrent]), tf.matMul(reverse, tf.reshape(backward, [N, c.recurrent])), sentence],
    1,
  );
  if (training) joined = tf.dropout(joined, c.dropout, undefined, nextSeed());
  return tf.add(tf.matMul(joined, p.output), p.outputBias);
}

function variablesOf(p: Parameters): tf.Variable[] {
  const layerVariables = (l: tf.layers.Layer) =>
    l.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  return [
    p.convolution,
    p.convolutionBias,
    p.sentence,
    p.sentenceBias,
    p.output,
    p.outputBias,
    ...layerVariables(p.forward),
    ...layerVariables(p.backward),
  ];
}

/** A seeded shuffle, so a training run is the same run every time. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function fitReader(
  stories: readonly ReaderStory[],
  c: ReaderConfig = READER_CONFIG,
  meta: Pick<StoryReaderFile, 'trainedAt' | 'dataHash'> = {
    trainedAt: new Date(0).toISOString(),
    dataHash: '0'.repeat(64),
  },
  log: (line: string) => void = () => undefined,
): Promise<StoryReaderFile> {
  await backend();
  const flags = flagVocabulary(stories, c.flagMinCount);
  const flagIndex = new Map(flags.map((f, i) => [f, i]));
  const members: ReaderTensors[] = [];
  for (const seed of c.seeds) members.push(await fitMember(stories, c, seed, flagIndex, log));
  const { epochs, learningRate, dropout, batch, flagMinCount, seeds, retold } = c;
  return StoryReaderSchema.parse({
    format: 'postmortem-coach/story-reader',
    version: 2,
    ...meta,
    training: {
      stories: stories.length,
      sentences: stories.reduce((n, s) => n + s.sentences.length, 0),
      options: { epochs, learningRate, dropout, batch, flagMinCount, seeds, retold },
    },
    maxTokens: c.maxTokens,
    window: c.window,
    channels: c.channels,
    hidden: c.hidden,
    recurrent: c.recurrent,
    dimensions: D,
    flags,
    weight: c.weight,
    members,
  } satisfies StoryReaderFile);
}

/** One member: the network trained from `seed` (its initial weights, dropout masks and batch order). */
async function fitMember(
  stories: readonly ReaderStory[],
  c: ReaderConfig,
  seed: number,
  flagIndex: ReadonlyMap<string, number>,
  log: (line: string) => void,
): Promise<ReaderTensors> {
  dropoutSeed = seed * 1_000_003;
  const p = parameters(c, seed, flagIndex.size);
  const variables = variablesOf(p);
  const optimizer = tf.train.adam(c.learningRate);
  const byLength = [...stories].sort((a, b) => a.sentences.length - b.sentences.length);
  const batches: ReaderStory[][] = [];
  for (let i = 0; i < byLength.length; i += c.batch) batches.push(byLength.slice(i, i + c.batch));
  // A batch's loss is its weighted sum over a fixed size, so a sentence counts the same in any batch.
  const scale = c.batch * 12;
  for (let epoch = 0; epoch < c.epochs; epoch++) {
    const started = Date.now();
    let total = 0;
    for (const stories of shuffled(batches, seed + epoch)) {
      const b = batchOf(stories, flagIndex, c.window);
      const loss = optimizer.minimize(
        () => {
          const labels = tf.oneHot(tf.tensor1d(b.labels, 'int32'), K);
          const ce = tf.losses.softmaxCrossEntropy(
            labels,
            logits(p, c, b, true),
            tf.tensor1d(b.weights),
            undefined,
            tf.Reduction.SUM,
          );
          return tf.div(ce, scale) as tf.Scalar;
        },
        true,
        variables,
      );
      total += loss?.dataSync()[0] ?? 0;
      loss?.dispose();
    }
    log(
      `reader seed ${seed} epoch ${epoch + 1}/${c.epochs}: loss ${(total / batches.length).toFixed(4)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const tensors = tensorsOf(p);
  optimizer.dispose();
  for (const v of variables) v.dispose();
  return tensors;
}

function tensorsOf(p: Parameters): ReaderTensors {
  const enc = (t: tf.Tensor | tf.LayerVariable) => encodeFloats(new Float32Array((t as tf.Tensor).dataSync()));
  const [fk, fr, fb] = p.forward.getWeights();
  const [bk, br, bb] = p.backward.getWeights();
  if (!fk || !fr || !fb || !bk || !br || !bb) throw new Error('story reader: the recurrent layers have no weights');
  return {
    convolution: enc(p.convolution),
    convolutionBias: enc(p.convolutionBias),
    sentence: enc(p.sentence),
    sentenceBias: enc(p.sentenceBias),
    forwardKernel: enc(fk),
    forwardRecurrent: enc(fr),
    forwardBias: enc(fb),
    backwardKernel: enc(bk),
    backwardRecurrent: enc(br),
    backwardBias: enc(bb),
    output: enc(p.output),
    outputBias: enc(p.outputBias),
  };
}

/** Rebuilds a reader file's parameters as TensorFlow.js tensors (to check the app's arithmetic against). */
function parametersFrom(file: StoryReaderFile, tensors: ReaderTensors): { p: Parameters; c: ReaderConfig } {
  const c: ReaderConfig = { ...READER_CONFIG, ...file, flagMinCount: 0 };
  const p = parameters(c, 0, file.flags.length);
  const t = (name: keyof ReaderTensors, shape: number[]) => tf.tensor(decodeFloats(tensors[name]), shape);
  const joined = 2 * c.recurrent + c.hidden;
  p.convolution.assign(t('convolution', [c.window * D, c.channels]));
  p.convolutionBias.assign(t('convolutionBias', [c.channels]));
  p.sentence.assign(t('sentence', [c.channels + D + file.flags.length + 2, c.hidden]));
  p.sentenceBias.assign(t('sentenceBias', [c.hidden]));
  p.output.assign(t('output', [joined, K]));
  p.outputBias.assign(t('outputBias', [K]));
  const g = 3 * c.recurrent;
  p.forward.setWeights([
    t('forwardKernel', [c.hidden, g]),
    t('forwardRecurrent', [c.recurrent, g]),
    t('forwardBias', [g]),
  ]);
  p.backward.setWeights([
    t('backwardKernel', [c.hidden, g]),
    t('backwardRecurrent', [c.recurrent, g]),
    t('backwardBias', [g]),
  ]);
  return { p, c };
}

/**
 * A reader file's log-probabilities for each sentence of a story, computed by TensorFlow.js: each
 * member's log-softmax, averaged over the members and normalised again.
 */
export async function tfReadStory(file: StoryReaderFile, story: ReaderStory): Promise<number[][]> {
  await backend();
  const flagIndex = new Map(file.flags.map((f, i) => [f, i]));
  const reads = file.members.map((tensors) => {
    const { p, c } = parametersFrom(file, tensors);
    const read = tf.tidy(() => tf.logSoftmax(logits(p, c, batchOf([story], flagIndex, c.window), false)));
    for (const v of variablesOf(p)) v.dispose();
    return read;
  });
  const out = tf.tidy(() => tf.logSoftmax(tf.div(tf.addN(reads), reads.length)).arraySync() as number[][]);
  tf.dispose(reads);
  return out;
}
