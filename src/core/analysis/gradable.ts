/**
 * Whether an answer can be graded as an incident story at all. A tier for a recipe, a product
 * pitch, a leadership story with no incident or three words would be a lie, so the engine says
 * what is missing instead:
 *
 * - too short: fewer than MIN_WORDS words (the lesson's own one-line Senior story has 16);
 * - what would happen: two thirds of its sentences are in the conditional ("if the primary went
 *   down, I'd…"), a plan or a hypothetical rather than something that happened;
 * - spoken to the listener: a third of its sentences say "your" or "you can" and at most a third
 *   tell something that happened, as a pitch, an advert, a job ad or a guide does;
 * - instructions: a third of its sentences open with a verb telling the reader what to do and at
 *   most a third tell something that happened, as a runbook or a checklist does;
 * - nothing told: at most one sentence in ten tells something that happened or says when, unless
 *   people act in a third of them and they lean to an incident (a story told in the present);
 * - notes: half its lines open with a label, a person acts in at most one in ten and at most half
 *   tell something that happened, as an agenda, minutes or a form do;
 * - not an incident: none of four things holds.
 *   1. Its `top` most incident-like sentences read, on average, to the learned incident model
 *      (incident-model.ts) as telling what broke, who noticed, the cause or the recovery.
 *   2. It tells something that happened (a sentence in the past tense, or one that says when,
 *      as a story told aloud in the present does) and names at least MIN_TOLD_WORDS distinct
 *      words of an incident (incident-words.ts): a story the model doubts but that plainly says
 *      what broke.
 *   3. One sentence says detection, cause or recovery outright (PLAIN_CUE: "we rolled back
 *      within the hour") and the model leans to incident on some sentence: the lesson's own
 *      advice gives the recovery one sentence and the fix and the lesson the rest.
 *   4. The answer reading over sentence vectors (where the back end has them) is sure the whole
 *      answer is an incident story (SURE_ANSWER) and its sentences lean to incident on average:
 *      a short story told in plain words ("the clocks changed and every reminder went out an hour
 *      wrong") has no single sure sentence and fewer than two incident words.
 */
import type { ClassifiedSentence } from './classify';
import {
  answerIncidentProbability,
  sentenceProbabilities,
  topMean,
  type GradableSentence,
  type IncidentModel,
} from './incident-model';
import {
  anchorsInTime,
  genericWords,
  incidentWords,
  instructsReader,
  opensWithLabel,
  personActs,
  speaksToListener,
  tellsWhatWould,
  toldWithBareVerb,
} from './incident-words';
import { toldAsEvent, toldAsPast } from './discourse';
import type { Layer } from './layers';
import type { NotGradedReason } from './types';
import type { WordVectors } from './word-vectors';

const MIN_WORDS = 12;
/** Distinct incident words that make an answer telling a past event an incident story whatever the model says. */
const MIN_TOLD_WORDS = 2;
/**
 * A sentence whose cues say detection, cause or recovery twice over ("we rolled back within the
 * hour") is enough when the model also leans to incident on it.
 */
const PLAIN_CUE = 3;
const LEANS = 0.5;
/**
 * Cross-validated (five folds, the answer reading fitted without the answer it reads), an answer
 * reading of 0.9 or more with the sentences leaning to incident graded a third of the incident
 * stories the other three ways refuse (1,757 → 1,762 of 1,772 when it was set), and none of the
 * 206 other answers.
 */
const SURE_ANSWER = 0.9;
/**
 * An answer the answer reading doubts (under 0.15) is refused unless its sentences are plainly an
 * incident's (their top mean at 0.8 or more), or it says a layer outright and names two incident
 * words: planned work and reports full of operations words have sentences that each look like part
 * of an incident, but rarely two that read as one for sure. The second exception keeps the answer
 * the lesson closes on (one sentence of recovery, "we rolled back within the hour", then the fix
 * and the lesson), which reads 0.09. Cross-validated, it refused 121 → 144 of the 206 other answers
 * and graded every incident story it graded before (1,762 of 1,772).
 */
const DOUBTFUL_ANSWER = 0.15;
const SURE_SENTENCES = 0.8;
/**
 * An answer two thirds of whose sentences are in the conditional tells what the speaker would do,
 * not what happened. Of the labelled incident stories, written and real (1,772, spoken ones with
 * their "if" and "could"), and the 52 hard ones held back, none goes over half as typed, and one
 * short spoken story reaches three in five when its transcript has no punctuation.
 */
