import { useMemo } from 'react';
import { isUnsure } from '../../../../core/analysis/calibration';
import type { Analysis } from '../../../../core/analysis/types';
import { layerSetByHand, sentenceChanges, type WorkingSentence } from '../../../../core/corrections';
import { MiniPlayer } from '../../components/results/PlayerControls';
import { SentenceTools } from '../../components/results/SentenceTools';
import { TranscriptPane } from '../../components/results/TranscriptPane';
import { RelabelNotice } from '../../components/results/RelabelNotice';
import { usePlayer } from '../../stores/player';
import { useResults } from '../../stores/results';

interface ColumnProps {
  analysis: Analysis;
  working: readonly WorkingSentence[] | null;
  editable: boolean;
}

/** The transcript with its player, the correction tools and what the corrections changed. */
export function TranscriptColumn({ analysis, working, editable }: ColumnProps) {
  const state = useResults();
  const changes = useMemo(() => {
    if (!state.applied || state.showing !== 'corrected' || !state.original || !state.corrected) return null;
    const corrected = state.corrected;
    return sentenceChanges(
      state.sentences.map((s, i) => ({
        wordStart: s.wordStart,
        wordEnd: s.wordEnd,
        layer: corrected.sentences[i]?.layer ?? 'other',
      })),
      state.original.sentences,
    );
  }, [state.applied, state.showing, state.original, state.corrected, state.sentences]);

  return (
    <section className="transcript-column" aria-labelledby="transcript-title">
      <div className="transcript-head">
        <h2 id="transcript-title">Transcript</h2>
        <MiniPlayer />
      </div>
      <CurrentSentenceTools analysis={analysis} working={working} editable={editable} />
      {state.editError && (
        <p role="alert" className="error">
          {state.editError}{' '}
          <button type="button" className="link" onClick={() => state.clearEditError()}>
            dismiss
          </button>
        </p>
      )}
      <RelabelNotice />
      <TranscriptPane sentences={analysis.sentences} working={working} changes={changes} />
    </section>
  );
}

/**
 * The correction tools follow the current sentence; only this small component re-renders when
 * playback moves to another sentence (not the whole results view).
 */
function CurrentSentenceTools({ analysis, working, editable }: ColumnProps) {
  const current = usePlayer((s) => s.current);
  const unsure = useMemo(
    () =>
      analysis.sentences.filter((s) => isUnsure(s.confidence, layerSetByHand(working?.[s.index]))).map((s) => s.index),
    [analysis, working],
  );
  return (
    <SentenceTools
      key={current}
      sentence={current >= 0 ? (analysis.sentences[current] ?? null) : null}
      working={working?.[current] ?? null}
      count={analysis.sentences.length}
      editable={editable}
      unsure={unsure}
    />
  );
}
