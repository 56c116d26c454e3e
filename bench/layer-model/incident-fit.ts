/**
 * `npm run train:incident`: trains the incident model (src/core/analysis/incident-model.ts), the
 * sentence-level logistic regression behind the decision whether an answer is an incident story
 * at all, and writes src/core/analysis/incident-model.json with the hash of its training data.
 *
 * - Incident stories: every labelled story the project may learn from (data.ts: the dev corpus,
 *   the fixture sets, corpus/train and the real sets read from ../shared).
 * - Other answers: corpus/not-incident/n*, written for this project (leadership, design, hiring
 *   and other work stories, pitches, documentation, recipes, travel, filler). The held-back
 *   folders corpus/not-incident/blind* are never trained on: each is scored after training and printed.
 *
 * The sentences that tell an incident (headline, detection, attribution, mitigation) are the
 * positives, every sentence of the other answers the negatives. TensorFlow.js fits the weights
 * (Adam on the weighted cross-entropy, L2 penalty); the two sides weigh the same in total, since
 * other answers are far fewer. Prints five-fold cross-validated counts of answers judged right
 * (answers split across folds, not sentences), then the held-back figures.
 *
 *   npm run train:incident
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifySentences, DEFAULT_CLASSIFIER_MODEL } from '../../src/core/analysis/classify';
import { gradableSentence, judgedIncident, toldIncident, type Told } from '../../src/core/analysis/gradable';
import {
  IncidentModelSchema,
  incidentFeatureNames,
  sentenceIncidentFeatures,
  sentenceIncidentProbability,
  type IncidentModel,
} from '../../src/core/analysis/incident-model';
import type { Layer } from '../../src/core/analysis/layers';
import { segmentTranscript } from '../../src/core/analysis/segment';
import { SHIPPED_WORD_VECTORS } from '../../src/core/analysis/shipped-word-vectors';
import { transcriptFromText } from '../../src/core/transcript/from-text';
import { storyText, type CorpusStory } from '../corpus';
import { realSets, writtenSets } from './data';
import { fitLinear } from './linear-fit';

const OUT = fileURLToPath(new URL('../../src/core/analysis/incident-model.json', import.meta.url));
const NOT_INCIDENT = fileURLToPath(new URL('../../corpus/not-incident', import.meta.url));
/** Folders held back from training (blind1, blind2, …): scored after training, never learned from. */
const HELD_BACK = /^blind/;

export const INCIDENT_OPTIONS = { epochs: 300, learningRate: 0.05, l2: 1e-3, top: 2, threshold: 0.65, folds: 5 };

/**
 * The layers whose sentences tell the incident itself; the structural fix and the lesson read
 * like any other work ("we set up a weekly review"), so they teach the model nothing either way.
 */
const INCIDENT_LAYERS: ReadonlySet<Layer> = new Set(['headline', 'detection', 'attribution', 'mitigation']);

/** One training answer: its sentences' features, and which of them tell the incident. */
export interface IncidentExample {
  name: string;
  incident: boolean;
  sentences: number[][];
  /** Per sentence: it tells the incident (only in incident stories). */
  tells: boolean[];
  /** What the answer plainly tells (the check's other paths). */
  told: Told;
}

/** An answer read as the app reads a typed one: each sentence's features, and its told words. */
export function readAnswer(text: string): { sentences: number[][]; told: Told } {
  const { sentences } = segmentTranscript(transcriptFromText(text));
  const read = classifySentences(
    sentences.map((s) => s.text),
    {},
    DEFAULT_CLASSIFIER_MODEL,
  ).map(gradableSentence);
  return {
    sentences: read.map((s) => sentenceIncidentFeatures(s, SHIPPED_WORD_VECTORS)),
    told: toldIncident(read),
  };
}

/** A labelled incident story as a training answer (its sentences segmented as written). */
function storyExample(name: string, story: CorpusStory): IncidentExample {
  const { sentences, told } = readAnswer(storyText(story));
  const tells = sentences.map((_, i) => INCIDENT_LAYERS.has(story.sentences[i]?.layer ?? 'other'));
  return { name, incident: true, sentences, tells, told };
}

/** An answer that is not an incident story: none of its sentences tells one. */
export function otherExample(name: string, text: string): IncidentExample {
  const { sentences, told } = readAnswer(text);
  return { name, incident: false, sentences, tells: sentences.map(() => false), told };
}

/** The texts of corpus/not-incident/<folder>, by file name. */
export function otherAnswers(folders: readonly string[]): Array<{ name: string; text: string }> {
  return folders.flatMap((folder) =>
    readdirSync(join(NOT_INCIDENT, folder))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: `${folder}/${f}`, text: readFileSync(join(NOT_INCIDENT, folder, f), 'utf8') })),
  );
}

/** The folders of corpus/not-incident that are held back (or not), sorted. */
function folders(held: boolean): string[] {
  if (!existsSync(NOT_INCIDENT)) return [];
  return readdirSync(NOT_INCIDENT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && HELD_BACK.test(d.name) === held)
    .map((d) => d.name)
    .sort();
}

/** The folders of other answers the model learns from (every one but the held-back folders). */
export function trainingFolders(): string[] {
  return folders(false);
}

/** The held-back folders, scored after training. */
export function heldBackFolders(): string[] {
  return folders(true);
}

