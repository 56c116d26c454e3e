/**
 * `npm run train`: trains the learned layer model and the story reader on every labelled story
 * the project may learn from (data.ts) and writes src/core/analysis/layer-model.json and
 * story-reader.json with the hash of their training data. Then cross-validates on the real sets:
 * every real story is labelled by an engine (both models) trained without it, in seven folds of
 * three stories split over two processes (about 40 minutes); prints the figures and writes them to
 * bench/layer-model/cv-report.json, which `npm run eval` shows. `--no-cv` skips it; `--loso`
 * holds out one story at a time instead (21 folds, about 100 minutes); `--cv-only` cross-validates
 * the shipped data without rewriting the model files (training is deterministic: they would not
 * change but for their date).
 *
 * The same cross-validation fits the temperature of the posteriors (calibration-fit.ts) and writes
 * src/core/analysis/calibration.json: `--cv-only` rewrites that file alone.
 *
 * `--meaning-only` trains the two models that read sentence vectors alone, the meaning model and the
 * context model (the vectors are kept in bench/.cache). Each fold's layer model and story reader
 * are kept in bench/.cache too, under the hash of what they learned from, so its cross-validation
 * only retrains those two while they are unchanged.
 *
 *   npm run train [-- --no-cv | --loso | --cv-only | --meaning-only]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAYERS } from '../../src/core/analysis/layers';
import { LearnedModelSchema } from '../../src/core/analysis/learned-model';
import { RULE_SCALE } from '../../src/core/analysis/classify';
import { linearModelLearnsFrom, realSets, writtenSets } from './data';
import { countSequences, dataHash, DEFAULT_CONFIG, examplesFor, readerStories, trainModel } from './train-lib';
import { fitReader, READER_CONFIG } from './reader-fit';
import { recall, summary, type Tally } from './cv';
import { crossValidateInShards } from './cv-shards';
import { MeaningModelSchema } from '../../src/core/analysis/meaning-model';
import { corpusVectors } from './corpus-vectors';
import { fitMeaning, MEANING_CONFIG, meaningModelOf } from './meaning-fit';
import { ContextModelSchema } from '../../src/core/analysis/context-model';
import { CONTEXT_CONFIG, contextModelOf, fitContext } from './context-fit';
import { bestTemperature, fitOf } from './calibration-fit';
import { CalibrationSchema, type CalibrationFit } from '../../src/core/analysis/calibration';
import { CV_REPORT_FILE, writeCvReport, type CvReport } from './cv-report';

const OUT = fileURLToPath(new URL('../../src/core/analysis/layer-model.json', import.meta.url));
const READER_OUT = fileURLToPath(new URL('../../src/core/analysis/story-reader.json', import.meta.url));
const MEANING_OUT = fileURLToPath(new URL('../../src/core/analysis/meaning-model.json', import.meta.url));
const CONTEXT_OUT = fileURLToPath(new URL('../../src/core/analysis/context-model.json', import.meta.url));
const CALIBRATION_OUT = fileURLToPath(new URL('../../src/core/analysis/calibration.json', import.meta.url));
/**
 * Each fold trains both models (about ten minutes together on this project's two cores), so the
 * real stories are held out three at a time rather than one at a time: 21 folds would take hours.
 */
const FOLDS = 7;

function report(
  tallies: Map<string, Tally>,
  hashes: { layer: string; meaning: string; context: string },
  folds: number,
  stories: number,
): CvReport {
  return {
    dataHash: hashes.layer,
    folds,
    stories,
    ruleScale: RULE_SCALE,
    sets: Object.fromEntries(
      [...tallies].map(([name, t]) => [
        name,
        {
          sentences: t.total,
          accuracy: t.correct / t.total,
          timeError: t.wordsWrong / t.words,
          // A layer the set never uses has no recall: null, not NaN, in JSON.
          recall: Object.fromEntries(
            LAYERS.map((l) => {
              const r = recall(t, l);
              return [l, Number.isNaN(r) ? null : r];
            }),
          ),
          confusion: Object.fromEntries(t.confusion),
          wrong: [...t.wrong].sort((x, y) => x.story.localeCompare(y.story) || x.sentence - y.sentence),
        },
      ]),
    ),
    meaningDataHash: hashes.meaning,
    contextDataHash: hashes.context,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-cv': { type: 'boolean' },
      loso: { type: 'boolean' },
      'cv-only': { type: 'boolean' },
      'meaning-only': { type: 'boolean' },
    },
  });
  const sets = [...writtenSets(), ...realSets()];
  const config = DEFAULT_CONFIG;
  const hash = dataHash(sets, { ...config, reader: READER_CONFIG });
  const meaningHash = dataHash(sets, { meaning: MEANING_CONFIG });
  const contextHash = dataHash(sets, { context: CONTEXT_CONFIG });
  if (!values['cv-only'] && !values['meaning-only']) await trainShipped(sets, hash);
  if (!values['cv-only']) await trainVectorModels(sets, { meaning: meaningHash, context: contextHash });
  if (values['no-cv']) return;
  const folds = values.loso ? null : FOLDS;
  const stories = realSets().reduce((n, s) => n + s.stories.length, 0);
  console.log(
    `\nCross-validation on the real sets (${folds === null ? 'one story held out at a time' : `${folds} folds`}; each story labelled by an engine trained without it):`,
  );
  const cvStarted = Date.now();
  const tallies = await crossValidateInShards([...(folds === null ? [] : ['--folds', String(folds)]), '--calibrate']);
  for (const [name, t] of tallies) console.log(summary(name, t));
  writeCvReport(
    report(tallies, { layer: hash, meaning: meaningHash, context: contextHash }, folds ?? stories, stories),
  );
  console.log(`(${((Date.now() - cvStarted) / 1000).toFixed(0)} s; written to ${CV_REPORT_FILE})`);
  writeCalibration(tallies, hash, folds ?? stories);
}

