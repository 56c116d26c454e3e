/**
 * Leave-one-story-out figures of the learned layer model on the real sets: for every real story,
 * the model is trained on everything else (all written stories and the other real stories) and
 * labels the story it never saw. Prints sentence accuracy, per-layer recall and layer-time error
 * per real set (time estimated from word counts, as a typed answer's is).
 *
 *   npx tsx bench/layer-model/cv.ts [--real-weight 3] [--l2 3e-4] [--iterations 250] [--sets a,b]
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAYERS, type Layer } from '../../src/core/analysis/layers';
import type { CorpusStory } from '../corpus';
import { countSequences, examplesFor, type TrainConfig, DEFAULT_CONFIG, trainModel } from './train-lib';
import { realSets, writtenSets } from './data';
import type { LearnedModel } from '../../src/core/analysis/learned-model';
import { classifySentences, RULE_SCALE } from '../../src/core/analysis/classify';

/** The engine's labels for a story, with `model` in place of the shipped one. */
export function predictStory(
  story: CorpusStory,
  model: LearnedModel,
  tw = model.transitionWeight,
  ruleScale = RULE_SCALE,
): Layer[] {
  const texts = story.sentences.map((s) => s.text);
  return classifySentences(texts, {}, { learned: { ...model, transitionWeight: tw }, ruleScale }).map((c) => c.layer);
}

export interface Tally {
  correct: number;
  total: number;
  wordsWrong: number;
  words: number;
  confusion: Map<string, number>;
}

export function tally(): Tally {
  return { correct: 0, total: 0, wordsWrong: 0, words: 0, confusion: new Map() };
}

export function score(t: Tally, story: CorpusStory, predicted: readonly Layer[]): void {
  story.sentences.forEach((s, i) => {
    const p = predicted[i] ?? 'other';
    const n = s.text.split(/\s+/).filter(Boolean).length;
    t.total++;
    t.words += n;
    if (p === s.layer) t.correct++;
    else t.wordsWrong += n;
    const key = `${s.layer}>${p}`;
    t.confusion.set(key, (t.confusion.get(key) ?? 0) + 1);
  });
}

export function recall(t: Tally, l: Layer): number {
  let support = 0;
  for (const p of LAYERS) support += t.confusion.get(`${l}>${p}`) ?? 0;
  return support ? (t.confusion.get(`${l}>${l}`) ?? 0) / support : NaN;
}

export function summary(name: string, t: Tally): string {
  const rec = LAYERS.map((l) => `${l.slice(0, 5)} ${recall(t, l).toFixed(2)}`).join(' ');
  return `${name.padEnd(26)} acc ${(t.correct / t.total).toFixed(3)} (${t.correct}/${t.total})  time err ${(t.wordsWrong / t.words).toFixed(3)}  ${rec}`;
}

/** Leave-one-story-out (or `folds`-fold) figures on the real sets, per transition weight. */
export async function crossValidate(
  config: TrainConfig,
  folds?: number,
  grid = [config.transitionWeight],
  ruleScale = RULE_SCALE,
): Promise<Map<string, Tally>> {
  const real = realSets();
  const written = writtenSets();
  const writtenExamples = examplesFor(written, config);
  const started = Date.now();
  // Folds over the real stories of both sets together; one story per fold unless `folds` is given.
  const all = real.flatMap((set) => set.stories.map((story) => ({ set: set.name, story })));
  const k = folds ?? all.length;
  const tallies = new Map(real.flatMap((s) => grid.map((tw) => [`${s.name} tw=${tw}`, tally()] as const)));
  for (let f = 0; f < k; f++) {
    const held = all.filter((_, i) => i % k === f);
    const others = real.map((s) => ({ ...s, stories: s.stories.filter((x) => !held.some((h) => h.story === x)) }));
    const model = await trainModel(
      [...writtenExamples, ...examplesFor(others, config)],
      countSequences([...written, ...others]),
      config,
    );
    for (const h of held) {
      for (const tw of grid)
        score(tallies.get(`${h.set} tw=${tw}`) ?? tally(), h.story, predictStory(h.story, model, tw, ruleScale));
    }
  }
  for (const [name, t] of tallies) console.log(summary(name, t));
  console.log(`(${k} folds, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return tallies;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'real-weight': { type: 'string' },
      l2: { type: 'string' },
      iterations: { type: 'string' },
      'max-features': { type: 'string' },
      folds: { type: 'string' },
      'tw-grid': { type: 'string' },
      'rule-scale': { type: 'string' },
    },
  });
  const config: TrainConfig = {
    ...DEFAULT_CONFIG,
    ...(values['real-weight'] ? { realWeight: Number(values['real-weight']) } : {}),
    ...(values.l2 ? { l2: Number(values.l2) } : {}),
    ...(values.iterations ? { iterations: Number(values.iterations) } : {}),
    ...(values['max-features'] ? { maxFeatures: Number(values['max-features']) } : {}),
  };
  const grid = values['tw-grid']?.split(',').map(Number);
  const ruleScale = values['rule-scale'] ? Number(values['rule-scale']) : RULE_SCALE;
  await crossValidate(config, values.folds ? Number(values.folds) : undefined, grid, ruleScale);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
