/**
 * Two takes of the same story side by side, layer by layer: seconds, sentences and share for
 * each, the change, and the four rubric levels. Timelines are drawn on one shared time scale.
 */
import { LAYER_INFO, OUTLINE_LAYERS, type Layer } from '../analysis/layers';
import { RUBRIC_DIMENSIONS, type Analysis, type RubricDimension, type RubricLevel } from '../analysis/types';
import { levelRank } from './digest';

interface CompareLayerRow {
  layer: Layer;
  name: string;
  a: { seconds: number; sentences: number; share: number };
  b: { seconds: number; sentences: number; share: number };
  budgetA: number;
  budgetB: number;
  /** b - a seconds. */
  deltaSeconds: number;
}

interface CompareLevelRow {
  dimension: RubricDimension;
  title: string;
  a: RubricLevel;
  b: RubricLevel;
  /** +1 per level gained from a to b. */
  change: number;
}

export interface Comparison {
  layers: CompareLayerRow[];
  levels: CompareLevelRow[];
  /** The time scale both timelines share: the longer of the two answers. */
  scaleSeconds: number;
}

export function compareTakes(a: Analysis, b: Analysis): Comparison {
  const layers: Layer[] = [...OUTLINE_LAYERS];
  if (a.layers.other.sentences > 0 || b.layers.other.sentences > 0) layers.push('other');
  const side = (x: Analysis, layer: Layer) => ({
    seconds: Math.round(x.layers[layer].seconds),
    sentences: x.layers[layer].sentences,
    share: x.layers[layer].share,
  });
  return {
    layers: layers.map((layer) => {
      const sa = side(a, layer);
      const sb = side(b, layer);
      return {
        layer,
        name: LAYER_INFO[layer].name,
        a: sa,
        b: sb,
        budgetA: a.budget.seconds[layer],
        budgetB: b.budget.seconds[layer],
        deltaSeconds: sb.seconds - sa.seconds,
      };
    }),
    levels: rubricChanges(a, b),
    scaleSeconds: Math.max(endOf(a), endOf(b), 1),
  };
}

/** Level changes per dimension; none when either take was not graded. */
function rubricChanges(a: Analysis, b: Analysis) {
  const ra = a.rubric;
  const rb = b.rubric;
  if (!ra || !rb) return [];
  return RUBRIC_DIMENSIONS.map((dimension) => ({
    dimension,
    title: ra[dimension].title,
    a: ra[dimension].level,
    b: rb[dimension].level,
    change: levelRank(rb[dimension].level) - levelRank(ra[dimension].level),
  }));
}

function endOf(x: Analysis): number {
  const last = x.sentences[x.sentences.length - 1];
  return Math.max(x.timeline.totalSeconds, last?.end ?? 0);
}
