/**
 * `npx tsx bench/cv-layer-model.ts [--grid]`: leave-one-story-out cross-validation of the learned
 * parts of the layer classifier. For every labelled training story, the sequence counts and the
 * word model are re-estimated from all OTHER stories, and the story's sentences are classified
 * with them; sentence accuracy is reported per group of stories for:
 *
 *   cues only          hand-written cues and frames, hand-written transitions only
 *   cues + sequence    ... with transitions updated by the other stories' counts
 *   words only         the learned word model alone (no cues), with learned transitions
 *   cues + words       the shipped combination (LEARNED_SCALE), with learned transitions
 *
 * --grid also tries other word-model scales, transition temperatures and L2 penalties. Caveat
 * printed with the figures: the hand-written cues were written while looking at these stories,
 * so "cues only" is optimistic here; the word model's own figures are honest.
 */
import { DEFAULT_CLASSIFIER_MODEL, classifySentences, type ClassifierModel } from '../src/core/analysis/classify';
import { buildSequenceModel, TRANSITION_WEIGHT, weighted } from '../src/core/analysis/decode';
import type { CorpusStory } from './corpus';
import { countSequences, DEFAULT_TRAIN, trainingStories, trainWeights, type TrainOptions } from './train-layer-model';

interface Variant {
  name: string;
  learnedScale: number;
  cueScale: number;
  sequence: 'hand' | 'data';
  /** Transition weight (temperature on the story-flow log-probabilities). */
  tau: number;
  train: TrainOptions;
}

/** Story sets by id prefix: the dev corpus, the engine's own stories, the evaluation sets. */
function group(id: string): string {
  if (id.startsWith('dev')) return 'dev';
  if (id.startsWith('own')) return 'own';
  return 'eval sets';
}

function run(stories: readonly CorpusStory[], variants: readonly Variant[]): void {
  const groups = ['dev', 'own', 'eval sets', 'all'];
  const correct = new Map<string, number>();
  const total = new Map<string, number>();
  const weightCache = new Map<string, ReturnType<typeof trainWeights>>();
  for (const story of stories) {
    const rest = stories.filter((s) => s !== story);
    const counts = countSequences(rest);
    for (const v of variants) {
      const key = `${story.id}|${JSON.stringify(v.train)}`;
      let weights = weightCache.get(key);
      if (!weights && v.learnedScale > 0) {
        weights = trainWeights(rest, v.train);
        weightCache.set(key, weights);
      }
      const sequence = weighted(buildSequenceModel(v.sequence === 'data' ? counts : null), v.tau);
      const model: ClassifierModel = {
        sequence,
        weights: v.learnedScale > 0 ? (weights ?? null) : null,
        learnedScale: v.learnedScale,
        cueScale: v.cueScale,
      };
      const out = classifySentences(
        story.sentences.map((s) => s.text),
        {},
        model,
      );
      const ok = story.sentences.filter((s, i) => out[i]?.layer === s.layer).length;
      for (const g of [group(story.id), 'all']) {
        correct.set(`${v.name}|${g}`, (correct.get(`${v.name}|${g}`) ?? 0) + ok);
        total.set(`${v.name}|${g}`, (total.get(`${v.name}|${g}`) ?? 0) + story.sentences.length);
      }
    }
  }
  console.log(`${'variant'.padEnd(44)}${groups.map((g) => g.padStart(10)).join('')}`);
  for (const v of variants) {
    const cells = groups.map((g) => {
      const n = total.get(`${v.name}|${g}`) ?? 0;
      return (n ? (correct.get(`${v.name}|${g}`) ?? 0) / n : NaN).toFixed(3).padStart(10);
    });
    console.log(`${v.name.padEnd(44)}${cells.join('')}`);
  }
}

function main(): void {
  const stories = trainingStories();
  const base = DEFAULT_CLASSIFIER_MODEL;
  const v = (name: string, o: Partial<Variant>): Variant => ({
    name,
    learnedScale: base.learnedScale,
    cueScale: base.cueScale,
    sequence: 'data',
    tau: TRANSITION_WEIGHT,
    train: DEFAULT_TRAIN,
    ...o,
  });
  const variants: Variant[] = [
    v('cues only (hand transitions at full weight)', { learnedScale: 0, sequence: 'hand', tau: 1 }),
    v('cues only', { learnedScale: 0, sequence: 'hand' }),
    v('cues + sequence', { learnedScale: 0 }),
    v('words only', { cueScale: 0, learnedScale: 1 }),
    v(`cues + words (shipped, ${base.learnedScale})`, {}),
  ];
  if (process.argv.includes('--grid2')) {
    for (const scale of [0.5, 0.75, 1])
      for (const tau of [0.4, 0.6, 0.8])
        for (const sequence of ['hand', 'data'] as const)
          for (const l2 of [0.003, 0.01])
            variants.push(
              v(`cues + words ${scale}, tau ${tau}, ${sequence}, l2 ${l2}`, {
                learnedScale: scale,
                tau,
                sequence,
                train: { ...DEFAULT_TRAIN, l2 },
              }),
            );
  }
  if (process.argv.includes('--grid')) {
    for (const scale of [0.25, 0.5, 0.75, 1, 1.5])
      for (const tau of [0.6, 1]) variants.push(v(`cues + words ${scale}, tau ${tau}`, { learnedScale: scale, tau }));
    for (const l2 of [0.003, 0.03, 0.1])
      variants.push(v(`cues + words, l2 ${l2}`, { train: { ...DEFAULT_TRAIN, l2 } }));
    for (const l2 of [0.003, 0.03, 0.1])
      variants.push(v(`words only, l2 ${l2}`, { cueScale: 0, learnedScale: 1, train: { ...DEFAULT_TRAIN, l2 } }));
  }
  console.log(`Leave-one-story-out over ${stories.length} labelled stories (the newest blind set never used).`);
  console.log('Cue figures are optimistic: the cues were written while reading these stories.\n');
  run(stories, variants);
}

main();