/** The temperature that makes the posteriors as sure as the out-of-fold labels were right. */
function writeCalibration(tallies: Map<string, Tally>, hash: string, folds: number): void {
  const temperature = bestTemperature([...tallies.values()].map((t) => t.calibration));
  const calibration = CalibrationSchema.parse({
    format: 'postmortem-coach/calibration',
    trainedAt: new Date().toISOString(),
    dataHash: hash,
    version: 1,
    temperature,
    folds,
    sets: Object.fromEntries(
      [...tallies].map(([name, t]) => {
        const before = t.calibration['1'];
        const after = t.calibration[String(temperature)];
        if (!before || !after) throw new Error(`no calibration tallies for ${name}`);
        return [name, { sentences: before.sentences, before: fitOf(before), after: fitOf(after) }];
      }),
    ),
  });
  writeFileSync(CALIBRATION_OUT, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log(`\nPosteriors divided by ${temperature} (lowest log loss of the held-out labels):`);
  for (const [name, s] of Object.entries(calibration.sets)) {
    const line = (f: CalibrationFit) =>
      `log loss ${f.logLoss.toFixed(3)}, calibration error ${f.calibrationError.toFixed(3)}, mean confidence ${f.meanConfidence.toFixed(3)}`;
    console.log(
      `${name.padEnd(18)} before: ${line(s.before)}\n${''.padEnd(18)} after:  ${line(s.after)} (accuracy ${s.after.accuracy.toFixed(3)})`,
    );
    const u = s.after.unsure;
    console.log(
      `${''.padEnd(18)} marked unsure: ${u.labels} of ${s.sentences} labels (${((100 * u.labels) / s.sentences).toFixed(0)}%), ${u.wrong} of the ${u.of} wrong ones`,
    );
  }
  console.log(`(written to ${CALIBRATION_OUT})`);
}

/** Trains both models on every set they learn from and writes the files the app ships. */
async function trainShipped(sets: ReturnType<typeof writtenSets>, hash: string): Promise<void> {
  const linearSets = sets.filter(linearModelLearnsFrom);
  const config = DEFAULT_CONFIG;
  const examples = examplesFor(linearSets, config);
  const started = Date.now();
  const model = await trainModel(examples, countSequences(linearSets), config, {
    trainedAt: new Date().toISOString(),
    dataHash: hash,
    training: {
      stories: linearSets.reduce((n, s) => n + s.stories.length, 0),
      sentences: examples.length,
      sets: linearSets.map((s) => s.name),
      options: { ...config },
    },
  });
  LearnedModelSchema.parse(model);
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(
    `Trained the layer model on ${model.training.stories} stories, ${model.training.sentences} sentences (${model.training.sets.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`Wrote ${OUT}: ${Object.keys(model.weights).length} features, data hash ${hash.slice(0, 12)}…`);
  const readerStarted = Date.now();
  const reader = await fitReader(
    readerStories(sets, config, READER_CONFIG),
    READER_CONFIG,
    { trainedAt: model.trainedAt, dataHash: hash },
    console.log,
  );
  writeFileSync(READER_OUT, `${JSON.stringify(reader)}\n`);
  console.log(
    `Wrote ${READER_OUT} in ${((Date.now() - readerStarted) / 1000).toFixed(0)} s: ${reader.flags.length} flags`,
  );
}

/**
 * Encodes every sentence (cached), fits the two models over sentence vectors on all of them and
 * writes their files.
 */
async function trainVectorModels(sets: ReturnType<typeof writtenSets>, hashes: { meaning: string; context: string }) {
  const vectors = await corpusVectors(sets, console.log);
  const now = new Date().toISOString();
  const written = (file: string, started: number, fitted: { stories: number; sentences: number }, hash: string) =>
    console.log(
      `Wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${fitted.stories} stories, ${fitted.sentences} sentences, data hash ${hash.slice(0, 12)}…`,
    );
  let started = Date.now();
  const meaning = await fitMeaning(sets, vectors);
  const meaningFile = MeaningModelSchema.parse(
    meaningModelOf(meaning, MEANING_CONFIG, { trainedAt: now, dataHash: hashes.meaning }),
  );
  writeFileSync(MEANING_OUT, `${JSON.stringify(meaningFile)}\n`);
  written(MEANING_OUT, started, meaning, hashes.meaning);
  started = Date.now();
  const context = await fitContext(sets, vectors);
  const contextFile = ContextModelSchema.parse(
    contextModelOf(context, CONTEXT_CONFIG, { trainedAt: now, dataHash: hashes.context }),
  );
  writeFileSync(CONTEXT_OUT, `${float32Json(contextFile)}\n`);
  written(CONTEXT_OUT, started, context, hashes.context);
}

/**
 * JSON with every number written to nine significant digits: TensorFlow's weights are float32, and
 * nine digits give back the same float32, in about half the characters of a double's.
 */
function float32Json(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