const MOSTLY_CONDITIONAL = 2 / 3;
/**
 * An answer at least a third of whose sentences speak to the listener ("your on-call", "you can
 * see") and at most a third of which tell something that happened is a pitch, an advert, a job ad
 * or a guide. Of the labelled incident stories, written and real (1,780), and the 52 hard ones
 * held back, every one that speaks to the listener that often (customer notices, status-page
 * apologies: "your card was charged twice") tells what happened in 0.43 of its sentences or more.
 */
const ADDRESSES_LISTENER = 1 / 3;
const LITTLE_TOLD = 1 / 3;
/**
 * An answer at least a third of whose sentences tell the reader what to do ("Open the dashboard",
 * "Drain the region") and at most a third of which tell something that happened is a runbook, a
 * checklist or a guide. Of the labelled incident stories, written, real and the postmortem
 * documents typed with their headings and lists (1,796), those that tell so little (a third or
 * less) open at most one sentence in nine with an instruction, and the one that gives a third of
 * its sentences to instructions (action items) tells what happened in 0.45 of them.
 */
const INSTRUCTS_READER = 1 / 3;

/**
 * An answer in which at most one sentence in ten tells something that happened or says when, and
 * that is not told in the present by the people in it (PEOPLE_ACT), is instructions, an
 * explanation or a description. Of
 * the labelled incident stories, written and real (1,772), and the 52 hard ones held back, the
 * fewest that tell an event is two sentences in fifteen (a spoken story told in the present); 43
 * of the 404 other answers of corpus/not-incident are at one in ten or fewer (27 when a participle
 * that describes, "a distributed phone book", "is signed by", counted as an event).
 */
const NOTHING_TOLD = 1 / 10;
/**
 * An answer that tells nothing by its tenses is still a story told in the present when a person is
 * the subject of a third of its sentences ("I open the logs", "we roll back", "support pings me")
 * and its sentences lean to an incident.
 */
const PEOPLE_ACT = 1 / 3;
/**
 * An answer half of whose lines open with a label other than a part of an incident ("Pages this
 * week: 2", "Order store: primary in region A"; not "Root cause:" or "Impact:", a postmortem's
 * fields), in at most one sentence in ten of which a person acts and at most half of which tell
 * something that happened, is notes: an agenda, minutes, a review, a form or a glossary. Of the
 * labelled incident stories, written, real and the typed postmortem documents (1,796), three open
 * 0.4 of their lines or more with such a label, and each tells what happened in 0.8 of them or
 * more; those in which nobody acts and that tell little label at most 0.29 of their lines.
 */
const LABELLED_LINES = 1 / 2;
const NOBODY_ACTS = 1 / 10;
const HALF_TOLD = 1 / 2;

/** Layers only an incident has, and layers any story of work has ("we set up a weekly review", "I learned"). */
const INCIDENT_LAYERS: ReadonlySet<Layer> = new Set(['detection', 'attribution', 'mitigation']);
const LASTING_LAYERS: ReadonlySet<Layer> = new Set(['structural_fix', 'system_learning']);

/** What the check reads of a classified sentence. */
export function gradableSentence(c: Pick<ClassifiedSentence, 'normalized' | 'hits'>): GradableSentence {
  const weight = (layers: ReadonlySet<Layer>) =>
    c.hits.filter((h) => layers.has(h.cue.layer)).reduce((a, h) => a + h.weight, 0);
  return {
    normalized: c.normalized,
    incidentWords: incidentWords(c.normalized),
    genericWords: genericWords(c.normalized).length,
    past: toldAsPast(c.normalized),
    event: toldAsEvent(c.normalized) || toldWithBareVerb(c.normalized),
    anchored: anchorsInTime(c.normalized),
    conditional: tellsWhatWould(c.normalized),
    addressesListener: speaksToListener(c.normalized),
    instructs: instructsReader(c.normalized),
    personActs: personActs(c.normalized),
    labelled: opensWithLabel(c.normalized),
    incidentCueWeight: weight(INCIDENT_LAYERS),
    lastingCueWeight: weight(LASTING_LAYERS),
  };
}

/** A sentence that tells something that happened, or says when it did. */
const tellsOrDates = (s: GradableSentence): boolean => s.event || s.anchored;

/** How many different incident words the answer names, in all its sentences. */
function distinctIncidentWords(sentences: readonly GradableSentence[]): number {
  return new Set(sentences.flatMap((s) => s.incidentWords)).size;
}

/** What the answer plainly tells: its distinct incident words (none unless it tells a past event), and its strongest cue of detection, cause or recovery. */
export interface Told {
  words: number;
  cue: number;
}

export function toldIncident(sentences: readonly GradableSentence[]): Told {
  return {
    // A story told in the present ("I run it on production, the pager goes off") still counts
    // once some sentence tells what happened or says when; a pitch or a manual does neither.
    words: sentences.some(tellsOrDates) ? distinctIncidentWords(sentences) : 0,
    cue: Math.max(0, ...sentences.map((s) => s.incidentCueWeight)),
  };
}

