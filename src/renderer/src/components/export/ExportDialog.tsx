/**
 * Export a coached transcript: choose the format and the names to hide, then save (desktop: the
 * system save dialog picks the file, and replacing an existing file needs a confirmation) or
 * download (web shell: the browser saves the bytes). The page never chooses a path.
 *
 * Usage (results view): `<ExportButton sessionId={id} />`, which opens the dialog.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ExportStatus } from './ExportStatus';
import { FormatChoices } from './FormatChoices';
import { NameRedaction } from './NameRedaction';
import { formProblems } from './export-form';
import { confirmReplace, runExport, type Outcome } from './export-run';
import { useExportForm } from './use-export-form';
import './export-dialog.css';

function ExportDialog({ sessionId, open, onClose }: { sessionId: string; open: boolean; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="export-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="export-dialog"
    >
      {/* Mounted per opening, so every export starts from a fresh form and fresh name suggestions. */}
      {open && <ExportPanel sessionId={sessionId} titleId={titleId} onClose={onClose} />}
    </dialog>
  );
}

function ExportPanel({ sessionId, titleId, onClose }: { sessionId: string; titleId: string; onClose: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const { caps, form, edits } = useExportForm(sessionId, setOutcome);
  const problems = form ? formProblems(form) : [];
  const busy = outcome.kind === 'working';

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form || !caps || problems.length > 0) return;
        void runExport(sessionId, form, caps, setOutcome);
      }}
    >
      <header className="export-head">
        <h2 id={titleId}>Export coached transcript</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close export">
          ✕
        </button>
      </header>

      {form === null && outcome.kind !== 'error' && <p role="status">Loading…</p>}

      {form !== null && caps !== null && (
        <>
          <FormatChoices form={form} caps={caps} busy={busy} onChoose={(format) => edits.update({ format })} />
          <NameRedaction form={form} busy={busy} edits={edits} />
        </>
      )}

      <ExportStatus
        outcome={outcome}
        onReplace={(token) => void confirmReplace(token, setOutcome)}
        onKeep={() => setOutcome({ kind: 'idle' })}
      />

      <footer className="export-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button
          type="submit"
          className="primary"
          disabled={form === null || busy || problems.length > 0 || outcome.kind === 'confirm'}
          data-testid="export-submit"
        >
          {caps?.save ? 'Save…' : 'Download'}
        </button>
      </footer>
    </form>
  );
}

/** The results view's "Export…" button with its dialog. */
export function ExportButton({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="export-button" onClick={() => setOpen(true)}>
        Export…
      </button>
      <ExportDialog sessionId={sessionId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
