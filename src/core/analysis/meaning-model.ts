/**
 * The meaning model: layer scores read from sentence vectors (sentence-vectors.ts). A pretrained
 * encoder has read far more English than every story here, so its vectors carry what a sentence
 * does ("monitoring began paging", "we will add alerting", "I felt awful") even in words no
 * labelled story uses; a multinomial regression over the sentence's vector, its two neighbours'
 * and its place in the story turns them into one log-probability per layer. Its parameters are a
 * data file (meaning-model.json) written by `npm run train:meaning`; this module only applies them.
 */
import { z } from 'zod';
import { modelFileHeader } from './model-file';
import { LAYERS } from './layers';
import { logSoftmax } from './log-probabilities';
import { unpackVector, type SentenceVectors } from './sentence-vectors';

const K = LAYERS.length;

/** Columns after the three vectors: relative position, its square, first sentence, last sentence. */
const PLACE_COLUMNS = 4;

export const MeaningModelSchema = z
  .object({
    // The hash covers the training stories (ids, texts, labels) and the training options.
    ...modelFileHeader('postmortem-coach/meaning-model'),
    version: z.number().int().positive(),
    /** Which encoder made the vectors the weights were fitted to. */
    encoder: z.literal('universal-sentence-encoder-lite'),
    dimensions: z.number().int().positive(),
    training: z.object({
      stories: z.number().int().nonnegative(),
      sentences: z.number().int().nonnegative(),
      options: z.record(z.string(), z.number()),
    }),
    /** How much its log-probabilities count in the emissions next to the layer model's. */
    weight: z.number().nonnegative(),
    bias: z.array(z.number()).length(K),
    /** Column → one weight per layer: the sentence's vector, the previous one's, the next one's, then its place. */
    kernel: z.array(z.array(z.number()).length(K)),
  })
  .refine((m) => m.kernel.length === 3 * m.dimensions + PLACE_COLUMNS, {
    message: 'kernel rows must be three vectors and the place columns',
  });

export type MeaningModel = z.infer<typeof MeaningModelSchema>;

/** The vector of each sentence, or null where it has none (or a damaged one). */
export function vectorsOf(
  texts: readonly string[],
  vectors: SentenceVectors | undefined,
  dimensions: number,
): Array<Float32Array | null> {
  return texts.map((t) => {
    // Own keys only: a sentence that reads "constructor" has no vector in an empty record.
    const packed = vectors && Object.hasOwn(vectors, t) ? vectors[t] : undefined;
    return typeof packed === 'string' ? unpackVector(packed, dimensions) : null;
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
  const kernel = flatKernel(model);
  return vectors.map((own, i) => {
    if (!own) return null;
    const logits = Float64Array.from(model.bias);
    const add = (v: ArrayLike<number> | null | undefined, offset: number) => {
      if (!v) return;
      for (let c = 0; c < v.length; c++) {
        const x = v[c] ?? 0;
        const at = (offset + c) * K;
        for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + x * (kernel[at + k] ?? 0);
      }
    };
    add(own, 0);
    add(vectors[i - 1], d);
    add(vectors[i + 1], 2 * d);
    add(placeColumns(i, n), 3 * d);
    return logSoftmax([...logits]).map((x) => model.weight * x);
  });
}

/** The kernel as one flat array, row by row (a story is scored again on every edit). */
const FLAT = new WeakMap<MeaningModel, Float64Array>();

function flatKernel(model: MeaningModel): Float64Array {
  let flat = FLAT.get(model);
  if (!flat) {
    flat = Float64Array.from(model.kernel.flat());
    FLAT.set(model, flat);
  }
  return flat;
}

/** Where sentence `i` of `n` sits, as the model's place columns read it. */
export function placeColumns(i: number, n: number): number[] {
  const r = n > 1 ? i / (n - 1) : 0;
  return [r, r * r, i === 0 ? 1 : 0, i === n - 1 ? 1 : 0];
}