/** The thresholds the judgement reads: the sentence model's, and the answer reading's. */
type Lines = Pick<IncidentModel, 'top' | 'threshold'> & { answer: { threshold: number } };

/**
 * Whether an answer whose sentences have these probabilities, that tells this and whose whole
 * reads `answer` to the answer reading (null: not read) is an incident story.
 */
function judgedIncident(
  probabilities: readonly number[],
  told: Told,
  model: Pick<IncidentModel, 'top' | 'threshold'>,
  answer: number | null = null,
): boolean {
  return (
    topMean(probabilities, model.top) >= model.threshold ||
    told.words >= MIN_TOLD_WORDS ||
    (told.cue >= PLAIN_CUE && topMean(probabilities, 1) >= LEANS) ||
    (answer !== null && answer >= SURE_ANSWER && topMean(probabilities, model.top) >= LEANS)
  );
}

/**
 * Whether the answer reading (`answer`) refuses an answer the sentences accepted: always under its
 * threshold, and under DOUBTFUL_ANSWER unless the sentences (their `top` mean) are sure or the
 * answer plainly tells an incident (a layer said outright and two incident words).
 */
export function answerVetoes(probabilities: readonly number[], told: Told, answer: number, model: Lines): boolean {
  if (answer < model.answer.threshold) return true;
  const plain = told.cue >= PLAIN_CUE && told.words >= MIN_TOLD_WORDS;
  return answer < DOUBTFUL_ANSWER && !plain && topMean(probabilities, model.top) < SURE_SENTENCES;
}

/**
 * The judgement of the app and of the trainer's cross-validation alike: an incident story, or
 * which reading refuses it (no sentence tells one, or the whole reads as something else).
 */
export type IncidentVerdict = 'incident' | 'no_incident_sentence' | 'whole_reads_otherwise';

export function incidentVerdict(
  probabilities: readonly number[],
  told: Told,
  answer: number | null,
  model: Lines,
): IncidentVerdict {
  if (!judgedIncident(probabilities, told, model, answer)) return 'no_incident_sentence';
  if (answer !== null && answerVetoes(probabilities, told, answer, model)) return 'whole_reads_otherwise';
  return 'incident';
}

/** The learned model that judges, and the word vectors its features read. */
export interface IncidentJudge {
  model: IncidentModel;
  vectors: WordVectors;
  /** The sentence encoder's vectors of the answer's sentences, where the back end has them. */
  sentenceVectors?: ReadonlyArray<ArrayLike<number> | null>;
}

const NOT_INCIDENT_NEXT =
  'Pick a real incident you owned and tell it: what went wrong and its impact, how you found out, the cause, the recovery, the lasting fix and the lesson.';

/** How many of the answer's sentences have a reading: the form checks weigh it against their length. */
function countOf(sentences: readonly GradableSentence[], has: (s: GradableSentence) => boolean): number {
  return sentences.filter(has).length;
}

/** Whether the answer mostly speaks to its listener and tells little that happened. */
export function pitchedAtListener(sentences: readonly GradableSentence[]): boolean {
  return (
    countOf(sentences, (s) => s.addressesListener) >= ADDRESSES_LISTENER * sentences.length &&
    countOf(sentences, (s) => s.event) <= LITTLE_TOLD * sentences.length
  );
}

/** Whether the answer mostly tells its reader what to do and tells little that happened. */
function readsAsInstructions(sentences: readonly GradableSentence[]): boolean {
  return (
    countOf(sentences, (s) => s.instructs) >= INSTRUCTS_READER * sentences.length &&
    countOf(sentences, tellsOrDates) <= LITTLE_TOLD * sentences.length
  );
}

/** Whether people act in a good share of the answer's sentences and its sentences lean to an incident. */
function narratedInPresent(
  sentences: readonly GradableSentence[],
  probabilities: readonly number[],
  top: number,
): boolean {
  return peopleAct(sentences) && topMean(probabilities, top) >= LEANS;
}

/** Whether a person is the subject of a good share of the answer's sentences. */
function peopleAct(sentences: readonly GradableSentence[]): boolean {
  return countOf(sentences, (s) => s.personActs) >= PEOPLE_ACT * sentences.length;
}

/** Whether the answer is mostly labelled lines nobody acts in that tell little: notes, minutes or a form. */
export function readsAsNotes(sentences: readonly GradableSentence[]): boolean {
  const n = sentences.length;
  return (
    countOf(sentences, (s) => s.labelled) >= LABELLED_LINES * n &&
    countOf(sentences, (s) => s.personActs) <= NOBODY_ACTS * n &&
    countOf(sentences, tellsOrDates) <= HALF_TOLD * n
  );
}

