import { useRef, useState } from 'react';
import { call, messageOf } from '../../coach';

const STATUS_TEXT = {
  imported: 'Imported',
  already_present: 'Already in your sessions',
  imported_as_copy: 'Imported as a copy (a different take had the same id)',
} as const;

/**
 * Brings back a session exported as JSON (from this or another machine). The page reads the file
 * the user picked and sends its text; the back end validates it like any stored session.
 */
export function ImportSessionButton({ onImported }: { onImported: (id: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const importFile = async (file: File): Promise<void> => {
    setMessage(null);
    try {
      const result = await call('export.importJson', { json: await file.text() });
      setMessage({
        kind: 'ok',
        text: `${STATUS_TEXT[result.status]}: ${result.session.title ?? result.session.story}`,
      });
      onImported(result.id);
    } catch (error) {
      setMessage({ kind: 'error', text: `${file.name} could not be imported: ${messageOf(error)}` });
    }
  };

  return (
    <div className="row">
      <button type="button" onClick={() => input.current?.click()}>
        Import a session file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-session-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {message && (
        <span
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : 'muted'}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
