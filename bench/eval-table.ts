/**
 * The one-table view of `npm run eval`: every labelled set the project has, scored the same way
 * (sentence labels by word alignment, typed and Whisper-like), with per-layer recall, layer-time
 * error, tier agreement where the set has expected tiers, and the most frequent confusions of the
 * real sets. Sets the shipped model was trained on are marked: their figures are in-sample, and
 * `npm run train` prints the cross-validated figures of the real sets.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LAYERS, type Layer } from '../src/core/analysis/layers';
import {
  SHIPPED_CALIBRATION,
  SHIPPED_CONTEXT_MODEL,
  SHIPPED_MEANING_MODEL,
  SHIPPED_MODEL,
} from '../src/core/analysis/classify';
import type { SentenceVectors } from '../src/core/analysis/sentence-vectors';
import { defaultCorpusDir, loadCorpus, type CorpusStory } from './corpus';
import { evalVectors, runStory, type Mode } from './eval-corpus';
import { loadDocuments } from './documents/corpus-documents';
import { scoreDocuments } from './documents/eval-documents';
import { FIXTURE_SETS, trainBatches } from './layer-model/data';
import { readCvReport } from './layer-model/cv-report';

interface SetScore {
  accuracy: Record<'typed' | 'whisper', number>;
  timeError: number;
  recall: Record<Layer, number>;
  tier: string;
  confusion: Map<string, number>;
  sentences: number;
}

const repo = (rel: string) => fileURLToPath(new URL(`../${rel}`, import.meta.url));

/** Every labelled set: its name and folder. */
export function allSets(): Array<{ name: string; dir: string }> {
  const fixtures = [...FIXTURE_SETS, 'blind4'];
  const batches = trainBatches();
  return [
    { name: 'dev', dir: defaultCorpusDir() },
    ...fixtures.map((f) => ({ name: f, dir: repo(`tests/fixtures/${f}`) })),
    ...batches.map((b) => ({ name: `train/${b}`, dir: repo(`corpus/train/${b}`) })),
    { name: 'real-postmortems', dir: repo('../shared/corpus/real-postmortems') },
    { name: 'real-answers', dir: repo('../shared/corpus/real-answers') },
  ].filter((s) => existsSync(s.dir));
}

function scoreSet(stories: readonly CorpusStory[], vectors: SentenceVectors): SetScore {
  const confusion = new Map<string, number>();
  const accuracy = { typed: 0, whisper: 0 };
  let timeError = 0;
  let tierOk = 0;
  let graded = 0;
  let total = 0;
  for (const mode of ['typed', 'whisper'] as const satisfies readonly Mode[]) {
    let correct = 0;
    for (const story of stories) {
      const r = runStory(story, mode, vectors);
      story.sentences.forEach((g, i) => {
        const p = r.predicted[i] ?? 'other';
        if (p === g.layer) correct++;
        if (mode === 'whisper') confusion.set(`${g.layer}>${p}`, (confusion.get(`${g.layer}>${p}`) ?? 0) + 1);
      });
      if (mode === 'whisper') {
        timeError += r.timeErrorShare;
        if (story.expected) {
          graded++;
          if (story.expected.tier === r.analysis.tier) tierOk++;
        }
      }
    }
    total = stories.reduce((n, s) => n + s.sentences.length, 0);
    accuracy[mode] = correct / total;
  }
  const recall = Object.fromEntries(
    LAYERS.map((l) => {
      const support = LAYERS.reduce((n, p) => n + (confusion.get(`${l}>${p}`) ?? 0), 0);
      return [l, support > 0 ? (confusion.get(`${l}>${l}`) ?? 0) / support : NaN];
    }),
  ) as Record<Layer, number>;
  return {
    accuracy,
    timeError: timeError / stories.length,
    recall,
    tier: graded > 0 ? `${tierOk}/${graded}` : '—',
    confusion,
    sentences: total,
  };
}

const f3 = (x: number) => (Number.isNaN(x) ? '   — ' : x.toFixed(3));

