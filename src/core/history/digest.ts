/**
 * What the history list and the progress chart need of one take, distilled from its analysis:
 * tier, the four rubric levels, seconds and share per layer, and the budget for its length.
 * Small enough to send for hundreds of sessions at once.
 */
import { z } from 'zod';
import { LAYERS, perLayer, type Layer } from '../analysis/layers';
import {
  RUBRIC_DIMENSIONS,
  RUBRIC_LEVELS,
  TIERS,
  type Analysis,
  type RubricDimension,
  type RubricLevel,
} from '../analysis/types';

const layerDigest = z.object({
  seconds: z.number(),
  share: z.number(),
  sentences: z.number().int(),
  /** Budgeted seconds for the chosen length (0 for "other"). */
  budgetSeconds: z.number(),
  /** Budgeted share of the answer length. */
  budgetShare: z.number(),
});

export const AnalysisDigestSchema = z.object({
  /** Null for an answer that was not graded (not an incident story, or too short). */
  tier: z.enum(TIERS).nullable(),
  levels: z
    .object({
      layer_balance: z.enum(RUBRIC_LEVELS),
      structural_fix_specificity: z.enum(RUBRIC_LEVELS),
      system_learning: z.enum(RUBRIC_LEVELS),
      honesty_about_detection: z.enum(RUBRIC_LEVELS),
    })
    .nullable(),
  layers: z.object(Object.fromEntries(LAYERS.map((l) => [l, layerDigest])) as Record<Layer, typeof layerDigest>),
  lengthSeconds: z.number(),
  speakingSeconds: z.number(),
  totalSeconds: z.number(),
  sentences: z.number().int(),
  timesEstimated: z.boolean(),
  /** Graded because the speaker said it is an incident story, where the check had read it otherwise. */
  atYourWord: z.boolean().default(false),
});
export type AnalysisDigest = z.infer<typeof AnalysisDigestSchema>;

export function digestAnalysis(analysis: Analysis): AnalysisDigest {
  const length = analysis.budget.lengthSeconds;
  const rubric = analysis.rubric;
  const levels = rubric
    ? (Object.fromEntries(RUBRIC_DIMENSIONS.map((d) => [d, rubric[d].level])) as Record<RubricDimension, RubricLevel>)
    : null;
  return {
    tier: analysis.tier,
    levels,
    layers: perLayer((layer) => ({
      seconds: round1(analysis.layers[layer].seconds),
      share: round3(analysis.layers[layer].share),
      sentences: analysis.layers[layer].sentences,
      budgetSeconds: analysis.budget.seconds[layer],
      budgetShare: length > 0 ? round3(analysis.budget.seconds[layer] / length) : 0,
    })),
    lengthSeconds: length,
    speakingSeconds: round1(analysis.timeline.speakingSeconds),
    totalSeconds: round1(analysis.timeline.totalSeconds),
    sentences: analysis.sentences.length,
    timesEstimated: analysis.timesEstimated,
    atYourWord: analysis.overruled !== null,
  };
}

/** Rubric level as a number for charts: weak 0 … staff bar 3. */
export function levelRank(level: RubricLevel): number {
  return RUBRIC_LEVELS.indexOf(level);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
