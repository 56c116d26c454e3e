/**
 * The header every trained data file of the engine starts with: what the file is, when it was
 * trained and the SHA-256 of what it learned from (each schema says what its hash covers).
 */
import { z } from 'zod';

export function modelFileHeader<F extends string>(format: F) {
  return {
    format: z.literal(format),
    trainedAt: z.string(),
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  };
}

/**
 * What a model over sentence vectors adds to the header: the encoder its weights were fitted to,
 * the vectors' size, and what it was trained on.
 */
export function vectorModelHeader<F extends string>(format: F) {
  return {
    ...modelFileHeader(format),
    /** Which encoder made the vectors the weights were fitted to. */
    encoder: z.literal('universal-sentence-encoder-lite'),
    dimensions: z.number().int().positive(),
    training: z.object({
      stories: z.number().int().nonnegative(),
      sentences: z.number().int().nonnegative(),
      options: z.record(z.string(), z.number()),
    }),
  };
}
