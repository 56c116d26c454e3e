import { useRef, useState, type DragEvent } from 'react';
import { DOCUMENT_ACCEPT } from '../../stores/document-problem';

/** A visible drop target that is also the file picker, for users who do not drag. */
export function FileDropZone({
  busy,
  compact,
  onFile,
}: {
  busy: boolean;
  /** One line, once a document is open: opening another is the lesser action then. */
  compact: boolean;
  onFile(file: File): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div
      className={['doc-drop', compact ? 'doc-drop-compact' : '', over ? 'doc-drop-over' : ''].join(' ').trim()}
      data-testid="document-drop"
      onDragOver={(e) => {
        // Without preventDefault the browser would open the file itself instead of dropping it here.
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="doc-drop-title">{compact ? 'Drop another document here' : 'Drop a postmortem here'}</p>
      <p className="muted">or</p>
      <button
        type="button"
        className={compact ? undefined : 'primary'}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {compact ? 'Choose another file…' : 'Choose a file…'}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label="Postmortem document"
        accept={DOCUMENT_ACCEPT}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after editing it) audits it again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
