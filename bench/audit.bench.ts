/**
 * `npm run bench:audit`: median time to read and audit a 30-page postmortem (about 15,000 words,
 * built by putting the corpus documents one after another as one Markdown file), and, as the
 * baseline measured in the same run, the time to analyse the same sentences as one typed answer.
 * Prints numbers only; never asserts on time (target: under 200 ms for 30 pages).
 */
import { performance } from 'node:perf_hooks';
import { analyzeTranscript } from '../src/core/analysis/analyze';
import { auditDocument } from '../src/core/document/audit';
import { transcriptFromText } from '../src/core/transcript/from-text';
import { readDocument } from '../src/backend/services/documents/read-document';
import { median } from './corpus';
import { documentGold, loadDocuments, toMarkdown } from './documents/corpus-documents';

const WORDS_PER_PAGE = 500;
const PAGES = 30;

const docs = loadDocuments();
const parts: string[] = [];
const sentences: string[] = [];
let words = 0;
for (let i = 0; words < PAGES * WORDS_PER_PAGE; i++) {
  const doc = docs[i % docs.length];
  if (!doc) break;
  // Later copies become sections of one long document (one title, many headings).
  parts.push(i === 0 ? toMarkdown(doc) : toMarkdown(doc).replace(/^# /, '## '));
  for (const s of documentGold(doc)) {
    sentences.push(s.text);
    words += s.text.split(/\s+/).length;
  }
}
const bytes = new TextEncoder().encode(parts.join('\n'));
const typed = transcriptFromText(sentences.join(' '));

async function time(run: () => Promise<unknown> | unknown, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const audit = await time(async () => auditDocument(await readDocument(bytes, 'thirty-pages.md')), 15);
const readOnly = await time(() => readDocument(bytes, 'thirty-pages.md'), 15);
const baseline = await time(() => analyzeTranscript(typed), 15);
console.log(
  `document: ${(bytes.length / 1024).toFixed(0)} kB of Markdown, ${words} words (${(words / WORDS_PER_PAGE).toFixed(1)} pages of ${WORDS_PER_PAGE} words), ${sentences.length} sentences`,
);
console.log(`read and audit:                  median ${audit.toFixed(1)} ms (target < 200 ms)`);
console.log(`  of which reading the Markdown: median ${readOnly.toFixed(1)} ms`);
console.log(`baseline, same text typed:       median ${baseline.toFixed(1)} ms`);
console.log(`ratio audit / baseline:          ${(audit / baseline).toFixed(2)}×`);
