/**
 * The engine's output, described once in zod: ./types.ts derives every output type from these
 * schemas, and stored sessions, the contract and the exporters validate with them an Analysis
 * they did not compute. All times are seconds from the start of the recording; all quotes point
 * back at a sentence.
 */
import { z } from 'zod';
import { LAYERS, OUTLINE_LAYERS, STORY_LAYERS, type Layer } from './layers';

/** Bump when the JSON shape changes incompatibly (stored sessions carry it). */
export const ANALYSIS_VERSION = 1 as const;

export const RUBRIC_LEVELS = ['weak', 'passing', 'strong', 'staff_bar'] as const;

export const TIERS = ['senior', 'staff', 'l7'] as const;

export const RUBRIC_DIMENSIONS = [
  'layer_balance',
  'structural_fix_specificity',
  'system_learning',
  'honesty_about_detection',
] as const;

export const CONSTRAINT_KEYS = [
  'mitigation_at_most_two_sentences',
  'structural_fix_names_continuing_artifact',
  'system_learning_applied_elsewhere',
  'detection_gap_or_prior_near_miss_owned',
] as const;

/** The lesson's five common failures. */
const COMMON_FAILURE_KEYS = [
  'mitigation_dominates',
  'vague_structural_fix',
  'skipped_system_learning',
  'polished_detection',
  'closed_past_event',
] as const;

export const LayerSchema = z.enum(LAYERS);
const StoryLayerSchema = z.enum(STORY_LAYERS);
const OutlineLayerSchema = z.enum(OUTLINE_LAYERS);
export const RubricLevelSchema = z.enum(RUBRIC_LEVELS);
export const TierSchema = z.enum(TIERS);
export const RubricDimensionSchema = z.enum(RUBRIC_DIMENSIONS);
export const ConstraintKeySchema = z.enum(CONSTRAINT_KEYS);
const CommonFailureKeySchema = z.enum(COMMON_FAILURE_KEYS);

/** An object with exactly one entry per layer (explicit keys: exhaustive in every zod version). */
function layerRecord<T extends z.ZodType>(value: T) {
  return z.object({
    headline: value,
    detection: value,
    attribution: value,
    mitigation: value,
    structural_fix: value,
    system_learning: value,
    other: value,
  } satisfies Record<Layer, T>);
}

const seconds = z.number().finite().nonnegative();
const share = z.number().finite().min(0).max(1);
const count = z.number().int().nonnegative();

/** A pointer to (part of) a sentence, used wherever the engine cites the user's own words. */
export const QuoteSchema = z.object({
  sentenceIndex: count,
  text: z.string(),
  start: seconds,
  end: seconds,
  layer: LayerSchema,
});

// ---------------------------------------------------------------------------------------------
// Sentences and their layers
// ---------------------------------------------------------------------------------------------

const EvidenceKindSchema = z.enum([
  /** The speaker named the layer ("Detection —", "layer four", "(L4)"). */
  'explicit_marker',
  /** The speaker named a layer but the content belongs elsewhere; the label follows the content. */
  'marker_overruled',
  /** A phrase typical of the layer ("rolled back", "now blocks the deploy"). */
  'cue',
  /** Where the sentence sits (opening line, closing line). */
  'position',
  /** Follows from its neighbours (continues the section before it). */
  'context',
  /** The user set the layer by hand in the results view (corrections). */
  'corrected',
  /** A document's section heading (or checklist) suggests the layer of what sits under it. */
  'section',
]);

export const SentenceEvidenceSchema = z.object({
  kind: EvidenceKindSchema,
  /** One short sentence a user understands, e.g. 'Describes restoring service: "rolled back"'. */
  text: z.string(),
  /** The words of the sentence that triggered it, when there are some. */
  phrase: z.string().optional(),
  /** Which layer this piece of evidence points to (may differ from the chosen layer). */
  layer: LayerSchema,
});

