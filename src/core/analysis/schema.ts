/**
 * zod schema of the engine's output, so stored sessions, the contract and the exporters can
 * validate an Analysis they did not compute. Kept in step with ./types.ts by the compile-time
 * check at the bottom of this file.
 */
import { z } from 'zod';
import { LAYERS, OUTLINE_LAYERS, STORY_LAYERS, type Layer } from './layers';
import {
  ANALYSIS_VERSION,
  COMMON_FAILURE_KEYS,
  CONSTRAINT_KEYS,
  RUBRIC_DIMENSIONS,
  RUBRIC_LEVELS,
  TIERS,
  type Analysis,
  type LayerBudget,
} from './types';

export const LayerSchema = z.enum(LAYERS);
export const StoryLayerSchema = z.enum(STORY_LAYERS);
export const OutlineLayerSchema = z.enum(OUTLINE_LAYERS);
export const RubricLevelSchema = z.enum(RUBRIC_LEVELS);
export const TierSchema = z.enum(TIERS);
export const RubricDimensionSchema = z.enum(RUBRIC_DIMENSIONS);
export const ConstraintKeySchema = z.enum(CONSTRAINT_KEYS);
export const CommonFailureKeySchema = z.enum(COMMON_FAILURE_KEYS);

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

export const QuoteSchema = z.object({
  sentenceIndex: count,
  text: z.string(),
  start: seconds,
  end: seconds,
  layer: LayerSchema,
});

export const SentenceEvidenceSchema = z.object({
  kind: z.enum(['explicit_marker', 'marker_overruled', 'cue', 'position', 'context', 'corrected']),
  text: z.string(),
  phrase: z.string().optional(),
  layer: LayerSchema,
});

export const AnalyzedSentenceSchema = z.object({
  index: count,
  text: z.string(),
  start: seconds,
  end: seconds,
  wordCount: count,
  wordStart: count,
  wordEnd: count,
  layer: LayerSchema,
  confidence: share,
  explicitMarker: LayerSchema.nullable(),
  evidence: z.array(SentenceEvidenceSchema),
  probabilities: layerRecord(share),
});

export const LayerStatsSchema = z.object({
  layer: LayerSchema,
  seconds,
  share,
  sentences: count,
  words: count,
  firstStart: seconds.nullable(),
  lastEnd: seconds.nullable(),
  order: z.number().int().positive().nullable(),
});

export const TimelineSchema = z.object({
  spans: z.array(
    z.object({
      layer: LayerSchema,
      start: seconds,
      end: seconds,
      firstSentence: count,
      lastSentence: count,
    }),
  ),
  order: z.array(StoryLayerSchema),
  missing: z.array(StoryLayerSchema),
  outOfOrder: z.array(
    z.object({
      layer: StoryLayerSchema,
      after: LayerSchema,
      sentenceIndex: count,
      message: z.string(),
    }),
  ),
  mitigationToStructuralFixRatio: z.number().finite().nonnegative().nullable(),
  speakingSeconds: seconds,
  totalSeconds: seconds,
});

export const RubricScoreSchema = z.object({
  dimension: RubricDimensionSchema,
  title: z.string(),
  level: RubricLevelSchema,
  reason: z.string(),
  evidence: z.array(QuoteSchema),
  nextLevel: RubricLevelSchema.nullable(),
  advice: z.string(),
});

export const RubricSchema = z.object({
  layer_balance: RubricScoreSchema,
  structural_fix_specificity: RubricScoreSchema,
  system_learning: RubricScoreSchema,
  honesty_about_detection: RubricScoreSchema,
});

export const ConstraintResultSchema = z.object({
  key: ConstraintKeySchema,
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

export const CommonFailureSchema = z.object({
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
  toReachNext: z.string().nullable(),
});

export const WorksheetItemSchema = z.object({
  id: z.string(),
  layer: StoryLayerSchema,
  question: z.string(),
  found: z.boolean(),
  quote: QuoteSchema.nullable(),
  note: z.string(),
});

export const WorksheetSchema = z.array(
  z.object({
    layer: StoryLayerSchema,
    title: z.string(),
    items: z.array(WorksheetItemSchema),
  }),
);

export const DeliveryStatsSchema = z.object({
  words: count,
  seconds,
  wordsPerMinute: z.number().finite().nonnegative().nullable(),
  fillers: count,
  fillersPer100Words: z.number().finite().nonnegative(),
  fillerCounts: z.record(z.string(), count),
  hedges: count,
  hedgeCounts: z.record(z.string(), count),
  iCount: count,
  weCount: count,
  iShare: share.nullable(),
});

export const PauseSchema = z.object({
  start: seconds,
  end: seconds,
  seconds,
  sentenceIndex: count,
  withinSentence: z.boolean(),
  layerBefore: LayerSchema,
  layerAfter: LayerSchema,
});

export const DeliverySchema = z.object({
  overall: DeliveryStatsSchema,
  perLayer: layerRecord(DeliveryStatsSchema),
  pauseThresholdSec: z.number().finite().positive(),
  pauses: z.array(PauseSchema),
  longestPause: PauseSchema.nullable(),
  hedgeQuotes: z.array(QuoteSchema),
  timesEstimated: z.boolean(),
});

export const LayerBudgetSchema = z.object({
  lengthSeconds: z.number().finite().positive(),
  seconds: layerRecord(seconds),
  sentences: layerRecord(count),
});

export const FeedbackSchema = z.object({
  summary: z.string(),
  topFixes: z
    .array(
      z.object({
        priority: z.number().int().positive(),
        id: z.string(),
        title: z.string(),
        detail: z.string(),
        dimension: RubricDimensionSchema.nullable(),
        evidence: z.array(QuoteSchema),
      }),
    )
    .max(3),
  outline: z.object({
    lengthSeconds: z.number().finite().positive(),
    steps: z.array(
      z.object({
        layer: OutlineLayerSchema,
        targetSeconds: seconds,
        targetSentences: count,
        guidance: z.string(),
        fromYourAnswer: QuoteSchema.nullable(),
        actualSeconds: seconds,
      }),
    ),
  }),
  followUp: z.object({
    layer: StoryLayerSchema,
    question: z.string(),
    why: z.string(),
  }),
});

export const NotGradedReasonSchema = z.object({
  code: z.enum(['too_short', 'not_incident']),
  message: z.string(),
  next: z.string(),
});

export const AnalysisSchema = z.object({
  version: z.literal(ANALYSIS_VERSION),
  language: z.string().nullable(),
  timesEstimated: z.boolean(),
  lengthSeconds: z.number().finite().positive(),
  sentences: z.array(AnalyzedSentenceSchema),
  layers: layerRecord(LayerStatsSchema),
  timeline: TimelineSchema,
  // Analyses saved before gradability existed were all graded.
  gradable: z.boolean().default(true),
  reason: NotGradedReasonSchema.nullable().default(null),
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
  lengthSeconds: z.number().finite().positive().max(3600).optional(),
  pauseThresholdSec: z.number().finite().positive().max(60).optional(),
  sentenceGapSec: z.number().finite().positive().max(60).optional(),
});

// Compile-time guarantee that the schema and the hand-written types describe the same JSON.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const analysisMatches: Exact<z.infer<typeof AnalysisSchema>, Analysis> = true;
const budgetMatches: Exact<z.infer<typeof LayerBudgetSchema>, LayerBudget> = true;
void analysisMatches;
void budgetMatches;
