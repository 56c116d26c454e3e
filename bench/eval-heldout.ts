/**
 * `npm run eval:heldout`: the same evaluation as `npm run eval` (bench/eval-corpus.ts, whose
 * functions are imported so both score identically), run on the held-out stories in
 * tests/fixtures/heldout/. Those stories were written and labelled by someone other than the
 * engine's author, after the engine reached 100% on the dev corpus, to measure generalisation:
 * rambling speech, keyword traps, unusual story order and retellings of public postmortems.
 *
 *   npx tsx bench/eval-heldout.ts [--corpus DIR] [--mode typed|whisper|raw|both|all] [--verbose]
 *
 * Default: both typed and Whisper-like modes. --verbose lists every wrong sentence and every
 * rubric/constraint disagreement per story. --explain (typed mode) prints, for every story, each
 * wrong sentence with the engine's cue scores and evidence, and the engine's reason for every
 * rubric level or constraint that disagrees with the label — the material for failure analysis.
 */
import { fileURLToPath } from 'node:url';
import { analyzeTranscript } from '../src/core/analysis/analyze';
import { matchCues, normalize } from '../src/core/analysis/cues';
import type { Layer } from '../src/core/analysis/layers';
import { CONSTRAINT_KEYS, RUBRIC_DIMENSIONS, type Analysis } from '../src/core/analysis/types';
import { transcriptFromText } from '../src/core/transcript/from-text';
import type { Transcript } from '../src/core/transcript/types';
import { loadCorpus, type CorpusStory } from './corpus';
import { evaluate, evalVectors, runStory, type Mode } from './eval-corpus';
import type { SentenceVectors } from '../src/core/analysis/sentence-vectors';

const MODES: readonly Mode[] = ['typed', 'whisper', 'raw'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function heldoutDir(): string {
  return fileURLToPath(new URL('../tests/fixtures/heldout', import.meta.url));
}

function modesFrom(value: string): Mode[] {
  if (value === 'both') return ['typed', 'whisper'];
  if (value === 'all') return [...MODES];
  const mode = MODES.find((m) => m === value);
  if (!mode) throw new Error(`--mode must be one of typed, whisper, raw, both, all (got "${value}")`);
  return [mode];
}

/** Cue score per layer of one sentence, strongest first (as the classifier sums them, uncapped). */
function cueSummary(text: string): string {
  const score = new Map<string, number>();
  for (const hit of matchCues(normalize(text))) {
    score.set(hit.cue.layer, (score.get(hit.cue.layer) ?? 0) + hit.weight);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([l, w]) => `${l} ${w.toFixed(1)}`)
    .join(', ');
}

/** Prints every rubric level, constraint and tier of `analysis` that disagrees with the labels. */
function judgementDiffs(story: CorpusStory, analysis: Analysis, indent: string): void {
  const expected = story.expected;
  if (!expected) return;
  if (analysis.tier !== expected.tier) console.log(`${indent}tier: ${expected.tier}→${analysis.tier ?? 'not graded'}`);
  const rubric = analysis.rubric;
  if (!rubric) return;
  for (const d of RUBRIC_DIMENSIONS) {
    const got = rubric[d];
    if (got.level !== expected.rubric[d]) {
      console.log(`${indent}rubric ${d}: ${expected.rubric[d]}→${got.level} — ${got.reason}`);
    }
  }
  for (const c of CONSTRAINT_KEYS) {
    const got = analysis.constraints[c];
    if (got.met !== expected.constraints[c]) {
      console.log(`${indent}constraint ${c}: ${String(expected.constraints[c])}→${String(got.met)} — ${got.detail}`);
    }
  }
}

/**
 * The story-level judgements computed on the GOLD sentence labels: the typed transcript is
 * regrouped into one segment per gold sentence (segmentsAreSentences, as corrections do) and
 * every sentence's layer is forced through the engine's own layerOverrides option. What still
 * disagrees is a rubric/constraint/tier weakness, not a consequence of a mislabelled sentence.
 */
function oracleAnalysis(story: CorpusStory): Analysis {
  let offset = 0;
  const segments: Transcript['segments'] = story.sentences.map((g) => {
    const seg = transcriptFromText(g.text).segments[0];
    if (!seg) throw new Error(`${story.id}: empty gold sentence`);
    const shift = (w: { start: number; end: number }) => ({ start: w.start + offset, end: w.end + offset });
    const out = { ...seg, ...shift(seg), words: (seg.words ?? []).map((w) => ({ ...w, ...shift(w) })) };
    offset = out.end + 0.4;
    return out;
  });
  const overrides: Record<number, Layer> = {};
  story.sentences.forEach((g, i) => (overrides[i] = g.layer));
  return analyzeTranscript(
    { segments, language: 'en', timesEstimated: true },
    { segmentsAreSentences: true, layerOverrides: overrides },
  );
}

function explain(stories: CorpusStory[], vectors: SentenceVectors): void {
  console.log('\n=== Explain (typed mode): wrong sentences and disagreeing judgements ===');
  for (const story of stories) {
    const r = runStory(story, 'typed', vectors);
    console.log(`\n# ${story.id}  tier ${story.expected?.tier ?? '-'}→${r.analysis.tier}`);
    story.sentences.forEach((g, i) => {
      const got = r.predicted[i];
      if (got === g.layer) return;
      console.log(`  [${i}] gold=${g.layer} got=${String(got)}: ${g.text}`);
      console.log(`       cues: ${cueSummary(g.text) || '(none)'}`);
      const engine = r.analysis.sentences.find((s) => s.text.startsWith(g.text.split(' ').slice(0, 4).join(' ')));
      if (engine) for (const e of engine.evidence) console.log(`       - ${e.text}`);
    });
    judgementDiffs(story, r.analysis, '  ');
    console.log('  with gold sentence labels forced:');
    judgementDiffs(story, oracleAnalysis(story), '    ');
  }
}

async function main(): Promise<void> {
  const dir = arg('--corpus') ?? heldoutDir();
  const modes = modesFrom(arg('--mode') ?? 'both');
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const stories = loadCorpus(dir);
  if (stories.length === 0) throw new Error(`No held-out stories (*.json) in ${dir}`);
  console.log(
    `Held-out corpus: ${dir} (${stories.length} stories, ${stories.reduce((n, s) => n + s.sentences.length, 0)} sentences)`,
  );
  const vectors = await evalVectors(stories, [...new Set([...modes, 'typed' as const])]);
  for (const mode of modes) evaluate(stories, mode, verbose, vectors);
  if (process.argv.includes('--explain')) explain(stories, vectors);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
