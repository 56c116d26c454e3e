/**
 * `npm run eval`: one table of every labelled set (eval-table.ts). With `--corpus DIR` (or `--dev`
 * for the dev corpus) it runs the coaching engine on one set twice — as typed text and as a
 * Whisper-like transcript (segments cutting across sentences, word times, pauses) — and prints
 * sentence accuracy, per-layer recall/precision, the confusion matrix, per-story layer-time
 * error, tier agreement, rubric agreement and constraint agreement.
 *
 *   npx tsx bench/eval-corpus.ts [--corpus DIR | --dev] [--mode typed|whisper|raw|both|all] [--verbose]
 *
 * Sentences are scored by word alignment: every gold sentence takes the majority label of its
 * words in the engine's output, so re-segmentation differences do not hide or invent errors.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeTranscript, sentenceTexts } from '../src/core/analysis/analyze';
import type { SentenceVectors } from '../src/core/analysis/sentence-vectors';
import { cachedVectors } from './layer-model/corpus-vectors';
import { LAYERS, type Layer } from '../src/core/analysis/layers';
import { CONSTRAINT_KEYS, RUBRIC_DIMENSIONS, RUBRIC_LEVELS, type Analysis } from '../src/core/analysis/types';
import { transcriptFromText } from '../src/core/transcript/from-text';
import { printTable } from './eval-table';
import {
  defaultCorpusDir,
  goldWordSentences,
  loadCorpus,
  storyText,
  whisperLike,
  type CorpusStory,
  type LabelledTranscript,
} from './corpus';

export type Mode = 'typed' | 'whisper' | 'raw';

export interface StoryResult {
  story: CorpusStory;
  analysis: Analysis;
  predicted: Layer[];
  timeErrorShare: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function labelled(story: CorpusStory, mode: Mode): LabelledTranscript {
  if (mode === 'whisper') return whisperLike(story);
  if (mode === 'raw') return whisperLike(story, 0, { raw: true });
  return { transcript: transcriptFromText(storyText(story)), wordSentence: goldWordSentences(story) };
}

export function runStory(story: CorpusStory, mode: Mode, vectors?: SentenceVectors): StoryResult {
  const lt = labelled(story, mode);
  const analysis = analyzeTranscript(lt.transcript, vectors ? { sentenceVectors: vectors } : {});
  const wordLayer: Layer[] = [];
  const wordTime: number[] = [];
  for (const s of analysis.sentences) {
    for (let w = s.wordStart; w < s.wordEnd; w++) wordLayer[w] = s.layer;
  }
  if (wordLayer.length !== lt.wordSentence.length) {
    throw new Error(`${story.id}: engine saw ${wordLayer.length} words, corpus has ${lt.wordSentence.length}`);
  }
  // Word durations (for time error): from the transcript's own words.
  const flat = lt.transcript.segments.flatMap((seg) => seg.words ?? []);
  flat.forEach((w, i) => (wordTime[i] = Math.max(0, w.end - w.start)));
  const predicted = story.sentences.map((_, gi) => {
    const counts = new Map<Layer, number>();
    lt.wordSentence.forEach((s, w) => {
      if (s === gi) counts.set(wordLayer[w] as Layer, (counts.get(wordLayer[w] as Layer) ?? 0) + 1);
    });
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
  });
  // Share of speaking time attributed to the wrong layer.
  let wrong = 0;
  let total = 0;
  lt.wordSentence.forEach((gi, w) => {
    const t = wordTime[w] ?? 0;
    total += t;
    if (story.sentences[gi]?.layer !== wordLayer[w]) wrong += t;
  });
  return { story, analysis, predicted, timeErrorShare: total > 0 ? wrong / total : 0 };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * The sentence encoder's vectors of every sentence the engine will cut from these stories in
 * these modes, as the app would have them (kept in bench/.cache between runs).
 */
export function evalVectors(stories: readonly CorpusStory[], modes: readonly Mode[]): Promise<SentenceVectors> {
  return cachedVectors(
    stories.flatMap((s) => modes.flatMap((m) => sentenceTexts(labelled(s, m).transcript))),
    (line) => console.error(line),
  );
}

