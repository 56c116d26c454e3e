/**
 * The meaning model: layer scores read from sentence vectors (sentence-vectors.ts). A pretrained
 * encoder has read far more English than every story here, so its vectors carry what a sentence
 * does ("monitoring began paging", "we will add alerting", "I felt awful") even in words no
 * labelled story uses. A small network over the sentence's vector, its two neighbours' and its
 * place in the story (one layer of rectified units, or none: a multinomial regression) turns them
 * into one log-probability per layer. Its parameters are a data file (meaning-model.json) written
 * by `npm run train` (or `npm run train -- --meaning-only`); this module only applies them.
 */
import { z } from 'zod';
import { keepBounded } from './bounded-memo';
import { vectorModelHeader } from './model-file';
import { LAYERS } from './layers';
import { logSoftmax } from './log-probabilities';
import { unpackVector, type SentenceVectors } from './sentence-vectors';

const K = LAYERS.length;

/** Columns after the three vectors: relative position, its square, first sentence, last sentence. */
export const PLACE_COLUMNS = 4;

export const MeaningModelSchema = z
  .object({
    // The hash covers the training stories (ids, texts, labels) and the training options.
    ...vectorModelHeader('postmortem-coach/meaning-model'),
    version: z.number().int().positive(),
    /** How much its log-probabilities count in the emissions next to the layer model's. */
    weight: z.number().nonnegative(),
    /**
     * A hidden layer of rectified units between the columns and the layers, when there is one:
     * then `kernel` maps its units to the layers.
     */
    hidden: z
      .object({
        bias: z.array(z.number()).min(1).max(4096),
        /** Column → one weight per unit. */
        kernel: z.array(z.array(z.number())),
      })
      .optional(),
    bias: z.array(z.number()).length(K),
    /** Input → one weight per layer: the columns (the sentence's vector, the previous one's, the next one's, then its place), or the hidden units. */
    kernel: z.array(z.array(z.number()).length(K)),
  })
  .refine((m) => (m.hidden?.kernel ?? m.kernel).length === 3 * m.dimensions + PLACE_COLUMNS, {
    message: 'kernel rows must be three vectors and the place columns',
  })
  .refine(
    (m) =>
      !m.hidden ||
      (m.kernel.length === m.hidden.bias.length &&
        m.hidden.kernel.every((row) => row.length === m.hidden?.bias.length)),
    { message: 'the hidden layer’s weights do not match its units' },
  );

export type MeaningModel = z.infer<typeof MeaningModelSchema>;

/**
 * Vectors unpacked lately, by packed text: the same sentence comes back as the same array, so
 * what the model computed from it is found again (a story is scored again on every edit).
 */
const UNPACKED = new Map<string, Float32Array>();
const UNPACKED_KEPT = 4_000;

function unpackedOnce(packed: string, dimensions: number): Float32Array | null {
  const key = `${dimensions}:${packed}`;
  const known = UNPACKED.get(key);
  if (known) return known;
  const v = unpackVector(packed, dimensions);
  if (!v) return null;
  keepBounded(UNPACKED, key, v, UNPACKED_KEPT);
  return v;
}

/** The vector of each sentence, or null where it has none (or a damaged one). */
export function vectorsOf(
  texts: readonly string[],
  vectors: SentenceVectors | undefined,
  dimensions: number,
): Array<Float32Array | null> {
  return texts.map((t) => {
    // Own keys only: a sentence that reads "constructor" has no vector in an empty record.
    const packed = vectors && Object.hasOwn(vectors, t) ? vectors[t] : undefined;
    return typeof packed === 'string' ? unpackedOnce(packed, dimensions) : null;
  });
}

/**
 * Weighted log-probabilities per sentence (LAYERS order), or null for a sentence without a
 * vector. A neighbour without one counts as absent, as at the edges of a story in training.
 */
export function meaningScores(
  model: MeaningModel,
  vectors: ReadonlyArray<Float32Array | null>,
): Array<number[] | null> {
  const d = model.dimensions;
  const n = vectors.length;
  const weights = flatWeights(model);
  const { width, out } = weights;
  return vectors.map((own, i) => {
    if (!own) return null;
    const pre = Float64Array.from(model.hidden?.bias ?? model.bias);
    const addPart = (v: Float32Array | null | undefined, part: number) => {
      if (!v) return;
      const p = projected(model, weights, v);
      for (let k = 0; k < width; k++) pre[k] = (pre[k] ?? 0) + (p[part * width + k] ?? 0);
    };
    addPart(own, 0);
    addPart(vectors[i - 1], 1);
    addPart(vectors[i + 1], 2);
    placeColumns(i, n).forEach((x, c) => {
      const at = (3 * d + c) * width;
      for (let k = 0; k < width; k++) pre[k] = (pre[k] ?? 0) + x * (weights.first[at + k] ?? 0);
    });
    const logits = out ? hiddenToLayers(pre, out, model.bias) : pre;
    return logSoftmax([...logits]).map((x) => model.weight * x);
  });
}

/** What a vector adds to the first layer as a sentence's own, as its successor's previous and as its predecessor's next. */
function projected(model: MeaningModel, weights: FlatWeights, v: Float32Array): Float32Array {
  const byVector = weights.projections;
  const known = byVector.get(v);
  if (known) return known;
  const { first, width } = weights;
  const d = model.dimensions;
  const acc = new Float64Array(3 * width);
  for (let part = 0; part < 3; part++) {
    for (let c = 0; c < v.length; c++) {
      const x = v[c] ?? 0;
      if (x === 0) continue;
      const at = (part * d + c) * width;
      const base = part * width;
      for (let k = 0; k < width; k++) acc[base + k] = (acc[base + k] ?? 0) + x * (first[at + k] ?? 0);
    }
  }
  const p = Float32Array.from(acc);
  byVector.set(v, p);
  return p;
}

/** Rectified hidden units through the output weights to one logit per layer. */
function hiddenToLayers(pre: Float64Array, out: Float64Array, bias: readonly number[]): Float64Array {
  const logits = Float64Array.from(bias);
  for (let h = 0; h < pre.length; h++) {
    const a = pre[h] ?? 0;
    if (a <= 0) continue;
    for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + a * (out[h * K + k] ?? 0);
  }
  return logits;
}

interface FlatWeights {
  /** Columns → the first layer (hidden units, or the layers when there is none), row by row. */
  first: Float32Array;
  width: number;
  /** Hidden units → layers, or null without a hidden layer. */
  out: Float64Array | null;
  /** What each vector adds to the first layer (projected), remembered while the vector lives. */
  projections: WeakMap<Float32Array, Float32Array>;
}

/** The weights as flat arrays, made once per model (a story is scored again on every edit). */
const FLAT = new WeakMap<MeaningModel, FlatWeights>();

function flatWeights(model: MeaningModel): FlatWeights {
  let flat = FLAT.get(model);
  if (!flat) {
    const hidden = model.hidden;
    flat = hidden
      ? {
          first: Float32Array.from(hidden.kernel.flat()),
          width: hidden.bias.length,
          out: Float64Array.from(model.kernel.flat()),
          projections: new WeakMap(),
        }
      : { first: Float32Array.from(model.kernel.flat()), width: K, out: null, projections: new WeakMap() };
    FLAT.set(model, flat);
  }
  return flat;
}

/** Where sentence `i` of `n` sits, as the model's place columns read it. */
export function placeColumns(i: number, n: number): number[] {
  const r = n > 1 ? i / (n - 1) : 0;
  return [r, r * r, i === 0 ? 1 : 0, i === n - 1 ? 1 : 0];
}
