/**
 * Whether a whole answer is an incident story. A logistic regression reads each sentence — what
 * it is about (its words' mean vector and the strongest value of each dimension) and how it is
 * told (incident words, layer cues, past tense) — and gives the probability that it tells part
 * of an incident: what broke, who noticed, the cause or the recovery. The answer's score is the
 * mean of its `top` most incident-like sentences: an incident story has at least a couple, a
 * leadership story that says "escalations dropped" and "I learned" has none. Word lists alone
 * could not tell those apart, nor see a short incident told in its own domain's words ("the
 * domain expired and the product vanished").
 *
 * Where the back end has encoded the answer's sentences, a second regression reads the answer as
 * a whole: the mean of its sentence vectors (the sentence encoder's, sentence-vectors.ts). An
 * answer full of operations words (planned reliability work, a runbook, a pitch for a monitoring
 * tool, a quiet status report) has sentences that each look like part of an incident; together
 * they read as something else. It can only refuse an answer the sentence check accepts.
 *
 * Its parameters are a data file (incident-model.json) trained with TensorFlow.js by
 * `npm run train:incident` (bench/layer-model/incident-fit.ts) on the sentences of the
 * project's incident stories and of the answers in `corpus/not-incident`; this module only
 * applies them.
 */
import { z } from 'zod';
import { modelFileHeader } from './model-file';
import { sentenceMeaning, type WordVectors } from './word-vectors';

/**
 * A sentence as the check reads it, each reading taken once (the model's features and the check's
 * other paths both use them): its text, incident words, tense and the weight of its layer cues.
 */
export interface GradableSentence {
  normalized: string;
  /** Distinct incident words (incident-words.ts). */
  incidentWords: readonly string[];
  /** How many distinct words tell of an incident only sometimes. */
  genericWords: number;
  /** Its tense is the past or the present perfect: what the model reads. */
  past: boolean;
  /**
   * It tells that something happened, stricter than `past`: a participle that describes ("a
   * distributed phone book", "is signed by") is no event. What the checks of form read.
   */
  event: boolean;
  /** It places a story at a particular time ("on a Saturday in August", "last night"), in any tense. */
  anchored: boolean;
  /** It says what would or might happen ("I'd roll back", "if the primary went down"). */
  conditional: boolean;
  /** It speaks to the listener ("your team", "you can"), as a pitch or a guide does. */
  addressesListener: boolean;
  /** It tells its reader what to do ("Open the dashboard", "Drain the region"), as a runbook does. */
  instructs: boolean;
  /** Its subject is a person ("I stop the job", "we check", "customers start calling"): someone acts in it. */
  personActs: boolean;
  /** It opens with a label ("Pages this week: 2", "Order store: primary in region A"), as notes and forms do. */
  labelled: boolean;
  /** Summed weight of the sentence's cues for detection, attribution and mitigation. */
  incidentCueWeight: number;
  /** Summed weight of its cues for a structural fix or a lesson: any story of work has those. */
  lastingCueWeight: number;
}

/** Cue weight at which a sentence plainly speaks of a layer ("we rolled back", "root cause"). */
const STRONG_CUE = 1.5;

/** The hand-made features of a sentence, after its word-vector dimensions (`vec:0` …, `max:0` …). */
const TOLD = ['incident words', 'generic words', 'incident cues', 'lasting cues', 'past tense'] as const;

/** The reading of a whole answer from the mean of its sentence vectors. */
const AnswerReadingSchema = z.object({
  dimensions: z.number().int().positive().max(1024),
  weights: z.array(z.number()).max(1024),
  bias: z.number(),
  /** Below this probability an answer is not an incident story, whatever its sentences say. */
  threshold: z.number().min(0).max(1),
});

export type AnswerReading = z.infer<typeof AnswerReadingSchema>;

export const IncidentModelSchema = z.object({
  // The hash covers the training texts, their classes and the options.
  ...modelFileHeader('postmortem-coach/incident-model'),
  version: z.literal(2),
  training: z.object({
    incidents: z.number().int().nonnegative(),
    others: z.number().int().nonnegative(),
    options: z.record(z.string(), z.number()),
    /** The answer reading's other answers (more than the sentence model's) and its options. */
    answer: z.object({ others: z.number().int().nonnegative(), options: z.record(z.string(), z.number()) }),
  }),
  /** Feature names in input order: the file is refused if they are not the ones this code computes. */
  features: z.array(z.string()).max(1000),
  weights: z.array(z.number()).max(1000),
  bias: z.number(),
  /** How many of the answer's most incident-like sentences its score averages. */
  top: z.number().int().positive().max(10),
  /** Below this score the answer is not graded as an incident story. */
  threshold: z.number().min(0).max(1),
  answer: AnswerReadingSchema,
});

