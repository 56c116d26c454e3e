import { useResults } from '../../stores/results';

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

interface FormProps<T> {
  index: number;
  /** Held by the parent, so that asking again for the open form starts it over. */
  value: T;
  onChange: (value: T) => void;
  onDone: () => void;
}

/** Fixes what the transcription got wrong in one sentence; stays open when the edit is refused. */
export function EditTextForm({ index, value: draft, onChange: setDraft, onDone }: FormProps<string>) {
  return (
    <form
      className="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        useResults.getState().editText(index, draft);
        if (!useResults.getState().editError) onDone();
      }}
    >
      <label htmlFor="sentence-edit">Sentence text (fix what the transcription got wrong)</label>
      <textarea
        id="sentence-edit"
        value={draft}
        rows={3}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        autoFocus
      />
      <FormActions submitLabel="Save text" onCancel={onDone} />
    </form>
  );
}

/** Splits one sentence in two before a chosen word, previewing both halves. */
export function SplitForm({
  index,
  words,
  value: splitAt,
  onChange: setSplitAt,
  onDone,
}: FormProps<number> & { words: string[] }) {
  return (
    <form
      className="split-form"
      onSubmit={(e) => {
        e.preventDefault();
        useResults.getState().split(index, splitAt);
        onDone();
      }}
    >
      <label>
        Split before{' '}
        <select value={splitAt} onChange={(e) => setSplitAt(Number(e.target.value))} data-testid="split-at" autoFocus>
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
      <FormActions submitLabel="Split here" onCancel={onDone} />
    </form>
  );
}
