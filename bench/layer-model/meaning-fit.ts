/**
 * Fits the meaning model (src/core/analysis/meaning-model.ts): a multinomial logistic regression
 * from a sentence's encoder vector, its neighbours' and its place in the story to its layer,
 * by the shared linear fit (TensorFlow.js, weighted, L2, Adam on the full batch from zero); or,
 * with `hidden` units, a network of one rectified layer (mlp-fit.ts), measured and not shipped
 * (EXPERIMENTS.md). Real sentences weigh like the layer model's (TrainConfig.realWeight).
 */
import { LAYERS } from '../../src/core/analysis/layers';
import { placeColumns, vectorsOf, type MeaningModel } from '../../src/core/analysis/meaning-model';
import type { SentenceVectors } from '../../src/core/analysis/sentence-vectors';
import type { StorySet } from './data';
import { fitLinear } from './linear-fit';
import { fitMlp } from './mlp-fit';

/**
 * The fit's options. Those of a hidden layer are absent from the shipped config (a regression):
 * the data hash covers the config, so a file and its cross-validation report keep matching.
 */
export interface MeaningConfig {
  dimensions: number;
  l2: number;
  learningRate: number;
  /** Full-batch steps of the regression. */
  iterations: number;
  realWeight: number;
  /** Its log-probabilities' weight in the emissions, chosen by cross-validation on the real sets. */
  weight: number;
  /** Rectified units between the columns and the layers (absent or 0: a multinomial regression). */
  hidden?: number;
  /** The hidden layer's fit: passes over the data, rows a step, dropout on the units, seed. */
  epochs?: number;
  batch?: number;
  dropout?: number;
  seed?: number;
}

export const MEANING_CONFIG: MeaningConfig = {
  dimensions: 512,
  l2: 1e-4,
  learningRate: 0.02,
  iterations: 250,
  realWeight: 3,
  weight: 0.5,
};

type Fitted = Pick<MeaningModel, 'bias' | 'kernel' | 'hidden'>;

/** The rows of one story: three vectors (zeros where absent) and the place columns. */
function storyRows(
  texts: readonly string[],
  vectors: SentenceVectors,
  d: number,
  into: Float32Array,
  at: number,
): void {
  const own = vectorsOf(texts, vectors, d);
  const cols = 3 * d + 4;
  own.forEach((v, i) => {
    if (!v) throw new Error(`meaning model: no vector for “${texts[i]}”`);
    const row = into.subarray((at + i) * cols, (at + i + 1) * cols);
    row.set(v, 0);
    const prev = own[i - 1];
    const next = own[i + 1];
    if (prev) row.set(prev, d);
    if (next) row.set(next, 2 * d);
    row.set(placeColumns(i, texts.length), 3 * d);
  });
}

export async function fitMeaning(
  sets: readonly StorySet[],
  vectors: SentenceVectors,
  config: MeaningConfig = MEANING_CONFIG,
): Promise<Fitted & { sentences: number; stories: number }> {
  const d = config.dimensions;
  const columns = 3 * d + 4;
  const stories = sets.flatMap((set) => set.stories.map((story) => ({ story, real: set.real })));
  const rows = stories.reduce((n, s) => n + s.story.sentences.length, 0);
  const x = new Float32Array(rows * columns);
  const labels: number[] = [];
  const weights: number[] = [];
  for (const { story, real } of stories) {
    storyRows(
      story.sentences.map((s) => s.text),
      vectors,
      d,
      x,
      labels.length,
    );
    for (const s of story.sentences) {
      labels.push(LAYERS.indexOf(s.layer));
      weights.push(real ? config.realWeight : 1);
    }
  }
  if (config.hidden) {
    const fit = await fitMlp(
      { x, rows, columns, labels, weights, classes: LAYERS.length },
      {
        hidden: config.hidden,
        epochs: config.epochs ?? 8,
        batch: config.batch ?? 256,
        learningRate: config.learningRate,
        dropout: config.dropout ?? 0.3,
        l2: config.l2,
        seed: config.seed ?? 7,
      },
    );
    return { ...fit.output, hidden: fit.hidden, sentences: rows, stories: stories.length };
  }
  const fit = await fitLinear(
    { x, rows, columns, labels, weights, link: { kind: 'softmax', classes: LAYERS.length } },
    { l2: config.l2, learningRate: config.learningRate, iterations: config.iterations },
  );
  return { bias: fit.bias, kernel: fit.kernel, sentences: rows, stories: stories.length };
}

/** A fitted model as the file the app reads (a fold's model in cross-validation has no date or hash). */
export function meaningModelOf(
  fitted: Awaited<ReturnType<typeof fitMeaning>>,
  config: MeaningConfig = MEANING_CONFIG,
  meta: Pick<MeaningModel, 'trainedAt' | 'dataHash'> = {
    trainedAt: new Date(0).toISOString(),
    dataHash: '0'.repeat(64),
  },
): MeaningModel {
  return {
    format: 'postmortem-coach/meaning-model',
    // Version 2 reads through a hidden layer.
    version: fitted.hidden ? 2 : 1,
    encoder: 'universal-sentence-encoder-lite',
    dimensions: config.dimensions,
    ...meta,
    training: { stories: fitted.stories, sentences: fitted.sentences, options: { ...config } },
    weight: config.weight,
    ...(fitted.hidden ? { hidden: fitted.hidden } : {}),
    bias: fitted.bias,
    kernel: fitted.kernel,
  };
}