export type IncidentModel = z.infer<typeof IncidentModelSchema>;

/** The feature names this code computes for word vectors of `dimensions` dimensions. */
export function incidentFeatureNames(dimensions: number): string[] {
  const dims = (prefix: string) => Array.from({ length: dimensions }, (_, k) => `${prefix}:${k}`);
  return [...dims('vec'), ...dims('max'), ...TOLD];
}

/** Checks a parsed file against the features this code computes; throws with the reason. */
export function checkIncidentModel(model: IncidentModel, dimensions: number): IncidentModel {
  const names = incidentFeatureNames(dimensions);
  if (model.features.length !== names.length || model.features.some((f, i) => f !== names[i]))
    throw new Error('incident model: its features are not the ones this version computes; retrain it');
  if (model.weights.length !== names.length)
    throw new Error(`incident model: ${model.weights.length} weights for ${names.length} features`);
  if (model.answer.weights.length !== model.answer.dimensions)
    throw new Error(
      `incident model: ${model.answer.weights.length} answer weights for ${model.answer.dimensions} dimensions`,
    );
  return model;
}

/** One sentence's features, in the order of `incidentFeatureNames`. */
export function sentenceIncidentFeatures(s: GradableSentence, vectors: WordVectors): number[] {
  const meaning = sentenceMeaning(s.normalized, vectors);
  return [
    ...(meaning ? [...meaning.mean, ...meaning.max] : new Array<number>(2 * vectors.dimensions).fill(0)),
    Math.log1p(s.incidentWords.length),
    Math.log1p(s.genericWords),
    Math.min(2 * STRONG_CUE, s.incidentCueWeight) / (2 * STRONG_CUE),
    Math.min(2 * STRONG_CUE, s.lastingCueWeight) / (2 * STRONG_CUE),
    s.past ? 1 : 0,
  ];
}

/** The probability that a sentence tells part of an incident, from its features. */
export function sentenceIncidentProbability(model: IncidentModel, features: readonly number[]): number {
  const z = features.reduce((a, x, i) => a + x * (model.weights[i] ?? 0), model.bias);
  return 1 / (1 + Math.exp(-z));
}

/** The probability that each sentence tells part of an incident. */
export function sentenceProbabilities(
  model: IncidentModel,
  sentences: readonly GradableSentence[],
  vectors: WordVectors,
): number[] {
  return sentences.map((s) => sentenceIncidentProbability(model, sentenceIncidentFeatures(s, vectors)));
}

/** The mean of the `top` highest probabilities: an answer's score. */
export function topMean(probabilities: readonly number[], top: number): number {
  const best = [...probabilities].sort((a, b) => b - a).slice(0, top);
  return best.length === 0 ? 0 : best.reduce((a, p) => a + p, 0) / best.length;
}

/** The mean of the vectors present, or null when none is. */
export function meanVector(vectors: ReadonlyArray<ArrayLike<number> | null>, dimensions: number): Float32Array | null {
  const present = vectors.filter((v): v is ArrayLike<number> => v !== null);
  if (present.length === 0) return null;
  const mean = new Float32Array(dimensions);
  for (const v of present) for (let k = 0; k < dimensions; k++) mean[k] = (mean[k] ?? 0) + (v[k] ?? 0) / present.length;
  return mean;
}

/**
 * The probability that an answer is an incident story, read from the mean of its sentences'
 * vectors; null when none of its sentences has one (live pacing, a document, an old take).
 */
export function answerIncidentProbability(
  answer: AnswerReading,
  vectors: ReadonlyArray<ArrayLike<number> | null>,
): number | null {
  const mean = meanVector(vectors, answer.dimensions);
  if (!mean) return null;
  const z = answer.weights.reduce((a, w, k) => a + w * (mean[k] ?? 0), answer.bias);
  return 1 / (1 + Math.exp(-z));
}
