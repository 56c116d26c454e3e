import { useState } from 'react';
import type { AnalyzedSentence } from '../../../../core/analysis/types';
import { tokenize, type WorkingSentence } from '../../../../core/corrections';
import { EditTextForm, SplitForm } from './SentenceForms';
import { SentenceToolbar } from './SentenceToolbar';

interface ToolsProps {
  sentence: AnalyzedSentence | null;
  working: WorkingSentence | null;
  count: number;
  editable: boolean;
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

  if (!sentence) {
    return (
      <div className="sentence-tools" data-testid="sentence-tools">
        <p className="muted">Select a sentence (click it, or use ← and →) to correct it or to loop its layer.</p>
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
