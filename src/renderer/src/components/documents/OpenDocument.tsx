import { useState } from 'react';
import { useDocuments } from '../../stores/documents';
import { MAX_DOCUMENT_MB } from '../../stores/document-problem';
import { FileDropZone } from './FileDropZone';
import { PasteArea } from './PasteArea';
import { ProblemNotice } from './ProblemNotice';

/** The three ways in (picker, drop, paste), with what is accepted said before anything is tried. */
export function OpenDocument({ compact }: { compact: boolean }) {
  const status = useDocuments((s) => s.status);
  const problem = useDocuments((s) => s.problem);
  const auditFile = useDocuments((s) => s.auditFile);
  const auditText = useDocuments((s) => s.auditText);
  const [pasting, setPasting] = useState(false);
  const busy = status === 'auditing';
  const showPaste = !compact || pasting;
  return (
    <section
      className={compact ? 'panel doc-open doc-open-compact' : 'panel doc-open'}
      aria-labelledby="doc-open-title"
    >
      <h2 id="doc-open-title" className={compact ? 'visually-hidden' : undefined}>
        Open a postmortem
      </h2>
      <p className="muted doc-requirements" data-testid="document-requirements">
        Markdown, plain text, HTML or Word (.docx), up to {MAX_DOCUMENT_MB} MB. PDFs are not read: export them as .docx
        or Markdown first.
        {!compact &&
          ' Headings such as “Detection”, “Root cause” or “Action items” help the audit. The document stays on this machine.'}
      </p>
      <div className="doc-open-ways">
        <FileDropZone
          busy={busy}
          compact={compact}
          onFile={(file) => {
            setPasting(false);
            void auditFile(file);
          }}
        />
        {compact && !pasting && (
          <button type="button" onClick={() => setPasting(true)}>
            Paste text instead…
          </button>
        )}
        {showPaste && <PasteArea busy={busy} onText={(text) => void auditText(text)} />}
      </div>
      {busy && (
        <p role="status" className="muted doc-busy" data-testid="document-auditing">
          Reading and auditing the document…
        </p>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
