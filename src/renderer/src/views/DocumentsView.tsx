import { AuditReport } from '../components/documents/AuditReport';
import { OpenDocument } from '../components/documents/OpenDocument';
import { useDocuments } from '../stores/documents';
import '../components/documents/documents.css';

/** Documents: audit a written postmortem against the lesson, then rehearse it from an outline. */
export function DocumentsView() {
  const audit = useDocuments((s) => s.audit);
  const name = useDocuments((s) => s.name);
  const documentNo = useDocuments((s) => s.documentNo);
  return (
    <section aria-labelledby="documents-title" data-testid="documents-view">
      <header className="view-header">
        <h1 id="documents-title">Documents</h1>
        <p className="muted">
          Check a written postmortem against the four layers plus System learning, see what to change, then rehearse it
          aloud from an outline.
        </p>
      </header>
      {/* Once a document is audited, the way in shrinks to one line so the audit is what is seen. */}
      <OpenDocument compact={audit !== null} />
      {audit && name !== null && <AuditReport audit={audit} fileName={name} documentNo={documentNo} />}
    </section>
  );
}
