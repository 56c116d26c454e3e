/**
 * Output model of the coaching engine. The UI, the exporters and the CLI's `--json` all build on
 * these types; `schema.ts` mirrors them with zod (and a compile-time check keeps both in step).
 * All times are seconds from the start of the recording; all quotes point back at a sentence.
 */
import type { Transcript } from '../transcript/types';
import type { Layer, OutlineLayer, StoryLayer } from './layers';

export type { Layer, OutlineLayer, StoryLayer } from './layers';

/** Bump when the JSON shape changes incompatibly (stored sessions carry it). */
export const ANALYSIS_VERSION = 1 as const;

export const RUBRIC_LEVELS = ['weak', 'passing', 'strong', 'staff_bar'] as const;
export type RubricLevel = (typeof RUBRIC_LEVELS)[number];

export const TIERS = ['senior', 'staff', 'l7'] as const;
export type Tier = (typeof TIERS)[number];

export const RUBRIC_DIMENSIONS = [
  'layer_balance',
  'structural_fix_specificity',
  'system_learning',
  'honesty_about_detection',
] as const;
export type RubricDimension = (typeof RUBRIC_DIMENSIONS)[number];

export const CONSTRAINT_KEYS = [
  'mitigation_at_most_two_sentences',
  'structural_fix_names_continuing_artifact',
  'system_learning_applied_elsewhere',
  'detection_gap_or_prior_near_miss_owned',
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/** The lesson's five common failures. */
export const COMMON_FAILURE_KEYS = [
  'mitigation_dominates',
  'vague_structural_fix',
  'skipped_system_learning',
  'polished_detection',
  'closed_past_event',
] as const;
export type CommonFailureKey = (typeof COMMON_FAILURE_KEYS)[number];

/** A pointer to (part of) a sentence, used wherever the engine cites the user's own words. */
export interface Quote {
  sentenceIndex: number;
  text: string;
  start: number;
  end: number;
  layer: Layer;
}

// ---------------------------------------------------------------------------------------------
// Sentences and their layers
// ---------------------------------------------------------------------------------------------

export type EvidenceKind =
  /** The speaker named the layer ("Detection —", "layer four", "(L4)"). */
  | 'explicit_marker'
  /** The speaker named a layer but the content belongs elsewhere; the label follows the content. */
  | 'marker_overruled'
  /** A phrase typical of the layer ("rolled back", "now blocks the deploy"). */
  | 'cue'
  /** Where the sentence sits (opening line, closing line). */
  | 'position'
  /** Follows from its neighbours (continues the section before it). */
  | 'context'
  /** The user set the layer by hand in the results view (corrections). */
  | 'corrected';

export interface SentenceEvidence {
  kind: EvidenceKind;
  /** One short sentence a user understands, e.g. 'Describes restoring service: "rolled back"'. */
  text: string;
  /** The words of the sentence that triggered it, when there are some. */
  phrase?: string;
  /** Which layer this piece of evidence points to (may differ from the chosen layer). */
  layer: Layer;
}

export interface AnalyzedSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  wordCount: number;
  /** Indexes into the flattened word list of the transcript (inclusive start, exclusive end). */
  wordStart: number;
  wordEnd: number;
  layer: Layer;
  /** Posterior probability of `layer` from sequence decoding, 0-1. */
  confidence: number;
  /** The layer the speaker announced for this sentence, if any (may differ from `layer`). */
  explicitMarker: Layer | null;
  /** Why the engine chose `layer`, strongest first. */
  evidence: SentenceEvidence[];
  /** Posterior probability of every layer (sums to ~1); the UI shows alternatives from it. */
  probabilities: Record<Layer, number>;
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export interface LayerStats {
  layer: Layer;
  /** Speaking seconds of the layer's sentences (pauses between sentences excluded). */
  seconds: number;
  /** seconds / total speaking seconds, 0-1. */
  share: number;
  sentences: number;
  words: number;
  /** Start of the layer's first sentence, or null when the layer is absent. */
  firstStart: number | null;
  /** End of the layer's last sentence, or null when the layer is absent. */
  lastEnd: number | null;
  /** 1-based order of first appearance among present layers, or null when absent. */
  order: number | null;
}

/** A maximal run of consecutive sentences with the same layer (what the timeline bar draws). */
export interface LayerSpan {
  layer: Layer;
  start: number;
  end: number;
  firstSentence: number;
  lastSentence: number;
}

export interface OutOfOrderLayer {
  layer: StoryLayer;
  /** The layer that appeared before it although it belongs later in the canonical order. */
  after: Layer;
  /** Sentence where the out-of-order layer first appears. */
  sentenceIndex: number;
  message: string;
}

export interface Timeline {
  spans: LayerSpan[];
  /** Story layers (1-5) in the order they first appear. */
  order: StoryLayer[];
  /** Story layers (1-5) with no sentence at all. */
  missing: StoryLayer[];
  outOfOrder: OutOfOrderLayer[];
  /** Mitigation seconds / structural-fix seconds; null when there is no structural fix. */
  mitigationToStructuralFixRatio: number | null;
  /** Sum of sentence durations. */
  speakingSeconds: number;
  /** From the first word to the end of the recording (or the last word). */
  totalSeconds: number;
}

// ---------------------------------------------------------------------------------------------
// Rubric, constraints, common failures, tier
// ---------------------------------------------------------------------------------------------

export interface RubricScore {
  dimension: RubricDimension;
  /** Display name, e.g. "Layer balance". */
  title: string;
  level: RubricLevel;
  /** Why this level, one or two sentences. */
  reason: string;
  /** The sentences that earned (or capped) the level. */
  evidence: Quote[];
  /** The next level up, or null at staff bar. */
  nextLevel: RubricLevel | null;
  /** One concrete change that reaches the next level (at staff bar: how to keep it). */
  advice: string;
}

export type Rubric = Record<RubricDimension, RubricScore>;

export interface ConstraintResult {
  key: ConstraintKey;
  /** The practice constraint in the app's words. */
  title: string;
  met: boolean;
  detail: string;
  evidence: Quote[];
}

export type Constraints = Record<ConstraintKey, ConstraintResult>;

export interface CommonFailure {
  key: CommonFailureKey;
  title: string;
  detected: boolean;
  detail: string;
  evidence: Quote[];
}

export type CommonFailures = Record<CommonFailureKey, CommonFailure>;

export interface TierResult {
  tier: Tier;
  reasons: string[];
  /** What would move the story to the next tier, or null at l7. */
  toReachNext: string | null;
}

// ---------------------------------------------------------------------------------------------
// Worksheet
// ---------------------------------------------------------------------------------------------

export interface WorksheetItem {
  /** Stable id, e.g. "detection.latency" (the UI stores manual ticks against it). */
  id: string;
  layer: StoryLayer;
  question: string;
  found: boolean;
  quote: Quote | null;
  /** Short hint when not found, or a remark on what was found. */
  note: string;
}

export interface WorksheetSection {
  layer: StoryLayer;
  title: string;
  items: WorksheetItem[];
}

export type Worksheet = WorksheetSection[];

// ---------------------------------------------------------------------------------------------
// Delivery
// ---------------------------------------------------------------------------------------------

export interface DeliveryStats {
  words: number;
  seconds: number;
  /** Words per minute, or null when there is no speaking time. */
  wordsPerMinute: number | null;
  fillers: number;
  fillersPer100Words: number;
  /** Count per filler form, e.g. { um: 3, "you know": 1 }. */
  fillerCounts: Record<string, number>;
  hedges: number;
  hedgeCounts: Record<string, number>;
  /** First-person singular (I, me, my, I've...). */
  iCount: number;
  /** First-person plural (we, us, our, we've...). */
  weCount: number;
  /** iCount / (iCount + weCount), or null when neither is used. */
  iShare: number | null;
}

export interface Pause {
  start: number;
  end: number;
  seconds: number;
  /** Sentence the pause follows (or sits inside). */
  sentenceIndex: number;
  /** True when the pause falls inside a sentence (mid-thought), false when between sentences. */
  withinSentence: boolean;
  /** Layer of the sentence before the pause and of the sentence after it. */
  layerBefore: Layer;
  layerAfter: Layer;
}

export interface Delivery {
  overall: DeliveryStats;
  perLayer: Record<Layer, DeliveryStats>;
  pauseThresholdSec: number;
  pauses: Pause[];
  longestPause: Pause | null;
  /** Sentences with a hedge, for the UI to show in context. */
  hedgeQuotes: Quote[];
  /** True when times were estimated (typed answer): pace and pauses are then not measured. */
  timesEstimated: boolean;
}

// ---------------------------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------------------------

export interface FeedbackFix {
  /** 1 = highest impact. */
  priority: number;
  /** Stable id of the kind of fix, e.g. "shrink_mitigation". */
  id: string;
  title: string;
  /** What to change and how, in the app's words. */
  detail: string;
  /** The rubric dimension it raises, when it maps to one. */
  dimension: RubricDimension | null;
  evidence: Quote[];
}

/** Per-layer target seconds for an answer length (shown before recording). */
export interface LayerBudget {
  lengthSeconds: number;
  /** Target seconds per layer; `other` is always 0; sums to lengthSeconds. */
  seconds: Record<Layer, number>;
  /** Target number of sentences per layer (mitigation never more than 2). */
  sentences: Record<Layer, number>;
}

export interface OutlineStep {
  layer: OutlineLayer;
  targetSeconds: number;
  targetSentences: number;
  /** What this part should say, in the app's words. */
  guidance: string;
  /** The user's best sentence for this layer to build on, or null when the layer is missing. */
  fromYourAnswer: Quote | null;
  /** Seconds the user actually spent on this layer. */
  actualSeconds: number;
}

export interface Outline {
  lengthSeconds: number;
  steps: OutlineStep[];
}

export interface FollowUpQuestion {
  layer: StoryLayer;
  question: string;
  /** Why an interviewer would ask it of this story. */
  why: string;
}

export interface Feedback {
  /** One-paragraph verdict. */
  summary: string;
  /** At most three, highest impact first. */
  topFixes: FeedbackFix[];
  outline: Outline;
  followUp: FollowUpQuestion;
}

// ---------------------------------------------------------------------------------------------
// The whole analysis
// ---------------------------------------------------------------------------------------------

export interface NotGradedReason {
  code: 'too_short' | 'not_incident';
  message: string;
  next: string;
}

export interface Analysis {
  version: typeof ANALYSIS_VERSION;
  language: string | null;
  /** True when times were estimated from a speaking rate (typed answers). */
  timesEstimated: boolean;
  /** Answer length the outline and budget were built for. */
  lengthSeconds: number;
  sentences: AnalyzedSentence[];
  layers: Record<Layer, LayerStats>;
  timeline: Timeline;
  /** False when the answer is not an incident story or too short to judge: then no rubric and no tier. */
  gradable: boolean;
  /** Why the answer was not graded, and what to do (null when graded). */
  reason: NotGradedReason | null;
  rubric: Rubric | null;
  constraints: Constraints;
  commonFailures: CommonFailures;
  tier: Tier | null;
  tierDetail: TierResult | null;
  worksheet: Worksheet;
  delivery: Delivery;
  budget: LayerBudget;
  feedback: Feedback;
}

export interface AnalysisOptions {
  /** Chosen answer length in seconds for the outline/budget; default: the answer's own length
   *  rounded to a common length (60, 120, 180, 300 s). */
  lengthSeconds?: number;
  /** Pause length that counts as a long pause (default 1.5 s). */
  pauseThresholdSec?: number;
  /** Silence between words that ends a sentence when no punctuation does (default 1.0 s). */
  sentenceGapSec?: number;
  /**
   * Corrections (results view): every transcript segment is exactly one sentence, as the user
   * merged and split them; the engine does not re-segment.
   */
  segmentsAreSentences?: boolean;
  /**
   * Corrections: layers the user set by hand, by sentence index. Decoding keeps them and fits
   * the other sentences around them.
   */
  layerOverrides?: Readonly<Record<number, Layer>>;
}

/** Signature of the engine's entry point (implemented in ./analyze.ts). */
export type AnalyzeTranscript = (transcript: Transcript, options?: AnalysisOptions) => Analysis;
/** Signature of the budget helper (implemented in ./budget.ts). */
export type BudgetForLength = (seconds: number) => LayerBudget;
