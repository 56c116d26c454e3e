/**
 * The word vectors shipped with the app (word-vectors.json, written by `npm run train:vectors`),
 * checked against their schema once, at load. Apart from word-vectors.ts so the command that
 * writes the file does not need it to exist.
 */
import vectorData from './word-vectors.json' with { type: 'json' };
import { readWordVectors, WordVectorsSchema } from './word-vectors';

export const SHIPPED_WORD_VECTORS = readWordVectors(WordVectorsSchema.parse(vectorData));
