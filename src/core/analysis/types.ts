/**
 * Output model of the coaching engine. The UI, the exporters and the CLI's `--json` all build on
 * these types. Each one is inferred from its zod schema in ./schema.ts, which describes the JSON
 * once (field by field, with its documentation); only what has no schema is written out here.
 */
import type { Structure } from './classify';
import type { z } from 'zod';
import type { Layer } from './layers';
import type { SentenceVectors } from './sentence-vectors';
import type {
  AnalysisOptionsSchema,
  AnalysisSchema,
  AnalyzedSentenceSchema,
  CommonFailuresSchema,
  ConstraintKeySchema,
  ConstraintsSchema,
  DeliverySchema,
  DeliveryStatsSchema,
  FeedbackFixSchema,
  FeedbackSchema,
  FollowUpQuestionSchema,
  LayerBudgetSchema,
  LayerSpanSchema,
  LayerStatsSchema,
  NotGradedReasonSchema,
  OutlineSchema,
  OutOfOrderLayerSchema,
  PauseSchema,
  QuoteSchema,
  RubricDimensionSchema,
  RubricLevelSchema,
  RubricSchema,
  RubricScoreSchema,
  SentenceEvidenceSchema,
  TierResultSchema,
  TierSchema,
  TimelineSchema,
  WorksheetItemSchema,
  WorksheetSchema,
  WorksheetSectionSchema,
} from './schema';

export type { Layer } from './layers';
export { ANALYSIS_VERSION, CONSTRAINT_KEYS, RUBRIC_DIMENSIONS, RUBRIC_LEVELS, TIERS } from './schema';

export type RubricLevel = z.infer<typeof RubricLevelSchema>;
export type Tier = z.infer<typeof TierSchema>;
export type RubricDimension = z.infer<typeof RubricDimensionSchema>;
export type ConstraintKey = z.infer<typeof ConstraintKeySchema>;

export type Quote = z.infer<typeof QuoteSchema>;

export type SentenceEvidence = z.infer<typeof SentenceEvidenceSchema>;
export type AnalyzedSentence = z.infer<typeof AnalyzedSentenceSchema>;

export type LayerStats = z.infer<typeof LayerStatsSchema>;
export type LayerSpan = z.infer<typeof LayerSpanSchema>;
export type OutOfOrderLayer = z.infer<typeof OutOfOrderLayerSchema>;
export type Timeline = z.infer<typeof TimelineSchema>;

export type RubricScore = z.infer<typeof RubricScoreSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
export type Constraints = z.infer<typeof ConstraintsSchema>;
export type CommonFailures = z.infer<typeof CommonFailuresSchema>;
export type TierResult = z.infer<typeof TierResultSchema>;

export type WorksheetItem = z.infer<typeof WorksheetItemSchema>;
export type WorksheetSection = z.infer<typeof WorksheetSectionSchema>;
export type Worksheet = z.infer<typeof WorksheetSchema>;

export type DeliveryStats = z.infer<typeof DeliveryStatsSchema>;
export type Pause = z.infer<typeof PauseSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;

export type LayerBudget = z.infer<typeof LayerBudgetSchema>;
export type FeedbackFix = z.infer<typeof FeedbackFixSchema>;
export type Outline = z.infer<typeof OutlineSchema>;
export type FollowUpQuestion = z.infer<typeof FollowUpQuestionSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;

export type NotGradedReason = z.infer<typeof NotGradedReasonSchema>;
/**
 * What parsing yields, not what parsing accepts: analyses stored before some fields existed are
 * filled in by the schema's defaults, so every reader of stored data sees these fields present.
 */
export type Analysis = z.output<typeof AnalysisSchema>;

/** The options the UI or CLI may set (their schema validates them), plus those only corrections set. */
export interface AnalysisOptions extends z.infer<typeof AnalysisOptionsSchema> {
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
  /**
   * What the back end's sentence encoder made of the sentences, keyed by their text as the
   * segmenter cuts it (sentence-vectors.ts). Sentences without one are labelled without it.
   */
  sentenceVectors?: SentenceVectors;
  /**
   * Documents: per sentence, the layer its section heading suggests (evidence, not a label).
   * Only with `segmentsAreSentences`, so indices match.
   */
  structure?: readonly Structure[];
}
