import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { AnalyzedSentence } from '../../../../core/analysis/types';

/**
 * The window of transcript rows that exist in the DOM (a 30-minute answer has hundreds of
 * sentences), kept on the current sentence while following.
 */
export function useTranscriptWindow(
  sentences: readonly AnalyzedSentence[],
  current: number,
  follow: boolean,
): { parentRef: RefObject<HTMLDivElement | null>; virtualizer: Virtualizer<HTMLDivElement, Element> } {
  const parentRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns new functions each render; the transcript pane that uses this hook does not rely on React Compiler memoization (its rows are memoised by hand).
  const virtualizer = useVirtualizer({
    count: sentences.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => `${sentences[i]?.start ?? i}-${i}`,
  });

  // Keep the current sentence in view: scroll only when it has left the visible window, so
  // the list does not move on every sentence.
  useEffect(() => {
    if (!follow || current < 0) return;
    const el = parentRef.current;
    if (!el) return;
    const item = virtualizer.getVirtualItems().find((v) => v.index === current);
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    if (item && item.start >= top + 8 && item.end <= bottom - 8) return;
    virtualizer.scrollToIndex(current, { align: 'center' });
  }, [current, follow, virtualizer]);

  return { parentRef, virtualizer };
}
