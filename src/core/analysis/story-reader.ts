/**
 * The story reader: a small neural model that reads a whole story at once, next to the linear
 * layer model (learned-model.ts). Each sentence is read word by word (a convolution over its
 * words' vectors, three words at a time, pooled to its strongest signals, with its own
 * discourse flags and its place in the story); then a recurrent layer runs over the sentences
 * in both directions, so a sentence's label can depend on everything told before and after it.
 * The linear model sees one neighbour on each side; the reader sees the story. The file holds
 * the network trained from several seeds (its members), and the reader is their average.
 *
 * Its parameters are a data file (story-reader.json) trained with TensorFlow.js by
 * `npm run train` (bench/layer-model/reader-fit.ts); this module only applies them, in plain
 * arithmetic, so the app needs no ML runtime. The file is checked against its schema at load.
 */
import { z } from 'zod';
import { keepBounded } from './bounded-memo';
import { modelFileHeader } from './model-file';
import type { Feature } from './layer-features';
import { LAYERS } from './layers';
import { logSoftmax } from './log-probabilities';
import { vectorTokens, wordRow, type WordVectors } from './word-vectors';

const K = LAYERS.length;

/** Float32 values stored as base64 of their little-endian bytes: exact, and a third the size of JSON numbers. */
const Floats = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const ReaderTensorsSchema = z.object({
  convolution: Floats,
  convolutionBias: Floats,
  sentence: Floats,
  sentenceBias: Floats,
  forwardKernel: Floats,
  forwardRecurrent: Floats,
  forwardBias: Floats,
  backwardKernel: Floats,
  backwardRecurrent: Floats,
  backwardBias: Floats,
  output: Floats,
  outputBias: Floats,
});

export const StoryReaderSchema = z.object({
  // The hash covers the training stories and options (the layer model's hash of the same data).
  ...modelFileHeader('postmortem-coach/story-reader'),
  version: z.literal(2),
  training: z.object({
    stories: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    options: z.record(z.string(), z.union([z.number(), z.array(z.number())])),
  }),
  /** Words read per sentence; the rest of a very long sentence is not read. */
  maxTokens: z.number().int().positive().max(200),
  /** Words the convolution reads at once (odd, centred on the word). */
  window: z.number().int().positive().max(9),
  channels: z.number().int().positive().max(512),
  hidden: z.number().int().positive().max(512),
  recurrent: z.number().int().positive().max(512),
  dimensions: z.number().int().positive().max(1000),
  /** The sentence's own discourse features the reader takes as inputs, in input order. */
  flags: z.array(z.string()).max(5000),
  /** How much the reader's log-probabilities count next to the linear model's in the decoder. */
  weight: z.number().nonnegative(),
  /**
   * The same network trained from different seeds: the reader is their average. One seed's
   * labels differ from another's on a few sentences in a hundred; the average depends less on
   * the draw.
   */
  members: z.array(ReaderTensorsSchema).min(1).max(8),
});

export type StoryReaderFile = z.infer<typeof StoryReaderSchema>;
export type ReaderTensors = z.infer<typeof ReaderTensorsSchema>;
type TensorName = keyof ReaderTensors;
type Tensors = Readonly<Record<TensorName, Float32Array>>;

/** A reader ready to apply: the file's shapes and its tensors decoded once. */
export interface StoryReader {
  file: StoryReaderFile;
  flagIndex: ReadonlyMap<string, number>;
  members: readonly Tensors[];
}

/** Tensor sizes the file's shapes imply; a file whose data does not match them is refused. */
function expectedSizes(f: StoryReaderFile): Record<TensorName, number> {
  const { window: w, dimensions: d, channels: c, hidden: h, recurrent: g } = f;
  const input = c + d + f.flags.length + 2;
  return {
    convolution: w * d * c,
    convolutionBias: c,
    sentence: input * h,
    sentenceBias: h,
    forwardKernel: h * 3 * g,
    forwardRecurrent: g * 3 * g,
    forwardBias: 3 * g,
    backwardKernel: h * 3 * g,
    backwardRecurrent: g * 3 * g,
    backwardBias: 3 * g,
    output: (2 * g + h) * K,
    outputBias: K,
  };
}

export function decodeFloats(b64: string): Float32Array {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer, 0, bytes.length >> 2);
}

