import { memo, useCallback } from 'react';
import { isUnsure } from '../../../../core/analysis/calibration';
import type { AnalyzedSentence } from '../../../../core/analysis/types';
import { layerSetByHand, type SentenceChange, type WorkingSentence } from '../../../../core/corrections';
import { formatClock } from '../../../../core/time/clock';
import { layerName, layerTag, layerVar } from '../../results/layers';
import { usePlayer } from '../../stores/player';
import { useTranscriptWindow } from './use-transcript-window';

interface PaneProps {
  sentences: readonly AnalyzedSentence[];
  /** Corrections info by sentence index (absent when showing the original analysis). */
  working: readonly WorkingSentence[] | null;
  /** How each sentence differs from the transcript as recognised (absent without corrections). */
  changes: readonly SentenceChange[] | null;
}

/**
 * The transcript, one row per sentence tinted by its layer with a layer tag. Windowed with
 * @tanstack/react-virtual (a 30-minute answer has hundreds of sentences; only the visible rows
 * exist in the DOM). The current sentence is highlighted and kept in view while following.
 * One focusable listbox: arrows move between sentences, Enter plays the current one.
 */
export function TranscriptPane({ sentences, working, changes }: PaneProps) {
  const current = usePlayer((s) => s.current);
  const follow = usePlayer((s) => s.follow);
  const playing = usePlayer((s) => s.playing);
  const hasAudio = usePlayer((s) => s.hasAudio);
  const { parentRef, virtualizer } = useTranscriptWindow(sentences, current, follow);

  // Scrolling by hand while playing stops following until the user asks for it again.
  const stopFollowing = useCallback(() => {
    if (usePlayer.getState().playing && usePlayer.getState().follow) usePlayer.getState().setFollow(false);
  }, []);

  const onRowClick = useCallback(
    (index: number) => {
      usePlayer.getState().goToSentence(index, true);
      parentRef.current?.focus({ preventScroll: true });
    },
    [parentRef],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div className="transcript-wrap">
      {!follow && playing && (
        <button type="button" className="follow-again" onClick={() => usePlayer.getState().setFollow(true)}>
          Follow playback again
        </button>
      )}
      <div
        ref={parentRef}
        className="transcript"
        role="listbox"
        aria-label={`Transcript, ${sentences.length} sentences. ${hasAudio ? 'Enter plays the current sentence.' : ''}`}
        aria-activedescendant={current >= 0 ? `sentence-${current}` : undefined}
        tabIndex={0}
        data-testid="transcript"
        onWheel={stopFollowing}
        onTouchMove={stopFollowing}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && current >= 0) {
            e.preventDefault();
            usePlayer.getState().goToSentence(current, true);
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const sentence = sentences[item.index];
            if (!sentence) return null;
            const w = working?.[item.index] ?? null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="row-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <SentenceRow
                  sentence={sentence}
                  active={item.index === current}
                  edited={w?.textEdited ?? false}
                  setByHand={layerSetByHand(w)}
                  change={changes?.[item.index] ?? null}
                  onSelect={onRowClick}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  sentence: AnalyzedSentence;
  active: boolean;
  edited: boolean;
  setByHand: boolean;
  change: SentenceChange | null;
  onSelect(index: number): void;
}

const SentenceRow = memo(function SentenceRow({ sentence, active, edited, setByHand, change, onSelect }: RowProps) {
  const unsure = isUnsure(sentence.confidence, setByHand);
  return (
    <div
      id={`sentence-${sentence.index}`}
      role="option"
      aria-selected={active}
      className={active ? 'sentence active' : 'sentence'}
      data-layer={sentence.layer}
      data-testid="sentence"
      style={{ borderLeftColor: layerVar(sentence.layer), ['--tint' as string]: layerVar(sentence.layer) }}
      onClick={() => onSelect(sentence.index)}
    >
      <div className="sentence-meta">
        <span className="tag" data-testid="sentence-tag">
          {layerTag(sentence.layer)} <span className="tag-name">{layerName(sentence.layer)}</span>
        </span>
        <span className="time">{formatClock(sentence.start)}</span>
        {setByHand && <span className="badge user">set by you</span>}
        {edited && <span className="badge user">text edited</span>}
        {change?.shape === 'merged' && <span className="badge user">merged</span>}
        {change?.shape === 'split' && <span className="badge user">split</span>}
        {change?.layerChanged && !setByHand && (
          <span className="badge" title="The coach relabelled it after your corrections nearby.">
            layer changed
          </span>
        )}
        {unsure && (
          <span
            className="badge unsure"
            title="The coach is not sure of this sentence's layer: check it, and correct it if needed."
          >
            unsure
          </span>
        )}
      </div>
      <p className="sentence-text">{sentence.text}</p>
    </div>
  );
});
