/**
 * Cross-validated figures of the engine on the real sets: for every real story, the layer model
 * and the story reader are trained on everything else (all written stories and the other real
 * stories) and label the story they never saw; one story per fold, or `--folds` folds. Prints
 * sentence accuracy, per-layer recall and layer-time error per real set (time estimated from
 * word counts, as a typed answer's is).
 *
 * `--calibrate` also tallies, at every candidate temperature, how sure the posteriors were
 * (calibration-fit.ts; `npm run train` fits the shipped temperature from them).
 *
 *   npx tsx bench/layer-model/cv.ts [--folds 7] [--set real-answers] [--calibrate] [--screen] [--reader-grid 0,0.5,1] [--meaning-grid 0,0.5] [--context-grid 0,0.5] [--epochs 4] [--real-weight 3] [--l2 3e-4]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAYERS, type Layer } from '../../src/core/analysis/layers';
import type { CorpusStory } from '../corpus';
import {
  countSequences,
  dataHash,
  examplesFor,
  readerStories,
  type TrainConfig,
  DEFAULT_CONFIG,
  trainModel,
} from './train-lib';
import { fitReader, READER_CONFIG, type ReaderConfig } from './reader-fit';
import {
  loadStoryReader,
  StoryReaderSchema,
  type StoryReader,
  type StoryReaderFile,
} from '../../src/core/analysis/story-reader';
import { LearnedModelSchema } from '../../src/core/analysis/learned-model';
import { linearModelLearnsFrom, realSets, writtenSets, type StorySet } from './data';
import type { LearnedModel } from '../../src/core/analysis/learned-model';
import { classifySentences, RULE_SCALE, type ClassifiedSentence } from '../../src/core/analysis/classify';
import { addStory, calibrationTally, mergeCalibration, TEMPERATURES, type CalibrationTally } from './calibration-fit';
import { MeaningModelSchema, type MeaningModel } from '../../src/core/analysis/meaning-model';
import type { SentenceVectors } from '../../src/core/analysis/sentence-vectors';
import { corpusVectors } from './corpus-vectors';
import { fitMeaning, MEANING_CONFIG, meaningModelOf } from './meaning-fit';
import { ContextModelSchema, type ContextModel } from '../../src/core/analysis/context-model';
import { CONTEXT_CONFIG, contextModelOf, fitContext } from './context-fit';
import type { WrongLabel } from './cv-report';

/** The models that read sentence vectors, with the vectors they read. */
interface VectorModels {
  meaning: MeaningModel | null;
  context: ContextModel | null;
  vectors: SentenceVectors;
}

/** The engine's reading of a story, with `model` and `reader` in place of the shipped ones. */
function labelStory(
  story: CorpusStory,
  model: LearnedModel,
  reader: StoryReader | null,
  tw: number,
  ruleScale: number,
  read: VectorModels | null,
  temperature = 1,
): ClassifiedSentence[] {
  const texts = story.sentences.map((s) => s.text);
  return classifySentences(
    texts,
    {},
    {
      learned: { ...model, transitionWeight: tw },
      ruleScale,
      reader,
      meaning: read?.meaning ?? null,
      context: read?.context ?? null,
      temperature,
    },
    [],
    [],
    read?.vectors,
  );
}

/** The engine's labels for a story, with `model` and `reader` in place of the shipped ones. */
export function predictStory(
  story: CorpusStory,
  model: LearnedModel,
  reader: StoryReader | null,
  tw = model.transitionWeight,
  ruleScale = RULE_SCALE,
  read: VectorModels | null = null,
): Layer[] {
  return labelStory(story, model, reader, tw, ruleScale, read).map((c) => c.layer);
}

export interface Tally {
  correct: number;
  total: number;
  wordsWrong: number;
  words: number;
  confusion: Map<string, number>;
  /** Which sentences were wrong, so that two runs can be compared sentence by sentence. */
  wrong: WrongLabel[];
  /** Per temperature (as a string): how sure the posteriors were, where asked for. */
  calibration: Record<string, CalibrationTally>;
}

export function tally(): Tally {
  return { correct: 0, total: 0, wordsWrong: 0, words: 0, confusion: new Map(), wrong: [], calibration: {} };
}

