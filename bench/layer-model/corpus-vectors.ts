/**
 * The sentence encoder's vectors of every labelled sentence the trainers read, packed as the app
 * packs them (so the meaning model is fitted to what it will see). Encoding the whole corpus takes
 * several minutes on two cores, so the vectors are kept in bench/.cache (not in git) by text and
 * only new sentences are encoded on the next run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentenceVectors } from '../../src/core/analysis/sentence-vectors';
import { createSentenceEncoder } from '../../src/backend/services/analysis/sentence-encoder';
import type { StorySet } from './data';

const CACHE = fileURLToPath(new URL('../.cache/sentence-vectors.json', import.meta.url));

/** The cache file, parsed once a process (it is tens of megabytes; `npm run eval` asks per set). */
let loaded: Record<string, string> | null = null;

function readCache(): Record<string, string> {
  if (loaded) return loaded;
  loaded = {};
  if (existsSync(CACHE)) {
    try {
      loaded = JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, string>;
    } catch {
      // A damaged cache is rebuilt from the encoder.
    }
  }
  return loaded;
}

/** Packed vectors of every sentence of `sets`, by text. */
export function corpusVectors(sets: readonly StorySet[], log?: (line: string) => void): Promise<SentenceVectors> {
  return cachedVectors(
    sets.flatMap((s) => s.stories.flatMap((st) => st.sentences.map((x) => x.text))),
    log,
  );
}

/** Packed vectors of `texts` (and of every text encoded before), by text. */
export async function cachedVectors(
  all: readonly string[],
  log: (line: string) => void = () => {},
): Promise<SentenceVectors> {
  const cache = readCache();
  const texts = [...new Set(all)];
  const missing = texts.filter((t) => cache[t] === undefined);
  if (missing.length > 0) {
    const started = Date.now();
    log(`Encoding ${missing.length} sentences (${texts.length - missing.length} already in ${CACHE})…`);
    Object.assign(cache, await createSentenceEncoder().encode(missing));
    mkdirSync(dirname(CACHE), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(cache));
    log(`Encoded them in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return cache;
}
