import type { Quote } from '../../../../core/analysis/types';
import { formatClock } from '../../../../core/time/clock';
import { layerTag, layerVar, layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';

/** A quote from the user's answer: clicking it jumps there (and plays, when there is audio). */
export function QuoteButton({ quote }: { quote: Quote }) {
  const hasAudio = usePlayer((s) => s.hasAudio);
  return (
    <button
      type="button"
      className="quote"
      style={{ borderLeftColor: layerVar(quote.layer) }}
      onClick={() => usePlayer.getState().goToSentence(quote.sentenceIndex, true)}
      title={hasAudio ? 'Play from here' : 'Show in the transcript'}
      data-testid="quote"
    >
      <span className="quote-text">“{quote.text}”</span>
      <span className="quote-meta">
        <span className="tag" aria-label={layerName(quote.layer)}>
          {layerTag(quote.layer)}
        </span>{' '}
        {formatClock(quote.start)}
        {hasAudio ? ' ▶' : ''}
      </span>
    </button>
  );
}