export const AnalyzedSentenceSchema = z.object({
  index: count,
  text: z.string(),
  start: seconds,
  end: seconds,
  wordCount: count,
  /** Indexes into the flattened word list of the transcript (inclusive start, exclusive end). */
  wordStart: count,
  wordEnd: count,
  layer: LayerSchema,
  /** Posterior probability of `layer` from sequence decoding, 0-1. */
  confidence: share,
  /** The layer the speaker announced for this sentence, if any (may differ from `layer`). */
  explicitMarker: LayerSchema.nullable(),
  /** Why the engine chose `layer`, strongest first. */
  evidence: z.array(SentenceEvidenceSchema),
  /** Posterior probability of every layer (sums to ~1); the UI shows alternatives from it. */
  probabilities: layerRecord(share),
});

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export const LayerStatsSchema = z.object({
  layer: LayerSchema,
  /** Speaking seconds of the layer's sentences (pauses between sentences excluded). */
  seconds,
  /** seconds / total speaking seconds, 0-1. */
  share,
  sentences: count,
  words: count,
  /** Start of the layer's first sentence, or null when the layer is absent. */
  firstStart: seconds.nullable(),
  /** End of the layer's last sentence, or null when the layer is absent. */
  lastEnd: seconds.nullable(),
  /** 1-based order of first appearance among present layers, or null when absent. */
  order: z.number().int().positive().nullable(),
});

/** A maximal run of consecutive sentences with the same layer (what the timeline bar draws). */
export const LayerSpanSchema = z.object({
  layer: LayerSchema,
  start: seconds,
  end: seconds,
  firstSentence: count,
  lastSentence: count,
});

export const OutOfOrderLayerSchema = z.object({
  layer: StoryLayerSchema,
  /** The layer that appeared before it although it belongs later in the canonical order. */
  after: LayerSchema,
  /** Sentence where the out-of-order layer first appears. */
  sentenceIndex: count,
  message: z.string(),
});

export const TimelineSchema = z.object({
  spans: z.array(LayerSpanSchema),
  /** Story layers (1-5) in the order they first appear. */
  order: z.array(StoryLayerSchema),
  /** Story layers (1-5) with no sentence at all. */
  missing: z.array(StoryLayerSchema),
  outOfOrder: z.array(OutOfOrderLayerSchema),
  /** Mitigation seconds / structural-fix seconds; null when there is no structural fix. */
  mitigationToStructuralFixRatio: z.number().finite().nonnegative().nullable(),
  /** Sum of sentence durations. */
  speakingSeconds: seconds,
  /** From the first word to the end of the recording (or the last word). */
  totalSeconds: seconds,
});

// ---------------------------------------------------------------------------------------------
// Rubric, constraints, common failures, tier
// ---------------------------------------------------------------------------------------------

export const RubricScoreSchema = z.object({
  dimension: RubricDimensionSchema,
  /** Display name, e.g. "Layer balance". */
  title: z.string(),
  level: RubricLevelSchema,
  /** Why this level, one or two sentences. */
  reason: z.string(),
  /** The sentences that earned (or capped) the level. */
  evidence: z.array(QuoteSchema),
  /** The next level up, or null at staff bar. */
  nextLevel: RubricLevelSchema.nullable(),
  /** One concrete change that reaches the next level (at staff bar: how to keep it). */
  advice: z.string(),
});

export const RubricSchema = z.object({
  layer_balance: RubricScoreSchema,
  structural_fix_specificity: RubricScoreSchema,
  system_learning: RubricScoreSchema,
  honesty_about_detection: RubricScoreSchema,
});

const ConstraintResultSchema = z.object({
  key: ConstraintKeySchema,
  /** The practice constraint in the app's words. */
  title: z.string(),
  met: z.boolean(),
  detail: z.string(),
  evidence: z.array(QuoteSchema),
});

export const ConstraintsSchema = z.object({
  mitigation_at_most_two_sentences: ConstraintResultSchema,
  structural_fix_names_continuing_artifact: ConstraintResultSchema,
  system_learning_applied_elsewhere: ConstraintResultSchema,
  detection_gap_or_prior_near_miss_owned: ConstraintResultSchema,
});

