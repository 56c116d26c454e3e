import { useState } from 'react';
import type { AnalyzedSentence } from '../../../../core/analysis/types';
import { tokenize, type WorkingSentence } from '../../../../core/corrections';
import { EditTextForm, SplitForm } from './SentenceForms';
import { SentenceToolbar } from './SentenceToolbar';
import { usePlayer } from '../../stores/player';

interface ToolsProps {
  sentence: AnalyzedSentence | null;
  working: WorkingSentence | null;
  count: number;
  editable: boolean;
  /** Sentences whose labels are marked unsure, in order. */
  unsure: readonly number[];
}

/**
 * (Keyed by the sentence index by its parent, so moving to another sentence closes the editor.)
 * Corrections for the current sentence: its layer, its text, merging with the next sentence
 * and splitting it in two; plus "loop this layer". Every change re-runs the analysis at once.
 */
export function SentenceTools({ sentence, working, count, editable, unsure }: ToolsProps) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'split'>('idle');
  const [draft, setDraft] = useState('');
  const [splitAt, setSplitAt] = useState(1);

  if (!sentence) {
    return (
      <div className="sentence-tools" data-testid="sentence-tools">
        <p className="muted">Select a sentence (click it, or use ← and →) to correct it or to loop its layer.</p>
        <UnsureHint unsure={unsure} />
      </div>
    );
  }
  const index = sentence.index;
  const words = tokenize(sentence.text);
  const close = () => setMode('idle');
  return (
    <div
      className="sentence-tools"
      data-testid="sentence-tools"
      aria-label={`Sentence ${index + 1} of ${count}`}
      role="group"
    >
      <SentenceToolbar
        sentence={sentence}
        working={working}
        wordCount={words.length}
        count={count}
        editable={editable}
        onEdit={() => {
          setDraft(sentence.text);
          setMode('edit');
        }}
        onSplit={() => {
          setSplitAt(Math.max(1, Math.floor(words.length / 2)));
          setMode('split');
        }}
      />
      {!editable && (
        <p className="muted small">You are looking at the original analysis; switch to “Corrected” to edit.</p>
      )}
      {working?.textEdited && mode === 'idle' && <p className="muted small">Recognised as: “{working.originalText}”</p>}
      {mode === 'edit' && <EditTextForm index={index} value={draft} onChange={setDraft} onDone={close} />}
      {mode === 'split' && (
        <SplitForm index={index} words={words} value={splitAt} onChange={setSplitAt} onDone={close} />
      )}
    </div>
  );
}

/** Where to start checking: the labels the coach marked unsure, and a way to the first. */
function UnsureHint({ unsure }: { unsure: readonly number[] }) {
  const first = unsure[0];
  if (first === undefined) return null;
  const n = unsure.length;
  return (
    <p className="small" data-testid="unsure-hint">
      {n === 1 ? 'One label is' : `${n} labels are`} marked unsure: the coach may have {n === 1 ? 'it' : 'them'} wrong.{' '}
      <button type="button" className="link" onClick={() => usePlayer.getState().goToSentence(first)}>
        {n === 1 ? 'Check it' : 'Check the first'}
      </button>
    </p>
  );
}