/**
 * Fits the sentence weights: sentences that tell an incident against every sentence of the other
 * answers (the incident stories' fixes and lessons sit out), each side weighing half.
 * Deterministic: zero start, full batch.
 */
export async function fitIncidentModel(
  examples: readonly IncidentExample[],
  options = INCIDENT_OPTIONS,
): Promise<Pick<IncidentModel, 'weights' | 'bias'>> {
  const rows: Array<{ features: number[]; tells: boolean }> = examples.flatMap((e) =>
    e.sentences.map((features, i) => ({ features, tells: e.tells[i] === true })).filter((r) => r.tells || !e.incident),
  );
  const tells = rows.filter((r) => r.tells).length;
  const weightOf = (tell: boolean) => rows.length / (2 * (tell ? tells : rows.length - tells));
  const fitted = await fitLinear(
    {
      x: rows.map((r) => r.features),
      rows: rows.length,
      columns: rows[0]?.features.length ?? 0,
      labels: rows.map((r) => (r.tells ? 1 : 0)),
      weights: rows.map((r) => weightOf(r.tells)),
      link: { kind: 'sigmoid' },
    },
    { l2: options.l2, learningRate: options.learningRate, iterations: options.epochs },
  );
  return { weights: fitted.kernel.map((w) => w[0] ?? 0), bias: fitted.bias[0] ?? 0 };
}

/** Each sentence's probability of telling an incident, under a model. */
export function answerProbabilities(model: Pick<IncidentModel, 'weights' | 'bias'>, e: IncidentExample): number[] {
  return e.sentences.map((f) => sentenceIncidentProbability(model as IncidentModel, f));
}

function hashOf(examples: readonly IncidentExample[], texts: readonly string[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(INCIDENT_OPTIONS));
  texts.forEach((t, i) => h.update(JSON.stringify([examples[i]?.name, examples[i]?.incident, t])));
  return h.digest('hex');
}

/** How many of each class the app's check judges right, from each answer's sentence probabilities. */
function counts(examples: readonly IncidentExample[], probabilities: readonly number[][]) {
  const wrong = examples.filter(
    (e, i) => judgedIncident(probabilities[i] ?? [], e.told, INCIDENT_OPTIONS) !== e.incident,
  );
  const incidents = examples.filter((e) => e.incident).length;
  return {
    incidentsGraded: `${incidents - wrong.filter((e) => e.incident).length}/${incidents}`,
    othersRefused: `${examples.length - incidents - wrong.filter((e) => !e.incident).length}/${examples.length - incidents}`,
    wrong: wrong.map((e) => e.name),
  };
}

/** Every answer read by a model trained without its fold (answer i in fold i mod folds). */
async function crossValidatedProbabilities(examples: readonly IncidentExample[]): Promise<number[][]> {
  const k = INCIDENT_OPTIONS.folds;
  const probabilities: number[][] = examples.map(() => []);
  for (let f = 0; f < k; f++) {
    const fitted = await fitIncidentModel(examples.filter((_, i) => i % k !== f));
    examples.forEach((e, i) => {
      if (i % k === f) probabilities[i] = answerProbabilities(fitted, e);
    });
  }
  return probabilities;
}

async function main(): Promise<void> {
  const started = Date.now();
  const stories = [...writtenSets(), ...realSets()].flatMap((set) =>
    set.stories.map((s) => ({ name: `${set.name}/${s.id}`, text: storyText(s), story: s })),
  );
  const others = otherAnswers(trainingFolders());
  const examples = [
    ...stories.map((s) => storyExample(s.name, s.story)),
    ...others.map((o) => otherExample(o.name, o.text)),
  ];
  console.log(`${stories.length} incident stories, ${others.length} other answers (${trainingFolders().join(', ')})`);
  const cv = counts(examples, await crossValidatedProbabilities(examples));
  console.log(
    `${INCIDENT_OPTIONS.folds}-fold cross-validation: incidents graded ${cv.incidentsGraded}, others refused ${cv.othersRefused}`,
  );
  for (const name of cv.wrong) console.log(`  wrong: ${name}`);
  const fitted = await fitIncidentModel(examples);
  const model: IncidentModel = IncidentModelSchema.parse({
    format: 'postmortem-coach/incident-model',
    version: 1,
    trainedAt: new Date().toISOString(),
    dataHash: hashOf(examples, [...stories.map((s) => s.text), ...others.map((o) => o.text)]),
    training: { incidents: stories.length, others: others.length, options: INCIDENT_OPTIONS },
    features: incidentFeatureNames(SHIPPED_WORD_VECTORS.dimensions),
    ...fitted,
    top: INCIDENT_OPTIONS.top,
    threshold: INCIDENT_OPTIONS.threshold,
  });
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  const trained = counts(
    examples,
    examples.map((e) => answerProbabilities(model, e)),
  );
  console.log(`training answers: incidents graded ${trained.incidentsGraded}, others refused ${trained.othersRefused}`);
  for (const folder of heldBackFolders()) {
    const held = otherAnswers([folder]).map((o) => ({
      ...otherExample(o.name, o.text),
      incident: /\/pos-/.test(o.name),
    }));
    const h = counts(
      held,
      held.map((e) => answerProbabilities(model, e)),
    );
    console.log(
      `held back (${folder}, never trained on): incidents graded ${h.incidentsGraded}, others refused ${h.othersRefused}`,
    );
    for (const name of h.wrong) console.log(`  wrong: ${name}`);
  }
  console.log(`Wrote ${OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
