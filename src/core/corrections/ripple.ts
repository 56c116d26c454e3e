/**
 * Which sentences the engine relabelled on its own after a correction: the engine reads each
 * sentence with its neighbours, so fixing one layer can move another. The results view names
 * them instead of changing them silently, and offers to keep them as they were.
 */
import type { Layer } from '../analysis/layers';
import type { SentenceRange } from './changes';

export interface Relabelled {
  index: number;
  from: Layer;
  to: Layer;
}

interface Labelled extends SentenceRange {
  layer: Layer;
}

/**
 * Sentences of `after` with the same words as one of `before` and another layer, except those
 * whose layer the user set (their change is the correction itself).
 */
export function relabelledByEngine(
  before: readonly Labelled[],
  after: readonly (Labelled & { setByHand: boolean })[],
): Relabelled[] {
  const byRange = new Map(before.map((s) => [`${s.wordStart}:${s.wordEnd}`, s.layer]));
  const out: Relabelled[] = [];
  after.forEach((s, index) => {
    const from = byRange.get(`${s.wordStart}:${s.wordEnd}`);
    if (!s.setByHand && from !== undefined && from !== s.layer) out.push({ index, from, to: s.layer });
  });
  return out;
}
