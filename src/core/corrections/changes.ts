/**
 * How each corrected sentence relates to the sentences as recognised, for the badges of the
 * transcript: merged from several, split from one, or the same words — and whether its layer
 * now differs from the original analysis (a consequence of corrections around it).
 */
import type { Layer } from '../analysis/layers';

export interface SentenceRange {
  wordStart: number;
  wordEnd: number;
}

export interface SentenceChange {
  shape: 'same' | 'merged' | 'split';
  /** The layer differs from the original sentence with the same words (only for shape "same"). */
  layerChanged: boolean;
}

export function sentenceChanges(
  corrected: readonly (SentenceRange & { layer: Layer })[],
  original: readonly (SentenceRange & { layer: Layer })[],
): SentenceChange[] {
  const byStart = new Map(original.map((s) => [s.wordStart, s]));
  return corrected.map((s) => {
    const same = byStart.get(s.wordStart);
    if (same && same.wordEnd === s.wordEnd) return { shape: 'same', layerChanged: same.layer !== s.layer };
    const covers = original.filter((o) => o.wordStart >= s.wordStart && o.wordEnd <= s.wordEnd).length;
    return { shape: covers > 1 ? 'merged' : 'split', layerChanged: false };
  });
}