const CommonFailureSchema = z.object({
  key: CommonFailureKeySchema,
  title: z.string(),
  detected: z.boolean(),
  detail: z.string(),
  evidence: z.array(QuoteSchema),
});

export const CommonFailuresSchema = z.object({
  mitigation_dominates: CommonFailureSchema,
  vague_structural_fix: CommonFailureSchema,
  skipped_system_learning: CommonFailureSchema,
  polished_detection: CommonFailureSchema,
  closed_past_event: CommonFailureSchema,
});

export const TierResultSchema = z.object({
  tier: TierSchema,
  reasons: z.array(z.string()),
  /** What would move the story to the next tier, or null at l7. */
  toReachNext: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Worksheet
// ---------------------------------------------------------------------------------------------

export const WorksheetItemSchema = z.object({
  /** Stable id, e.g. "detection.latency" (the UI stores manual ticks against it). */
  id: z.string(),
  layer: StoryLayerSchema,
  question: z.string(),
  found: z.boolean(),
  quote: QuoteSchema.nullable(),
  /** Short hint when not found, or a remark on what was found. */
  note: z.string(),
});

export const WorksheetSectionSchema = z.object({
  layer: StoryLayerSchema,
  title: z.string(),
  items: z.array(WorksheetItemSchema),
});

export const WorksheetSchema = z.array(WorksheetSectionSchema);

// ---------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------

export const DeliveryStatsSchema = z.object({
  words: count,
  seconds,
  /** Words per minute, or null when there is no speaking time. */
  wordsPerMinute: z.number().finite().nonnegative().nullable(),
  fillers: count,
  fillersPer100Words: z.number().finite().nonnegative(),
  /** Count per filler form, e.g. { um: 3, "you know": 1 }. */
  fillerCounts: z.record(z.string(), count),
  hedges: count,
  hedgeCounts: z.record(z.string(), count),
  /** First-person singular (I, me, my, I've...). */
  iCount: count,
  /** First-person plural (we, us, our, we've...). */
  weCount: count,
  /** iCount / (iCount + weCount), or null when neither is used. */
  iShare: share.nullable(),
});

export const PauseSchema = z.object({
  start: seconds,
  end: seconds,
  seconds,
  /** Sentence the pause follows (or sits inside). */
  sentenceIndex: count,
  /** True when the pause falls inside a sentence (mid-thought), false when between sentences. */
  withinSentence: z.boolean(),
  /** Layer of the sentence before the pause and of the sentence after it. */
  layerBefore: LayerSchema,
  layerAfter: LayerSchema,
});

export const DeliverySchema = z.object({
  overall: DeliveryStatsSchema,
  perLayer: layerRecord(DeliveryStatsSchema),
  pauseThresholdSec: z.number().finite().positive(),
  pauses: z.array(PauseSchema),
  longestPause: PauseSchema.nullable(),
  /** Sentences with a hedge, for the UI to show in context. */
  hedgeQuotes: z.array(QuoteSchema),
  /** True when times were estimated (typed answer): pace and pauses are then not measured. */
  timesEstimated: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Budget and feedback
// ---------------------------------------------------------------------------------------------

/** Per-layer target seconds for an answer length (shown before recording). */
export const LayerBudgetSchema = z.object({
  lengthSeconds: z.number().finite().positive(),
  /** Target seconds per layer; `other` is always 0; sums to lengthSeconds. */
  seconds: layerRecord(seconds),
  /** Target number of sentences per layer (mitigation never more than 2). */
  sentences: layerRecord(count),
});

export const FeedbackFixSchema = z.object({
  /** 1 = highest impact. */
  priority: z.number().int().positive(),
  /** Stable id of the kind of fix, e.g. "shrink_mitigation". */
  id: z.string(),
  title: z.string(),
  /** What to change and how, in the app's words. */
  detail: z.string(),
  /** The rubric dimension it raises, when it maps to one. */
  dimension: RubricDimensionSchema.nullable(),
  evidence: z.array(QuoteSchema),
});

const OutlineStepSchema = z.object({
  layer: OutlineLayerSchema,
  targetSeconds: seconds,
  targetSentences: count,
  /** What this part should say, in the app's words. */
  guidance: z.string(),
  /** The user's best sentence for this layer to build on, or null when the layer is missing. */
  fromYourAnswer: QuoteSchema.nullable(),
  /** Seconds the user actually spent on this layer. */
  actualSeconds: seconds,
});

export const OutlineSchema = z.object({
  lengthSeconds: z.number().finite().positive(),
  steps: z.array(OutlineStepSchema),
});

export const FollowUpQuestionSchema = z.object({
  layer: StoryLayerSchema,
  question: z.string(),
  /** Why an interviewer would ask it of this story. */
  why: z.string(),
});

export const FeedbackSchema = z.object({
  /** One-paragraph verdict. */
  summary: z.string(),
  /** At most three, highest impact first. */
  topFixes: z.array(FeedbackFixSchema).max(3),
  outline: OutlineSchema,
  followUp: FollowUpQuestionSchema,
});

// ---------------------------------------------------------------------------------------------
// The whole analysis
// ---------------------------------------------------------------------------------------------

export const NotGradedReasonSchema = z.object({
  code: z.enum(['too_short', 'not_incident']),
  message: z.string(),
  next: z.string(),
  /**
   * Whether the speaker can overrule it by saying it is an incident story: the readings that
   * misread real stories told in few incident words, in the present or in fragments. Not a
   * hypothetical, a pitch, instructions, or an answer too short to judge.
   */
  disputable: z.boolean().default(false),
});

export const AnalysisSchema = z.object({
  version: z.literal(ANALYSIS_VERSION),
  language: z.string().nullable(),
  /** True when times were estimated from a speaking rate (typed answers). */
  timesEstimated: z.boolean(),
  /** Answer length the outline and budget were built for. */
  lengthSeconds: z.number().finite().positive(),
  sentences: z.array(AnalyzedSentenceSchema),
  layers: layerRecord(LayerStatsSchema),
  timeline: TimelineSchema,
  // Analyses saved before gradability existed were all graded.
  /** False when the answer is not an incident story or too short to judge: then no rubric and no tier. */
  gradable: z.boolean().default(true),
  /** Why the answer was not graded, and what to do (null when graded). */
  reason: NotGradedReasonSchema.nullable().default(null),
  /**
   * The check's "not an incident story" that the user overruled by saying it is one: the answer
   * is graded at their word and the page, reports and exports say so. Null when the check itself
   * graded it (or refused it).
   */
  overruled: NotGradedReasonSchema.nullable().default(null),
  rubric: RubricSchema.nullable(),
  constraints: ConstraintsSchema,
  commonFailures: CommonFailuresSchema,
  tier: TierSchema.nullable(),
  tierDetail: TierResultSchema.nullable(),
  worksheet: WorksheetSchema,
  delivery: DeliverySchema,
  budget: LayerBudgetSchema,
  feedback: FeedbackSchema,
});

/** Options as they arrive from the UI or CLI (validated before they reach the engine). */
export const AnalysisOptionsSchema = z.object({
  /** Chosen answer length in seconds for the outline/budget; default: the answer's own length
   *  rounded to a common length (60, 120, 180, 300 s). */
  lengthSeconds: z.number().finite().positive().max(3600).optional(),
  /** Pause length that counts as a long pause (default 1.5 s). */
  pauseThresholdSec: z.number().finite().positive().max(60).optional(),
  /** Silence between words that ends a sentence when no punctuation does (default 1.0 s). */
  sentenceGapSec: z.number().finite().positive().max(60).optional(),
  /**
   * The speaker says the answer is an incident story: grade it even where the check reads it as
   * not one (the check can be wrong about a story told in few incident words). An answer too short
   * to judge is still not graded.
   */
  incidentConfirmed: z.boolean().optional(),
});