export function evaluate(
  stories: CorpusStory[],
  mode: Mode,
  verbose: boolean,
  vectors?: SentenceVectors,
): Record<string, number> {
  const results = stories.map((s) => runStory(s, mode, vectors));
  const confusion = new Map<string, number>();
  let correct = 0;
  let total = 0;
  for (const r of results) {
    r.story.sentences.forEach((g, i) => {
      const p = r.predicted[i] ?? 'other';
      confusion.set(`${g.layer}>${p}`, (confusion.get(`${g.layer}>${p}`) ?? 0) + 1);
      total++;
      if (p === g.layer) correct++;
      else if (verbose) console.log(`  ✗ ${r.story.id.slice(0, 6)} gold=${g.layer} got=${p}: ${g.text.slice(0, 100)}`);
    });
  }
  const count = (g: Layer, p: Layer) => confusion.get(`${g}>${p}`) ?? 0;
  const titles: Record<Mode, string> = {
    typed: 'Typed text (estimated times)',
    whisper: 'Whisper-like transcript (segments cut across sentences, word times)',
    raw: 'Whisper-like transcript without punctuation or capitals (extra robustness check)',
  };
  console.log(`\n=== ${titles[mode]} ===`);
  console.log(`Sentence accuracy: ${(correct / total).toFixed(3)} (${correct}/${total})`);
  console.log('\nPer layer          recall   precision  support');
  let minRecall = 1;
  for (const l of LAYERS) {
    const support = LAYERS.reduce((n, p) => n + count(l, p), 0);
    const predictedN = LAYERS.reduce((n, g) => n + count(g, l), 0);
    const recall = support > 0 ? count(l, l) / support : NaN;
    const precision = predictedN > 0 ? count(l, l) / predictedN : NaN;
    if (support > 0) minRecall = Math.min(minRecall, recall);
    console.log(
      `  ${l.padEnd(16)} ${recall.toFixed(3).padStart(6)}   ${precision.toFixed(3).padStart(8)}   ${String(support).padStart(6)}`,
    );
  }
  const short = (l: string) => l.slice(0, 5);
  console.log('\nConfusion (rows gold, columns predicted)');
  console.log(`  ${''.padEnd(16)}${LAYERS.map((l) => short(l).padStart(7)).join('')}`);
  for (const g of LAYERS)
    console.log(`  ${g.padEnd(16)}${LAYERS.map((p) => String(count(g, p)).padStart(7)).join('')}`);

  console.log('\nPer story: sentences, time on wrong layer, tier (expected→got), rubric exact');
  let tierExact = 0;
  let rubricExact = 0;
  let rubricWithin = 0;
  let rubricN = 0;
  let constraintOk = 0;
  let constraintN = 0;
  let timeErr = 0;
  let graded = 0;
  const dimExact = new Map<string, number>();
  const consOk = new Map<string, number>();
  for (const r of results) {
    const ok = r.story.sentences.filter((g, i) => r.predicted[i] === g.layer).length;
    const e = r.story.expected;
    timeErr += r.timeErrorShare;
    if (!e) {
      console.log(
        `  ${r.story.id.padEnd(38)} ${String(ok).padStart(2)}/${String(r.story.sentences.length).padEnd(2)}  time err ${pct(r.timeErrorShare).padStart(6)}`,
      );
      continue;
    }
    graded++;
    if (e.tier === r.analysis.tier) tierExact++;
    let rx = 0;
    const diffs: string[] = [];
    for (const d of RUBRIC_DIMENSIONS) {
      const want = RUBRIC_LEVELS.indexOf(e.rubric[d]);
      const got = r.analysis.rubric ? RUBRIC_LEVELS.indexOf(r.analysis.rubric[d].level) : -9;
      rubricN++;
      if (want === got) {
        rubricExact++;
        rx++;
        dimExact.set(d, (dimExact.get(d) ?? 0) + 1);
      } else diffs.push(`${d}:${e.rubric[d]}→${r.analysis.rubric?.[d].level ?? 'not graded'}`);
      if (Math.abs(want - got) <= 1) rubricWithin++;
    }
    for (const c of CONSTRAINT_KEYS) {
      constraintN++;
      if (e.constraints[c] === r.analysis.constraints[c].met) {
        constraintOk++;
        consOk.set(c, (consOk.get(c) ?? 0) + 1);
      } else diffs.push(`${c}:${String(e.constraints[c])}→${String(r.analysis.constraints[c].met)}`);
    }
    console.log(
      `  ${r.story.id.padEnd(38)} ${String(ok).padStart(2)}/${String(r.story.sentences.length).padEnd(2)}  time err ${pct(r.timeErrorShare).padStart(6)}  ${e.tier.padEnd(6)}→${(r.analysis.tier ?? 'none').padEnd(6)} rubric ${rx}/4${diffs.length > 0 && verbose ? `  [${diffs.join(', ')}]` : ''}`,
    );
  }
  // Tier, rubric and constraint figures count only the stories that carry expected values.
  const n = graded;
  console.log('\nSummary');
  console.log(`  sentence accuracy        ${(correct / total).toFixed(3)}   (target ≥ 0.92)`);
  console.log(`  lowest layer recall      ${minRecall.toFixed(3)}   (target ≥ 0.85)`);
  console.log(`  mean time on wrong layer ${pct(timeErr / results.length)}`);
  console.log(`  tier exact               ${tierExact}/${n}   (target ≥ ${Math.ceil((14 / 16) * n)}/${n})`);
  console.log(
    `  rubric exact             ${(rubricExact / rubricN).toFixed(3)} (${rubricExact}/${rubricN})   (target ≥ 0.75)`,
  );
  console.log(`  rubric within one level  ${rubricWithin}/${rubricN}   (target: all)`);
  console.log(
    `    per dimension exact    ${RUBRIC_DIMENSIONS.map((d) => `${d} ${dimExact.get(d) ?? 0}/${n}`).join(', ')}`,
  );
  console.log(`  constraint agreement     ${(constraintOk / constraintN).toFixed(3)} (${constraintOk}/${constraintN})`);
  console.log(`    per constraint         ${CONSTRAINT_KEYS.map((c) => `${c} ${consOk.get(c) ?? 0}/${n}`).join(', ')}`);
  return {
    accuracy: correct / total,
    minRecall,
    tierExact,
    rubricExact: rubricExact / rubricN,
    rubricWithin: rubricWithin / rubricN,
    constraints: constraintOk / constraintN,
  };
}

async function main(): Promise<void> {
  if (arg('--corpus') === undefined && !process.argv.includes('--dev')) {
    await printTable();
    return;
  }
  const dir = arg('--corpus') ?? defaultCorpusDir();
  const modeArg = arg('--mode') ?? 'both';
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const stories = loadCorpus(dir);
  console.log(
    `Corpus: ${dir} (${stories.length} stories, ${stories.reduce((n, s) => n + s.sentences.length, 0)} sentences)`,
  );
  const modes: Mode[] =
    modeArg === 'both' ? ['typed', 'whisper'] : modeArg === 'all' ? ['typed', 'whisper', 'raw'] : [modeArg as Mode];
  const vectors = await evalVectors(stories, modes);
  for (const mode of modes) evaluate(stories, mode, verbose, vectors);
}

// Run only when executed directly: bench/eval-heldout.ts imports evaluate() from this file.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