/** Whether almost none of the answer's sentences tells something that happened or says when. */
export function tellsNothing(sentences: readonly GradableSentence[]): boolean {
  return countOf(sentences, tellsOrDates) <= NOTHING_TOLD * sentences.length;
}

/** What a form check reads: the sentences, the sentence model's probabilities and how many of them it averages. */
type FormCheck = (sentences: readonly GradableSentence[], probabilities: readonly number[], top: number) => boolean;

/** Whether the speaker may overrule a form check by saying the answer is an incident story. */
type Disputable = (sentences: readonly GradableSentence[]) => boolean;
const NEVER: Disputable = () => false;

/**
 * The answers refused by how they are told, in the order they are tried, each with what the
 * speaker is told. The first that holds gives the reason.
 */
const FORMS: ReadonlyArray<{ refuses: FormCheck; message: string; disputable: Disputable }> = [
  {
    refuses: (sentences) => countOf(sentences, (s) => s.conditional) >= MOSTLY_CONDITIONAL * sentences.length,
    message:
      'This reads as what you would do, not as something that happened: most of its sentences say what would or might happen.',
    disputable: NEVER,
  },
  {
    refuses: pitchedAtListener,
    message:
      'This reads as speaking to the listener about what something does for them, like a pitch, an advert or a guide: it tells little that happened.',
    disputable: NEVER,
  },
  {
    refuses: readsAsInstructions,
    message:
      'This reads as instructions (a runbook, a checklist, a recipe or a guide), not a story: many of its sentences tell the reader what to do, and few tell something that happened.',
    disputable: NEVER,
  },
  {
    // A story told wholly in the present with no "when" ("checkout starts throwing errors, we roll
    // back"; "I stop the job, restore the table") has no event by these words, but people acting
    // in it and sentences that lean to an incident. A ticket list names things and nobody acts in
    // it, however sure the model is of its titles.
    refuses: (sentences, probabilities, top) =>
      tellsNothing(sentences) && !narratedInPresent(sentences, probabilities, top),
    message:
      'This reads as instructions, an explanation or a description, not a story: almost none of its sentences tells something that happened or says when.',
    // A story told in the present by someone still learning English can read this way, as long
    // as people act in it: filler text or a description, in which nobody does, cannot.
    disputable: peopleAct,
  },
  {
    refuses: readsAsNotes,
    message:
      'This reads as notes (an agenda, minutes, a report, a form or a glossary), not a story: most of its lines are labels and fragments, nobody acts in them, and few tell something that happened.',
    // A postmortem's timeline of fragments can read this way, as long as it names what broke.
    disputable: (sentences) => distinctIncidentWords(sentences) >= MIN_TOLD_WORDS,
  },
];

/** What the speaker is told when the incident readings refuse the answer. */
const VERDICT_MESSAGES: Readonly<Record<Exclude<IncidentVerdict, 'incident'>, string>> = {
  no_incident_sentence:
    'This does not read as an incident story: no sentence clearly tells of a system that broke, who noticed, or how it was put right.',
  whole_reads_otherwise:
    'This does not read as an incident story: it speaks of systems and operations, but as a whole it reads like planned work, an explanation, a guide or a report, not something that broke and was put right.',
};

/** Why the answer cannot be graded and what to do, or null when it can be graded. */
export function assessGradability(
  sentences: readonly GradableSentence[],
  wordCount: number,
  judge: IncidentJudge,
): NotGradedReason | null {
  if (wordCount < MIN_WORDS) {
    return {
      code: 'too_short',
      message: `The answer has ${wordCount} word${wordCount === 1 ? '' : 's'}: too short to judge as an incident story.`,
      next: 'Tell the whole story: what broke and its impact, how you found out, the cause, how you restored service, what you changed so it cannot recur, and what you learned.',
      disputable: false,
    };
  }
  const probabilities = sentenceProbabilities(judge.model, sentences, judge.vectors);
  const form = FORMS.find((f) => f.refuses(sentences, probabilities, judge.model.top));
  if (form)
    return {
      code: 'not_incident',
      message: form.message,
      next: NOT_INCIDENT_NEXT,
      disputable: form.disputable(sentences),
    };
  const whole = judge.sentenceVectors ? answerIncidentProbability(judge.model.answer, judge.sentenceVectors) : null;
  const verdict = incidentVerdict(probabilities, toldIncident(sentences), whole, judge.model);
  return verdict === 'incident'
    ? null
    : { code: 'not_incident', message: VERDICT_MESSAGES[verdict], next: NOT_INCIDENT_NEXT, disputable: true };
}