export function score(t: Tally, story: CorpusStory, predicted: readonly Layer[]): void {
  story.sentences.forEach((s, i) => {
    const p = predicted[i] ?? 'other';
    const n = s.text.split(/\s+/).filter(Boolean).length;
    t.total++;
    t.words += n;
    if (p === s.layer) t.correct++;
    else {
      t.wordsWrong += n;
      t.wrong.push({ story: story.id, sentence: i, label: s.layer, read: p });
    }
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

/** Cross-validation of the engine on the real sets. */
export interface CvOptions {
  /** Folds over the real stories (story i is held out in fold i mod folds); one story per fold if absent. */
  folds?: number;
  /** Reader weights to score (0: the linear model alone); the reader config's weight if absent. */
  readerWeights?: number[];
  ruleScale?: number;
  /** Weights of the meaning model to score (0: without it); its config's weight if absent. */
  meaningWeights?: number[];
  /** Weights of the context model to score (0: without it); its config's weight if absent. */
  contextWeights?: number[];
  /** Run only folds f with f % count === index (for running folds in parallel processes). */
  shard?: { index: number; count: number };
  /**
   * Run only the folds that hold out a story of this real set and score only its stories (every
   * fold still trains on the other sets' stories): a set's figures alone, in a fraction of the time.
   */
  set?: string;
  /** Temperatures at which to tally how sure the posteriors of the first setting were. */
  temperatures?: readonly number[];
  /**
   * Retrain only the layer model in each fold and take the fold's story reader as kept by the last
   * full run: a quick screen of a change to what the layer model reads. The reader reads the same
   * features, so a screen leaves out what the change would do through it.
   */
  screen?: boolean;
}

/**
 * Tallies on the real sets per reader weight: in every fold the linear model and the story
 * reader are both trained without the held-out real stories, then label them.
 */
export async function crossValidate(
  config: TrainConfig,
  readerConfig: ReaderConfig,
  options: CvOptions = {},
): Promise<Map<string, Tally>> {
  const grid = options.readerWeights ?? [readerConfig.weight];
  const meaningGrid = options.meaningWeights ?? [MEANING_CONFIG.weight];
  const contextGrid = options.contextWeights ?? [CONTEXT_CONFIG.weight];
  const real = realSets();
  const written = writtenSets();
  const vectors = await corpusVectors([...written, ...real]);
  const all = real.flatMap((set) => set.stories.map((story) => ({ set: set.name, story })));
  const k = options.folds ?? all.length;
  const settings = grid.flatMap((w) => meaningGrid.flatMap((m) => contextGrid.map((c) => ({ w, m, c }))));
  const tallies = new Map(real.flatMap((s) => settings.map((x) => [key(s.name, x, settings), tally()] as const)));
  for (let f = 0; f < k; f++) {
    if (options.shard && f % options.shard.count !== options.shard.index) continue;
    const held = all.filter((_, i) => i % k === f);
    if (options.set !== undefined && !held.some((h) => h.set === options.set)) continue;
    const others = real.map((s) => ({ ...s, stories: s.stories.filter((x) => !held.some((h) => h.story === x)) }));
    const { model, readerFile, meaning, context } = await foldModels(f, k, others, {
      written,
      real,
      config,
      readerConfig,
      vectors,
      screen: options.screen ?? false,
      reader: grid.some((w) => w > 0),
      meaning: meaningGrid.some((m) => m > 0),
      context: contextGrid.some((c) => c > 0),
    });
    const reader = readerFile ? loadStoryReader(readerFile) : null;
    for (const h of held) {
      if (options.set !== undefined && h.set !== options.set) continue;
      for (const x of settings) {
        const t = tallies.get(key(h.set, x, settings)) ?? tally();
        const weighted = reader && x.w > 0 ? { ...reader, file: { ...reader.file, weight: x.w } } : null;
        const read = {
          meaning: meaning && x.m > 0 ? { ...meaning, weight: x.m } : null,
          context: context && x.c > 0 ? { ...context, weight: x.c } : null,
          vectors,
        };
        const ruleScale = options.ruleScale ?? RULE_SCALE;
        score(t, h.story, predictStory(h.story, model, weighted, model.transitionWeight, ruleScale, read));
        if (x !== settings[0]) continue;
        for (const temperature of options.temperatures ?? []) {
          const at = (t.calibration[String(temperature)] ??= calibrationTally());
          const sentences = labelStory(h.story, model, weighted, model.transitionWeight, ruleScale, read, temperature);
          addStory(
            at,
            h.story.sentences.map((s) => s.layer),
            sentences,
          );
        }
      }
    }
  }
  return tallies;
}

const FOLD_CACHE = fileURLToPath(new URL('../.cache/cv-folds/', import.meta.url));

interface FoldRequest {
  written: readonly StorySet[];
  /** Every real set, the held-out stories included (the kept models' hashes cover all the data). */
  real: readonly StorySet[];
  config: TrainConfig;
  readerConfig: ReaderConfig;
  vectors: SentenceVectors;
  /** Retrain the layer model and take the kept story reader (`CvOptions.screen`). */
  screen: boolean;
  /** Which of the optional models the fold's settings use. */
  reader: boolean;
  meaning: boolean;
  context: boolean;
}

/**
 * Fold `f` of `k`'s models, trained on every written story and the real stories `others` (the
 * rest are held out), or as kept by an earlier run.
 */
async function foldModels(f: number, k: number, others: readonly StorySet[], r: FoldRequest) {
  const written = r.written;
  const all = [...written, ...r.real];
  const writtenLinear = written.filter(linearModelLearnsFrom);
  const trainLinear = () =>
    trainModel(
      [...examplesFor(writtenLinear, r.config), ...examplesFor(others, r.config)],
      countSequences([...writtenLinear, ...others]),
      r.config,
    );
  const fold = { folds: k, fold: f };
  const engineHash = dataHash(all, { ...r.config, reader: r.readerConfig, ...fold });
  const engine = r.screen
    ? { model: await trainLinear(), readerFile: keptEngine(engineHash, f).readerFile }
    : await kept(engineHash, parseEngine, async () => ({
        model: await trainLinear(),
        // Two calls, as the kept readers were fitted: each draws its retold stories from the same seed.
        readerFile: await fitReader(
          [...readerStories(written, r.config, r.readerConfig), ...readerStories(others, r.config, r.readerConfig)],
          r.readerConfig,
        ),
      }));
  const vectorModel = <T>(options: object, parse: (found: unknown) => T, fit: () => Promise<T>) =>
    kept(dataHash(all, { ...options, fitters: VECTOR_FITTERS, ...fold }), parse, fit);
  const meaning = r.meaning
    ? await vectorModel({ meaning: MEANING_CONFIG }, MeaningModelSchema.parse, async () =>
        meaningModelOf(await fitMeaning([...written, ...others], r.vectors)),
      )
    : null;
  const context = r.context
    ? await vectorModel({ context: CONTEXT_CONFIG }, ContextModelSchema.parse, async () =>
        contextModelOf(await fitContext([...written, ...others], r.vectors)),
      )
    : null;
  return { model: engine.model, readerFile: r.reader ? engine.readerFile : null, meaning, context };
}

/**
 * The code that fits the two models over sentence vectors, hashed with their kept copies: they
 * read no version number of their own (the layer model's features have `FEATURE_SET`), so a change
 * to how they are fitted must still refit them.
 */
const VECTOR_FITTERS = createHash('sha256')
  .update(
    [
      './meaning-fit.ts',
      './context-fit.ts',
      './mlp-fit.ts',
      './linear-fit.ts',
      '../../src/core/analysis/meaning-model.ts',
    ]
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\0'),
  )
  .digest('hex');

/**
 * A fold's models, trained once for what they learn from: they take nearly all of a fold's time,
 * and most changes leave most of them as they were (a new temperature grid changes none, a change
 * to the meaning model alone not the layer model). Kept in bench/.cache (not in git) under the hash
 * of their data, options and fold.
 */
async function kept<T>(hash: string, parse: (kept: unknown) => T, train: () => Promise<T>): Promise<T> {
  const found = readKept(hash);
  if (found !== undefined) return parse(found);
  const trained = await train();
  mkdirSync(FOLD_CACHE, { recursive: true });
  writeFileSync(keptFile(hash), JSON.stringify(trained));
  return trained;
}

function readKept(hash: string): unknown {
  const file = keptFile(hash);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function keptFile(hash: string): string {
  return `${FOLD_CACHE}${hash}.json`;
}

interface FoldEngine {
  model: LearnedModel;
  readerFile: StoryReaderFile;
}

function parseEngine(found: unknown): FoldEngine {
  const { model, readerFile } = found as Record<keyof FoldEngine, unknown>;
  return { model: LearnedModelSchema.parse(model), readerFile: StoryReaderSchema.parse(readerFile) };
}

/** The engine a full run kept for this fold: a screen has no story reader without it. */
function keptEngine(hash: string, fold: number): FoldEngine {
  const found = readKept(hash);
  if (found === undefined)
    throw new Error(`no story reader kept for fold ${fold} of this data: run \`npm run train\` first`);
  return parseEngine(found);
}

function key(set: string, x: { w: number; m: number; c: number }, settings: readonly unknown[]): string {
  return settings.length > 1 ? `${set} reader=${x.w} meaning=${x.m} context=${x.c}` : set;
}

/** Tallies as JSON (confusion as an object) and back, to pass them between processes. */
export function talliesToJson(
  tallies: Map<string, Tally>,
): Record<string, Omit<Tally, 'confusion'> & { confusion: Record<string, number> }> {
  return Object.fromEntries([...tallies].map(([k, t]) => [k, { ...t, confusion: Object.fromEntries(t.confusion) }]));
}

export function mergeTallies(parts: ReadonlyArray<ReturnType<typeof talliesToJson>>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const part of parts) {
    for (const [k, t] of Object.entries(part)) {
      const m = out.get(k) ?? tally();
      m.correct += t.correct;
      m.total += t.total;
      m.wordsWrong += t.wordsWrong;
      m.words += t.words;
      for (const [c, n] of Object.entries(t.confusion)) m.confusion.set(c, (m.confusion.get(c) ?? 0) + n);
      m.wrong.push(...t.wrong);
      for (const [temperature, c] of Object.entries(t.calibration))
        m.calibration[temperature] = mergeCalibration(m.calibration[temperature] ?? calibrationTally(), c);
      out.set(k, m);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'real-weight': { type: 'string' },
      l2: { type: 'string' },
      iterations: { type: 'string' },
      'max-features': { type: 'string' },
      folds: { type: 'string' },
      'reader-grid': { type: 'string' },
      'meaning-grid': { type: 'string' },
      'context-grid': { type: 'string' },
      epochs: { type: 'string' },
      'rule-scale': { type: 'string' },
      shard: { type: 'string' },
      set: { type: 'string' },
      json: { type: 'boolean' },
      calibrate: { type: 'boolean' },
      screen: { type: 'boolean' },
    },
  });
  const config: TrainConfig = {
    ...DEFAULT_CONFIG,
    ...(values['real-weight'] ? { realWeight: Number(values['real-weight']) } : {}),
    ...(values.l2 ? { l2: Number(values.l2) } : {}),
    ...(values.iterations ? { iterations: Number(values.iterations) } : {}),
    ...(values['max-features'] ? { maxFeatures: Number(values['max-features']) } : {}),
  };
  const grid = values['reader-grid']?.split(',').map(Number);
  const readerConfig = { ...READER_CONFIG, ...(values.epochs ? { epochs: Number(values.epochs) } : {}) };
  const [index, count] = (values.shard ?? '0/1').split('/').map(Number);
  const started = Date.now();
  const tallies = await crossValidate(config, readerConfig, {
    ...(values.folds ? { folds: Number(values.folds) } : {}),
    ...(grid ? { readerWeights: grid } : {}),
    ...(values['meaning-grid'] ? { meaningWeights: values['meaning-grid'].split(',').map(Number) } : {}),
    ...(values['context-grid'] ? { contextWeights: values['context-grid'].split(',').map(Number) } : {}),
    ...(values['rule-scale'] ? { ruleScale: Number(values['rule-scale']) } : {}),
    shard: { index: index ?? 0, count: count ?? 1 },
    ...(values.set ? { set: values.set } : {}),
    ...(values.calibrate ? { temperatures: TEMPERATURES } : {}),
    ...(values.screen ? { screen: true } : {}),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(talliesToJson(tallies))}\n`);
    return;
  }
  for (const [name, t] of tallies) if (t.total > 0) console.log(summary(name, t));
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
