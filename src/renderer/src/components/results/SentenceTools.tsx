import { useState } from 'react';
import { LAYERS, type Layer } from '../../../../core/analysis/layers';
import type { AnalyzedSentence } from '../../../../core/analysis/types';
import { tokenize, type WorkingSentence } from '../../../../core/corrections';
import { layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';
import { useResults } from '../../stores/results';

interface ToolsProps {
  sentence: AnalyzedSentence | null;
  working: WorkingSentence | null;
  count: number;
  editable: boolean;
}

/** The submit/cancel pair shared by the edit and split forms. */
function FormActions({ submitLabel, onCancel }: { submitLabel: string; onCancel: () => void }) {
  return (
    <div className="tools-row">
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * (Keyed by the sentence index by its parent, so moving to another sentence closes the editor.)
 * Corrections for the current sentence: its layer, its text, merging with the next sentence
 * and splitting it in two; plus "loop this layer". Every change re-runs the analysis at once.
 */
export function SentenceTools({ sentence, working, count, editable }: ToolsProps) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'split'>('idle');
  const [draft, setDraft] = useState('');
  const [splitAt, setSplitAt] = useState(1);
  const loopLayer = usePlayer((s) => s.loopLayer);
  const hasAudio = usePlayer((s) => s.hasAudio);
  const { relabel, editText, merge, split } = useResults.getState();
  const index = sentence?.index ?? -1;

  if (!sentence) {
    return (
      <div className="sentence-tools" data-testid="sentence-tools">
        <p className="muted">Select a sentence (click it, or use ← and →) to correct it or to loop its layer.</p>
      </div>
    );
  }
  const words = tokenize(sentence.text);
  const layerSetByHand = working?.layer ?? null;
  return (
    <div
      className="sentence-tools"
      data-testid="sentence-tools"
      aria-label={`Sentence ${index + 1} of ${count}`}
      role="group"
    >
      <div className="tools-row">
        <span className="muted">
          Sentence {index + 1} of {count}
        </span>
        <label>
          Layer{' '}
          <select
            value={sentence.layer}
            disabled={!editable}
            onChange={(e) => relabel(index, e.target.value as Layer)}
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
          <button type="button" className="link" onClick={() => relabel(index, null)}>
            Let the coach decide
          </button>
        )}
        <button
          type="button"
          disabled={!editable}
          onClick={() => {
            setDraft(sentence.text);
            setMode('edit');
          }}
        >
          Edit text
        </button>
        <button type="button" disabled={!editable || index >= count - 1} onClick={() => merge(index)}>
          Merge with next
        </button>
        <button
          type="button"
          disabled={!editable || words.length < 2 || (working !== null && working.wordEnd - working.wordStart < 2)}
          onClick={() => {
            setSplitAt(Math.max(1, Math.floor(words.length / 2)));
            setMode('split');
          }}
        >
          Split…
        </button>
        {hasAudio && (
          <button
            type="button"
            aria-pressed={loopLayer === sentence.layer}
            onClick={() => usePlayer.getState().setLoopLayer(loopLayer === sentence.layer ? null : sentence.layer)}
            data-testid="loop-layer"
          >
            {loopLayer === sentence.layer
              ? `Stop looping ${layerName(sentence.layer)}`
              : `Loop ${layerName(sentence.layer)}`}
          </button>
        )}
      </div>
      {!editable && (
        <p className="muted small">You are looking at the original analysis; switch to “Corrected” to edit.</p>
      )}
      {working?.textEdited && mode === 'idle' && <p className="muted small">Recognised as: “{working.originalText}”</p>}
      {mode === 'edit' && (
        <form
          className="edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            editText(index, draft);
            if (!useResults.getState().editError) setMode('idle');
          }}
        >
          <label htmlFor="sentence-edit">Sentence text (fix what the transcription got wrong)</label>
          <textarea
            id="sentence-edit"
            value={draft}
            rows={3}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setMode('idle');
            }}
            autoFocus
          />
          <FormActions submitLabel="Save text" onCancel={() => setMode('idle')} />
        </form>
      )}
      {mode === 'split' && (
        <form
          className="split-form"
          onSubmit={(e) => {
            e.preventDefault();
            split(index, splitAt);
            setMode('idle');
          }}
        >
          <label>
            Split before{' '}
            <select
              value={splitAt}
              onChange={(e) => setSplitAt(Number(e.target.value))}
              data-testid="split-at"
              autoFocus
            >
              {words.slice(1).map((w, i) => (
                <option key={`${i + 1}-${w}`} value={i + 1}>
                  word {i + 2}: “{w}”
                </option>
              ))}
            </select>
          </label>
          <p className="split-preview">
            <span>{words.slice(0, splitAt).join(' ')}</span>
            <span className="cut" aria-hidden="true">
              ✂
            </span>
            <span>{words.slice(splitAt).join(' ')}</span>
          </p>
          <FormActions submitLabel="Split here" onCancel={() => setMode('idle')} />
        </form>
      )}
    </div>
  );
}
