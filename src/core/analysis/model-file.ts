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
