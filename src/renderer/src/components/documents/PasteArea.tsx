import { useState } from 'react';
import { MAX_PASTED_CHARS } from '../../../../shared/channels/documents';

/** For a postmortem that lives in a wiki or a ticket: paste its text (Markdown headings are kept). */
export function PasteArea({ busy, onText }: { busy: boolean; onText(text: string): void }) {
  const [text, setText] = useState('');
  const usable = text.trim().length > 0;
  return (
    <form
      className="doc-paste"
      onSubmit={(e) => {
        e.preventDefault();
        if (usable) onText(text);
      }}
    >
      <label htmlFor="document-paste">Or paste the text</label>
      <textarea
        id="document-paste"
        rows={7}
        maxLength={MAX_PASTED_CHARS}
        value={text}
        placeholder={'# Checkout outage\n\n## Detection\nCustomers reported it before any alert fired…'}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button type="submit" disabled={!usable || busy}>
          Audit pasted text
        </button>
      </div>
    </form>
  );
}