export function encodeFloats(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function loadStoryReader(file: StoryReaderFile): StoryReader {
  const sizes = expectedSizes(file);
  const members = file.members.map((tensors, m) => {
    const t = {} as Record<TensorName, Float32Array>;
    for (const name of Object.keys(sizes) as TensorName[]) {
      const values = decodeFloats(tensors[name]);
      if (values.length !== sizes[name])
        throw new Error(
          `story reader: member ${m + 1}'s ${name} holds ${values.length} values, its shape needs ${sizes[name]}`,
        );
      t[name] = values;
    }
    return t;
  });
  return { file, flagIndex: new Map(file.flags.map((f, i) => [f, i])), members };
}

/** Features that describe a sentence's neighbours or its words one by one: the reader reads those itself. */
const NOT_A_FLAG = /^(?:prev:|next:|u:|b:|vec:|max:)/;

/** The discourse flags of one sentence the reader takes as inputs (its own, not its neighbours'). */
export function readerFlags(features: readonly Feature[]): string[] {
  return features.filter(([name]) => !NOT_A_FLAG.test(name)).map(([name]) => name);
}

/** What the reader reads of one sentence. */
export interface ReaderSentence {
  /** Its words (normalised), in order. */
  normalized: string;
  flags: readonly string[];
}

/** The words of a sentence the reader looks up, at most `max` (a word's vector, or none). */
export function readerTokens(normalized: string, max: number): string[] {
  return vectorTokens(normalized).slice(0, max);
}

/**
 * The sum of a sentence's word vectors scaled to unit length (the norm plus a hair, so a sentence
 * with no known word stays all zeros): what it is about, whatever its length.
 */
export function readerMeaning(tokens: readonly string[], vectors: WordVectors): Float32Array {
  const sum = new Float32Array(vectors.dimensions);
  for (const token of tokens) {
    const row = wordRow(vectors, token);
    if (row) for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] ?? 0) + (row[k] ?? 0) * vectors.scale;
  }
  const norm = Math.sqrt(sum.reduce((a, x) => a + x * x, 0)) + 1e-6;
  return sum.map((x) => x / norm);
}

/** Where a sentence sits: its relative place in the story, and the story's length (capped at 40). */
export function readerPlace(index: number, count: number): [number, number] {
  return [count > 1 ? index / (count - 1) : 0, Math.min(1, count / 40)];
}

/**
 * The convolution's kernel laid out word dimension first ([k][window offset][channel] instead of
 * [window offset][k][channel]), so one word's share of every window offset is one pass of long
 * contiguous rows. Derived once per member.
 */
const byDimension = new WeakMap<Tensors, Float32Array>();
function kernelByDimension(r: StoryReader, t: Tensors): Float32Array {
  const { window: w, dimensions: d, channels: c } = r.file;
  let m = byDimension.get(t);
  if (!m) {
    m = new Float32Array(w * d * c);
    for (let j = 0; j < w; j++)
      for (let k = 0; k < d; k++) m.set(t.convolution.subarray((j * d + k) * c, (j * d + k + 1) * c), (k * w + j) * c);
    byDimension.set(t, m);
  }
  return m;
}

/** Words whose projections a member keeps (768 bytes each): the vocabulary of a few long takes. */
const PROJECTIONS_KEPT = 4_000;
const PROJECTIONS = new WeakMap<WordVectors, WeakMap<Tensors, Map<string, Float32Array | null>>>();

function projectionsOf(t: Tensors, vectors: WordVectors): Map<string, Float32Array | null> {
  let byMember = PROJECTIONS.get(vectors);
  if (!byMember) PROJECTIONS.set(vectors, (byMember = new WeakMap()));
  let kept = byMember.get(t);
  if (!kept) byMember.set(t, (kept = new Map()));
  return kept;
}

/**
 * Each word's share of the convolution, per window offset, computed once per distinct word and
 * kept across stories: a long transcript repeats most of its words, and it is read again on every
 * edit and every live update while it is recorded, so this is most of the saving. It is the
 * reader's hot loop: four word dimensions are added per pass over the output row, which takes a
 * quarter of the loads and stores of one at a time (measured 2.3 times faster in V8).
 */
function projector(r: StoryReader, t: Tensors, vectors: WordVectors): (word: string) => Float32Array | null {
  const { window: w, dimensions: d, channels: c } = r.file;
  const kernel = kernelByDimension(r, t);
  const n = w * c;
  const cache = projectionsOf(t, vectors);
  return (word) => {
    let p = cache.get(word);
    if (p !== undefined) return p;
    const row = wordRow(vectors, word);
    p = null;
    if (row) {
      const out = new Float32Array(n);
      let k = 0;
      for (; k + 4 <= d; k += 4) {
        const a = row[k]!,
          b = row[k + 1]!,
          e = row[k + 2]!,
          f = row[k + 3]!;
        const base = k * n;
        for (let o = 0; o < n; o++)
          out[o]! +=
            a * kernel[base + o]! +
            b * kernel[base + n + o]! +
            e * kernel[base + 2 * n + o]! +
            f * kernel[base + 3 * n + o]!;
      }
      for (; k < d; k++) {
        const a = row[k]!;
        for (let o = 0; o < n; o++) out[o]! += a * kernel[k * n + o]!;
      }
      for (let o = 0; o < n; o++) out[o]! *= vectors.scale;
      p = out;
    }
    keepBounded(cache, word, p, PROJECTIONS_KEPT);
    return p;
  };
}

/** What every member reads of one sentence: its words, their meaning, its flags and its place. */
interface SentenceInput {
  tokens: string[];
  meaning: Float32Array;
  flags: readonly string[];
  place: [number, number];
}

