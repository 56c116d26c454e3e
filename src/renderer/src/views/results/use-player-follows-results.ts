import { useEffect, useMemo } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import type { TimedSentence } from '../../../../core/results/playback';
import { usePlayer } from '../../stores/player';

/** The player starts afresh for each take and follows the sentences of the analysis on screen. */
export function usePlayerFollowsResults(id: string, hasAudio: boolean, analysis: Analysis | null): void {
  useEffect(() => {
    usePlayer.getState().reset(hasAudio);
  }, [id, hasAudio]);

  const timed: TimedSentence[] = useMemo(
    () => (analysis ? analysis.sentences.map((s) => ({ start: s.start, end: s.end, layer: s.layer })) : []),
    [analysis],
  );
  useEffect(() => {
    usePlayer.getState().setSentences(timed);
  }, [timed]);
}
