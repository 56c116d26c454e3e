/**
 * Series for the progress chart of one story: per attempt (oldest first) the four rubric levels
 * and each layer's share of the answer against its budgeted share, so a user sees Mitigation
 * shrink and the Structural fix grow.
 */
import { OUTLINE_LAYERS, type OutlineLayer } from '../analysis/layers';
import { RUBRIC_DIMENSIONS, type RubricDimension } from '../analysis/types';
import { levelRank, type AnalysisDigest } from './digest';

export interface Attempt {
  id: string;
  createdAt: string;
  digest: AnalysisDigest;
}

export interface ProgressPoint {
  attempt: number;
  id: string;
  createdAt: string;
  value: number;
}

export interface ProgressSeries {
  levels: Record<RubricDimension, ProgressPoint[]>;
  /** Share of speaking time per layer (0-1). */
  shares: Record<OutlineLayer, ProgressPoint[]>;
  /** Budgeted share per layer for each attempt's chosen length. */
  budgetShares: Record<OutlineLayer, ProgressPoint[]>;
  tiers: ProgressPoint[];
}

const TIER_RANK = { senior: 0, staff: 1, l7: 2 } as const;

export function progressSeries(attempts: readonly Attempt[]): ProgressSeries {
  // Ungraded answers have no levels or tier to chart; their attempt numbers keep their place.
  const sorted = [...attempts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const point = (a: Attempt, i: number, value: number): ProgressPoint => ({
    attempt: i + 1,
    id: a.id,
    createdAt: a.createdAt,
    value,
  });
  const levels = Object.fromEntries(
    RUBRIC_DIMENSIONS.map((d) => [
      d,
      sorted.flatMap((a, i) => (a.digest.levels ? [point(a, i, levelRank(a.digest.levels[d]))] : [])),
    ]),
  ) as Record<RubricDimension, ProgressPoint[]>;
  const shares = Object.fromEntries(
    OUTLINE_LAYERS.map((l) => [l, sorted.map((a, i) => point(a, i, a.digest.layers[l].share))]),
  ) as Record<OutlineLayer, ProgressPoint[]>;
  const budgetShares = Object.fromEntries(
    OUTLINE_LAYERS.map((l) => [l, sorted.map((a, i) => point(a, i, a.digest.layers[l].budgetShare))]),
  ) as Record<OutlineLayer, ProgressPoint[]>;
  const tiers = sorted.flatMap((a, i) => (a.digest.tier ? [point(a, i, TIER_RANK[a.digest.tier])] : []));
  return { levels, shares, budgetShares, tiers };
}

/** Change from the first to the last attempt, for the one-line summary above the chart. */
export function trend(points: readonly ProgressPoint[]): number | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return null;
  return last.value - first.value;
}