/** One sentence's encoding (tanh of the sentence layer), as in training. */
function encodeSentence(
  r: StoryReader,
  t: Tensors,
  s: SentenceInput,
  project: (word: string) => Float32Array | null,
): Float32Array {
  const { window: w, dimensions: d, channels: c, hidden: h } = r.file;
  const { tokens } = s;
  const n = Math.max(1, tokens.length);
  const half = Math.floor(w / 2);
  const projections = tokens.map(project);
  const pooled = new Float32Array(c); // ReLU outputs are ≥ 0, so 0 is the empty maximum
  for (let at = 0; at < n; at++) {
    for (let o = 0; o < c; o++) {
      let v = t.convolutionBias[o] ?? 0;
      for (let j = 0; j < w; j++) {
        const p = projections[at + j - half];
        if (p) v += p[j * c + o] ?? 0;
      }
      if (v > (pooled[o] ?? 0)) pooled[o] = v;
    }
  }
  const input: Array<[number, number]> = [];
  pooled.forEach((x, i) => x !== 0 && input.push([i, x]));
  s.meaning.forEach((x, k) => x !== 0 && input.push([c + k, x]));
  for (const flag of s.flags) {
    const j = r.flagIndex.get(flag);
    if (j !== undefined) input.push([c + d + j, 1]);
  }
  const base = c + d + r.flagIndex.size;
  s.place.forEach((x, j) => input.push([base + j, x]));
  const out = Float32Array.from(t.sentenceBias);
  const W = t.sentence;
  for (const [i, x] of input) for (let o = 0; o < h; o++) out[o] = (out[o] ?? 0) + x * (W[i * h + o] ?? 0);
  return out.map(Math.tanh);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A gated recurrent unit over `inputs` in order (the equations of TensorFlow.js's GRU, reset before the product). */
function gru(
  inputs: readonly Float32Array[],
  kernel: Float32Array,
  recurrent: Float32Array,
  bias: Float32Array,
): Float32Array[] {
  const g = bias.length / 3;
  let h = new Float32Array(g);
  return inputs.map((x) => {
    const m = Float32Array.from(bias);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] ?? 0;
      for (let o = 0; o < 3 * g; o++) m[o] = (m[o] ?? 0) + xi * (kernel[i * 3 * g + o] ?? 0);
    }
    const inner = new Float32Array(2 * g);
    for (let i = 0; i < g; i++) {
      const hi = h[i] ?? 0;
      for (let o = 0; o < 2 * g; o++) inner[o] = (inner[o] ?? 0) + hi * (recurrent[i * 3 * g + o] ?? 0);
    }
    const z = new Float32Array(g);
    const rh = new Float32Array(g);
    for (let o = 0; o < g; o++) {
      z[o] = sigmoid((m[o] ?? 0) + (inner[o] ?? 0));
      rh[o] = sigmoid((m[g + o] ?? 0) + (inner[g + o] ?? 0)) * (h[o] ?? 0);
    }
    const next = new Float32Array(g);
    for (let o = 0; o < g; o++) {
      let v = m[2 * g + o] ?? 0;
      for (let i = 0; i < g; i++) v += (rh[i] ?? 0) * (recurrent[i * 3 * g + 2 * g + o] ?? 0);
      next[o] = (z[o] ?? 0) * (h[o] ?? 0) + (1 - (z[o] ?? 0)) * Math.tanh(v);
    }
    h = next;
    return next;
  });
}

/**
 * Log-probabilities of every layer (LAYERS order) for each sentence of a story: the members'
 * log-probabilities averaged (their geometric mean), normalised again.
 */
export function readStory(r: StoryReader, sentences: readonly ReaderSentence[], vectors: WordVectors): number[][] {
  const inputs = sentences.map((s, i): SentenceInput => {
    const tokens = readerTokens(s.normalized, r.file.maxTokens);
    return { tokens, meaning: readerMeaning(tokens, vectors), flags: s.flags, place: readerPlace(i, sentences.length) };
  });
  const reads = r.members.map((t) => readWith(r, t, inputs, vectors));
  return inputs.map((_, i) =>
    logSoftmax(LAYERS.map((_, k) => reads.reduce((a, read) => a + (read[i]?.[k] ?? 0), 0) / reads.length)),
  );
}

/** One member's log-probabilities for each sentence. */
function readWith(r: StoryReader, t: Tensors, inputs: readonly SentenceInput[], vectors: WordVectors): number[][] {
  const project = projector(r, t, vectors);
  const encoded = inputs.map((s) => encodeSentence(r, t, s, project));
  const forward = gru(encoded, t.forwardKernel, t.forwardRecurrent, t.forwardBias);
  const backward = gru([...encoded].reverse(), t.backwardKernel, t.backwardRecurrent, t.backwardBias).reverse();
  return encoded.map((e, i) => {
    const joined = [...(forward[i] ?? []), ...(backward[i] ?? []), ...e];
    const logits = Array.from(t.outputBias);
    joined.forEach((x, j) => {
      for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + x * (t.output[j * K + k] ?? 0);
    });
    return logSoftmax(logits);
  });
}
