import { LAYERS, type Layer } from '../../../../core/analysis/layers';
import type { AnalyzedSentence } from '../../../../core/analysis/types';
import type { WorkingSentence } from '../../../../core/corrections';
import { layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';
import { useResults } from '../../stores/results';

interface ToolbarProps {
  sentence: AnalyzedSentence;
  working: WorkingSentence | null;
  /** The sentence's words (splitting needs two). */
  wordCount: number;
  count: number;
  editable: boolean;
  onEdit(): void;
  onSplit(): void;
}

/** The row of corrections for the selected sentence, and "loop this layer". */
export function SentenceToolbar({ sentence, working, wordCount, count, editable, onEdit, onSplit }: ToolbarProps) {
  const { merge } = useResults.getState();
  const index = sentence.index;
  return (
    <div className="tools-row">
      <span className="muted">
        Sentence {index + 1} of {count}
      </span>
      <LayerPicker sentence={sentence} layerSetByHand={working?.layer ?? null} editable={editable} />
      <button type="button" disabled={!editable} onClick={onEdit}>
        Edit text
      </button>
      <button type="button" disabled={!editable || index >= count - 1} onClick={() => merge(index)}>
        Merge with next
      </button>
      <button
        type="button"
        disabled={!editable || wordCount < 2 || (working !== null && working.wordEnd - working.wordStart < 2)}
        onClick={onSplit}
      >
        Split…
      </button>
      <LoopLayerButton layer={sentence.layer} />
    </div>
  );
}

/** The sentence's layer, set by hand; and giving the choice back to the coach once it was. */
function LayerPicker({
  sentence,
  layerSetByHand,
  editable,
}: {
  sentence: AnalyzedSentence;
  layerSetByHand: Layer | null;
  editable: boolean;
}) {
  const { relabel } = useResults.getState();
  return (
    <>
      <label>
        Layer{' '}
        <select
          value={sentence.layer}
          disabled={!editable}
          onChange={(e) => relabel(sentence.index, e.target.value as Layer)}
          data-testid="layer-select"
        >
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {layerName(l)}
            </option>
          ))}
        </select>
      </label>
      {layerSetByHand && editable && (
        <button type="button" className="link" onClick={() => relabel(sentence.index, null)}>
          Let the coach decide
        </button>
      )}
    </>
  );
}

/** Plays the sentence's layer over and over (only when the take has audio). */
function LoopLayerButton({ layer }: { layer: Layer }) {
  const loopLayer = usePlayer((s) => s.loopLayer);
  const hasAudio = usePlayer((s) => s.hasAudio);
  if (!hasAudio) return null;
  return (
    <button
      type="button"
      aria-pressed={loopLayer === layer}
      onClick={() => usePlayer.getState().setLoopLayer(loopLayer === layer ? null : layer)}
      data-testid="loop-layer"
    >
      {loopLayer === layer ? `Stop looping ${layerName(layer)}` : `Loop ${layerName(layer)}`}
    </button>
  );
}