export async function printTable(): Promise<void> {
  const trained = new Set(SHIPPED_MODEL.training.sets);
  // The story reader and the models over sentence vectors learn from every batch with a blind score; the linear model from some.
  const readerOnly = new Set(trainBatches().map((b) => `train/${b}`));
  const short = LAYERS.map((l) => l.slice(0, 6).padStart(6)).join(' ');
  console.log(
    `${'set'.padEnd(18)} ${'in training'.padEnd(11)} ${'stories'.padStart(7)} ${'sent.'.padStart(6)} ${'typed'.padStart(6)} ${'whisper'.padStart(7)} ${'time err'.padStart(8)} ${'tier'.padStart(6)}   recall (Whisper-like): ${short}`,
  );
  const realConfusion = new Map<string, number>();
  for (const set of allSets()) {
    const stories = loadCorpus(set.dir);
    const s = scoreSet(stories, await evalVectors(stories, ['typed', 'whisper']));
    const rec = LAYERS.map((l) => f3(s.recall[l]).padStart(6)).join(' ');
    console.log(
      `${set.name.padEnd(18)} ${(trained.has(set.name) ? 'yes' : readerOnly.has(set.name) ? 'reader' : 'no').padEnd(11)} ${String(stories.length).padStart(7)} ${String(s.sentences).padStart(6)} ${f3(s.accuracy.typed).padStart(6)} ${f3(s.accuracy.whisper).padStart(7)} ${f3(s.timeError).padStart(8)} ${s.tier.padStart(6)}                          ${rec}`,
    );
    if (set.name.startsWith('real-'))
      for (const [k, v] of s.confusion) realConfusion.set(k, (realConfusion.get(k) ?? 0) + v);
  }
  printDocuments();
  const cv = readCvReport();
  if (cv) {
    const fresh =
      cv.dataHash === SHIPPED_MODEL.dataHash &&
      cv.meaningDataHash === SHIPPED_MEANING_MODEL.dataHash &&
      cv.contextDataHash === SHIPPED_CONTEXT_MODEL.dataHash
        ? "the shipped models' data"
        : 'an EARLIER training set (rerun npm run train)';
    const folds = cv.folds;
    const loso = folds === cv.stories;
    const split = loso ? 'leave-one-story-out' : `${folds} folds`;
    const tag = loso ? 'LOSO' : `${folds}-fold`;
    console.log(
      `\nCross-validation on the real sets (${split}, each story labelled by an engine trained without it; ${fresh}):`,
    );
    for (const [name, r] of Object.entries(cv.sets)) {
      const rec = LAYERS.map((l) => f3(r.recall[l] ?? NaN).padStart(6)).join(' ');
      console.log(
        `${`${name} (${tag})`.padEnd(30)} ${String(r.sentences).padStart(6)} ${f3(r.accuracy).padStart(6)} ${''.padStart(7)} ${f3(r.timeError).padStart(8)} ${''.padStart(6)}                          ${rec}`,
      );
    }
    printCalibration();
    // The cross-validated confusions are the honest ones: the in-sample ones are replaced.
    realConfusion.clear();
    for (const r of Object.values(cv.sets))
      for (const [k, v] of Object.entries(r.confusion)) realConfusion.set(k, v + (realConfusion.get(k) ?? 0));
  }
  const pairs = [...realConfusion.entries()]
    .filter(([k]) => k.split('>')[0] !== k.split('>')[1])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  console.log(
    `\nMost frequent confusions on the real sets (gold → predicted${cv ? ', cross-validated' : ', in-sample'}):`,
  );
  for (const [k, v] of pairs) console.log(`  ${k.replace('>', ' → ').padEnd(36)} ${v}`);
  console.log('\nSets marked "yes" are in the shipped model\'s training data: their figures are in-sample.');
}

/** The postmortem documents, read as documents, as the same text without structure, and typed. */
function printDocuments(): void {
  const docs = loadDocuments();
  const d = scoreDocuments(docs);
  const rec = LAYERS.map((l) => f3(d.recall[l][1] ? d.recall[l][0] / d.recall[l][1] : NaN).padStart(6)).join(' ');
  const line = (name: string, correct: number, recall: string) =>
    console.log(
      `${name.padEnd(18)} ${'no'.padEnd(11)} ${String(docs.length).padStart(7)} ${String(d.sentences).padStart(6)} ${f3(correct / d.sentences).padStart(6)} ${''.padStart(7)} ${''.padStart(8)} ${''.padStart(6)}                          ${recall}`,
    );
  line('documents', d.correct, rec);
  line('documents (flat)', d.flatCorrect, '');
  line('documents (typed)', d.typedCorrect, '');
}

/** How sure the labels said they were on the same folds, before and after the shipped temperature. */
function printCalibration(): void {
  const c = SHIPPED_CALIBRATION;
  const sets = Object.entries(c.sets)
    .map(
      ([name, s]) =>
        `${name} ${f3(s.before.calibrationError)} → ${f3(s.after.calibrationError)} (mean confidence ${f3(s.after.meanConfidence)}, accuracy ${f3(s.after.accuracy)})`,
    )
    .join('; ');
  console.log(`Confidence, scores divided by ${c.temperature}: calibration error ${sets}`);
}
