/**
 * The coaching engine's entry point: transcript in, complete Analysis out. Pure and synchronous.
 */
import type { Transcript } from '../transcript/types';
import { assessCommonFailures, assessConstraints, assessTier } from './assess';
import { budgetForLength, MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS, nearestStandardLength } from './budget';
import { classifySentences, DEFAULT_CLASSIFIER_MODEL, type ClassifiedSentence } from './classify';
import { measureDelivery } from './delivery';
import { vectorsOf } from './meaning-model';
import { readFacts, type StoryFacts } from './facts';
import { buildFeedback, notGradedFeedback } from './feedback';
import { assessGradability, gradableSentence } from './gradable';
import { assessRubric } from './rubric';
import { segmentTranscript, type Segmentation } from './segment';
import { SHIPPED_INCIDENT_MODEL } from './shipped-incident-model';
import { SHIPPED_WORD_VECTORS } from './shipped-word-vectors';
import { buildTimeline, layerStats } from './timeline';
import {
  ANALYSIS_VERSION,
  type Analysis,
  type AnalysisOptions,
  type AnalyzedSentence,
  type NotGradedReason,
} from './types';
import { fillWorksheet } from './worksheet';

export class EmptyTranscriptError extends Error {
  override name = 'EmptyTranscriptError';
}

type SegmentedSentence = Segmentation['sentences'][number];

/** Segmented sentences with their layers: what every later step reads. */
interface LabelledStory {
  words: Segmentation['words'];
  raw: SegmentedSentence[];
  classified: ClassifiedSentence[];
  sentences: AnalyzedSentence[];
}

function analyzedSentence(s: SegmentedSentence, c: ClassifiedSentence): AnalyzedSentence {
  return {
    index: s.index,
    text: s.text,
    start: round3(s.start),
    end: round3(s.end),
    wordCount: s.wordEnd - s.wordStart,
    wordStart: s.wordStart,
    wordEnd: s.wordEnd,
    layer: c.layer,
    confidence: c.confidence,
    explicitMarker: c.explicitMarker,
    evidence: c.evidence,
    probabilities: c.probabilities,
  };
}

function segmented(transcript: Transcript, options: AnalysisOptions): Segmentation {
  return segmentTranscript(transcript, {
    sentenceGapSec: options.sentenceGapSec,
    segmentsAreSentences: options.segmentsAreSentences,
  });
}

/** The sentences the engine will label, as it cuts them: what a sentence encoder must read. */
export function sentenceTexts(transcript: Transcript, options: AnalysisOptions = {}): string[] {
  return segmented(transcript, options).sentences.map((s) => s.text);
}

function labelSentences(transcript: Transcript, options: AnalysisOptions): LabelledStory {
  const { words, sentences: raw } = segmented(transcript, options);
  if (raw.length === 0) throw new EmptyTranscriptError('The transcript has no words to analyse.');

  const classified = classifySentences(
    raw.map((s) => s.text),
    options.layerOverrides ?? {},
    DEFAULT_CLASSIFIER_MODEL,
    raw.map((s) => s.continues === true),
    options.segmentsAreSentences ? (options.structure ?? []) : [],
    options.sentenceVectors,
  );
  const sentences = raw.map((s, i) => {
    const c = classified[i];
    if (!c) throw new Error(`internal: no classification for sentence ${i}`);
    return analyzedSentence(s, c);
  });
  return { words, raw, classified, sentences };
}

function storyFacts({ raw, classified, sentences }: LabelledStory): StoryFacts {
  return readFacts(
    sentences.map((s, i) => ({
      sentence: s,
      text: classified[i]?.normalized ?? '',
      hits: classified[i]?.hits ?? [],
      continues: raw[i]?.continues === true,
    })),
  );
}

/** Why the answer cannot be graded as an incident story, or null when it can. */
function notGradedReason({ words, raw, classified }: LabelledStory, options: AnalysisOptions): NotGradedReason | null {
  const model = SHIPPED_INCIDENT_MODEL;
  return assessGradability(classified.map(gradableSentence), words.length, {
    model,
    vectors: SHIPPED_WORD_VECTORS,
    ...(options.sentenceVectors
      ? {
          sentenceVectors: vectorsOf(
            raw.map((s) => s.text),
            options.sentenceVectors,
            model.answer.dimensions,
          ),
        }
      : {}),
  });
}

export function analyzeTranscript(transcript: Transcript, options: AnalysisOptions = {}): Analysis {
  const story = labelSentences(transcript, options);
  const { words, sentences } = story;
  const layers = layerStats(sentences);
  const timeline = buildTimeline(sentences, layers, transcript.durationSec);
  const facts = storyFacts(story);
  const refused = notGradedReason(story, options);
  const overruled = refused?.disputable === true && options.incidentConfirmed === true ? refused : null;
  const reason = overruled ? null : refused;
  const constraints = assessConstraints(sentences, layers, facts);
  const timesEstimated = transcript.timesEstimated === true;
  const delivery = measureDelivery(sentences, words, {
    timesEstimated,
    pauseThresholdSec: options.pauseThresholdSec,
  });
  const lengthSeconds = chooseLength(options.lengthSeconds, timeline.speakingSeconds);
  const graded = reason ? null : gradeStory(sentences, layers, facts, constraints, delivery, lengthSeconds);
  // An ungraded answer still gets its common failures, read against a rubric nobody is shown.
  const commonFailures =
    graded?.commonFailures ??
    assessCommonFailures(sentences, layers, assessRubric({ sentences, layers, facts }).rubric, facts);
  const feedback = graded?.feedback ?? notGradedFeedback(reason, sentences, layers, lengthSeconds, facts);

  return {
    version: ANALYSIS_VERSION,
    language: transcript.language ?? null,
    timesEstimated,
    lengthSeconds,
    sentences,
    layers,
    timeline,
    gradable: graded !== null,
    reason,
    overruled,
    rubric: graded?.rubric ?? null,
    constraints,
    commonFailures,
    tier: graded?.tierDetail.tier ?? null,
    tierDetail: graded?.tierDetail ?? null,
    worksheet: fillWorksheet(sentences, facts),
    delivery,
    budget: budgetForLength(lengthSeconds),
    feedback,
  };
}

/** The rubric, tier, common failures and advice of a story that can be graded. */
function gradeStory(
  sentences: AnalyzedSentence[],
  layers: Analysis['layers'],
  facts: StoryFacts,
  constraints: Analysis['constraints'],
  delivery: Analysis['delivery'],
  lengthSeconds: number,
) {
  const { rubric } = assessRubric({ sentences, layers, facts });
  const commonFailures = assessCommonFailures(sentences, layers, rubric, facts);
  const tierDetail = assessTier(rubric, facts, layers);
  const feedback = buildFeedback({
    sentences,
    layers,
    rubric,
    constraints,
    failures: commonFailures,
    tier: tierDetail,
    facts,
    delivery,
    lengthSeconds,
  });
  return { rubric, commonFailures, tierDetail, feedback };
}

function chooseLength(requested: number | undefined, spoken: number): number {
  if (requested !== undefined) {
    if (!Number.isFinite(requested) || requested < MIN_ANSWER_SECONDS || requested > MAX_ANSWER_SECONDS) {
      throw new RangeError(`Answer length must be between ${MIN_ANSWER_SECONDS} and ${MAX_ANSWER_SECONDS} seconds.`);
    }
    return Math.round(requested);
  }
  return nearestStandardLength(spoken);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
