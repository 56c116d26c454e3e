/**
 * `npx tsx bench/train-layer-model.ts`: estimates the engine's learned parts from the labelled
 * stories and writes them to src/core/analysis/layer-model.generated.ts:
 *
 * - the layer sequence counts (first layer of each story, layer-to-layer moves) that the decoder
 *   blends with its hand-written preferences (decode.ts, buildSequenceModel);
 * - the weights of a multinomial logistic regression over word features (features.ts), whose
 *   scores the classifier adds to the cue scores (classify.ts, LEARNED_SCALE).
 *
 * Training data: the dev corpus (../shared/corpus/dev), the engine's own labelled stories
 * (tests/fixtures/stories) and every evaluation set that has stopped being blind because the
 * engine was tuned on its errors (TRAINING_SETS). A blind set joins only after its blind score is
 * recorded in its README; the newest blind set is never used.
 * `npx tsx bench/cv-layer-model.ts` measures what the learned parts add, story by story, with
 * leave-one-story-out cross-validation.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { normalize } from '../src/core/analysis/normalize';
import { lexicalFeatures, type LayerWeights } from '../src/core/analysis/features';
import { LAYERS, type Layer } from '../src/core/analysis/layers';
import type { SequenceCounts } from '../src/core/analysis/decode';
import { loadCorpus, type CorpusStory } from './corpus';

/** Fixture sets the engine has been tuned on (their blind scores are in their READMEs). */
export const TRAINING_SETS = ['stories', 'heldout', 'fresh', 'blind', 'blind2', 'blind3'] as const;

export function trainingStories(): CorpusStory[] {
  const sets = TRAINING_SETS.map((set) =>
    loadCorpus(fileURLToPath(new URL(`../tests/fixtures/${set}`, import.meta.url))),
  );
  return [...loadCorpus(), ...sets.flat()];
}

export function countSequences(stories: readonly CorpusStory[]): SequenceCounts {
  const zero = (): Record<Layer, number> => Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  const start = zero();
  const transitions = Object.fromEntries(LAYERS.map((l) => [l, zero()])) as Record<Layer, Record<Layer, number>>;
  for (const story of stories) {
    const seq = story.sentences.map((s) => s.layer);
    const first = seq[0];
    if (first) start[first]++;
    for (let i = 1; i < seq.length; i++) {
      const a = seq[i - 1] as Layer;
      const b = seq[i] as Layer;
      transitions[a][b]++;
    }
  }
  return { start, transitions };
}

export interface TrainOptions {
  /** L2 penalty per weight (on the mean log-loss). */
  l2: number;
  /** A feature must occur in at least this many training sentences. */
  minCount: number;
  iterations: number;
}

export const DEFAULT_TRAIN: TrainOptions = { l2: 0.01, minCount: 2, iterations: 300 };

/** Feature lists and gold layer indexes of every sentence of the stories. */
export function examples(stories: readonly CorpusStory[]): Array<{ features: string[]; label: number }> {
  return stories.flatMap((story) =>
    story.sentences.map((s, i) => ({
      features: lexicalFeatures(normalize(s.text), i, story.sentences.length),
      label: LAYERS.indexOf(s.layer),
    })),
  );
}

/**
 * Multinomial logistic regression, full-batch Adam on mean log-loss + L2. Deterministic (zero
 * initialisation), a few hundred milliseconds on the corpus.
 */
export function trainWeights(stories: readonly CorpusStory[], opts: TrainOptions = DEFAULT_TRAIN): LayerWeights {
  const data = examples(stories);
  const K = LAYERS.length;
  const df = new Map<string, number>();
  for (const ex of data) for (const f of ex.features) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()]
    .filter(([, n]) => n >= opts.minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = data.map((ex) => ({
    ids: ex.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    label: ex.label,
  }));
  const F = vocab.length;
  const W = new Float64Array(F * K);
  const b = new Float64Array(K);
  const mW = new Float64Array(F * K);
  const vW = new Float64Array(F * K);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const gW = new Float64Array(F * K);
  const gb = new Float64Array(K);
  const lr = 0.05;
  const b1 = 0.9;
  const b2 = 0.999;
  const n = rows.length;
  const z = new Float64Array(K);
  for (let it = 1; it <= opts.iterations; it++) {
    gW.fill(0);
    gb.fill(0);
    for (const r of rows) {
      for (let k = 0; k < K; k++) {
        let v = b[k] ?? 0;
        for (const id of r.ids) v += W[id * K + k] ?? 0;
        z[k] = v;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] ?? 0) - max);
        sum += z[k] ?? 0;
      }
      for (let k = 0; k < K; k++) {
        const g = ((z[k] ?? 0) / sum - (k === r.label ? 1 : 0)) / n;
        gb[k] = (gb[k] ?? 0) + g;
        for (const id of r.ids) gW[id * K + k] = (gW[id * K + k] ?? 0) + g;
      }
    }
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let i = 0; i < F * K; i++) {
      const g = (gW[i] ?? 0) + opts.l2 * (W[i] ?? 0);
      mW[i] = b1 * (mW[i] ?? 0) + (1 - b1) * g;
      vW[i] = b2 * (vW[i] ?? 0) + (1 - b2) * g * g;
      W[i] = (W[i] ?? 0) - (lr * ((mW[i] ?? 0) / c1)) / (Math.sqrt((vW[i] ?? 0) / c2) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      const g = gb[k] ?? 0;
      mb[k] = b1 * (mb[k] ?? 0) + (1 - b1) * g;
      vb[k] = b2 * (vb[k] ?? 0) + (1 - b2) * g * g;
      b[k] = (b[k] ?? 0) - (lr * ((mb[k] ?? 0) / c1)) / (Math.sqrt((vb[k] ?? 0) / c2) + 1e-8);
    }
  }
  const features: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), (x) => Math.round(x * 100) / 100);
    if (w.some((x) => Math.abs(x) >= 0.05)) features[f] = w;
  });
  return { bias: Array.from(b, (x) => Math.round(x * 100) / 100), features };
}

async function main(): Promise<void> {
  const stories = trainingStories();
  const counts = countSequences(stories);
  const weights = trainWeights(stories);
  const out = fileURLToPath(new URL('../src/core/analysis/layer-model.generated.ts', import.meta.url));
  const text = `/**
 * GENERATED by bench/train-layer-model.ts from ${stories.length} labelled stories (dev corpus and
 * the tuned-on fixture sets ${TRAINING_SETS.join(', ')}; never the newest blind set). Do not edit by hand: rerun the script.
 */
import type { SequenceCounts } from './decode';
import type { LayerWeights } from './features';

/** How labelled stories start and move from layer to layer (rows: from, columns: to). */
export const LAYER_SEQUENCE_COUNTS: SequenceCounts = ${JSON.stringify(counts, null, 2)};

/**
 * Logistic-regression weights per word feature (features.ts), one number per layer in LAYERS
 * order: ${Object.keys(weights.features).length} features, trained with L2 ${DEFAULT_TRAIN.l2}.
 */
export const LAYER_WEIGHTS: LayerWeights = ${JSON.stringify(weights)};
`;
  // Formatted like the rest of the code base, so a rerun on unchanged data is a no-op diff.
  writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }));
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
