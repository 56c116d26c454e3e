/**
 * Export a coached transcript: choose the format and the names to hide, then save (desktop: the
 * system save dialog picks the file, and replacing an existing file needs a confirmation) or
 * download (web shell: the browser saves the bytes). The page never chooses a path.
 *
 * Usage (results view): `<ExportDialog sessionId={id} open={open} onClose={() => setOpen(false)} />`
 * or the ready-made `<ExportButton sessionId={id} />`.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { call, CallError, messageOf } from '../../coach';
import {
  CATEGORY_CHOICES,
  FORMAT_CHOICES,
  formProblems,
  initialForm,
  redactionNames,
  rowProblem,
  type ExportForm,
  type NameRow,
} from './export-form';
import './export-dialog.css';

interface Capabilities {
  save: boolean;
  pdf: { available: boolean; reason: string | null };
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; message: string; placeholders: Array<{ placeholder: string; names: string[]; used: boolean }> }
  | { kind: 'confirm'; token: string; fileName: string; path: string }
  | { kind: 'error'; message: string };

/** Hands bytes to the browser as a download (web shell). */
function download(bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportDialog({ sessionId, open, onClose }: { sessionId: string; open: boolean; onClose: () => void }) {
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
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [form, setForm] = useState<ExportForm | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const nextKey = useRef(1000);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [capabilities, found] = await Promise.all([
          call('export.capabilities', {}),
          call('export.candidates', { sessionId }),
        ]);
        if (!live) return;
        setCaps(capabilities);
        const initial = initialForm(found.candidates);
        setForm(capabilities.pdf.available ? initial : { ...initial, format: 'html' });
      } catch (error) {
        if (live) setOutcome({ kind: 'error', message: messageOf(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [sessionId]);

  const update = (change: Partial<ExportForm>) => setForm((f) => (f ? { ...f, ...change } : f));
  const updateRow = (key: number, change: Partial<NameRow>) =>
    setForm((f) => (f ? { ...f, rows: f.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) } : f));
  const addRow = () =>
    setForm((f) =>
      f
        ? {
            ...f,
            rows: [...f.rows, { key: nextKey.current++, text: '', category: 'company', found: null, enabled: true }],
          }
        : f,
    );
  const removeRow = (key: number) => setForm((f) => (f ? { ...f, rows: f.rows.filter((r) => r.key !== key) } : f));

  const problems = form ? formProblems(form) : [];
  const busy = outcome.kind === 'working';

  async function submit(): Promise<void> {
    if (!form || !caps || problems.length > 0) return;
    const request = { sessionId, format: form.format, names: redactionNames(form) };
    try {
      if (caps.save) {
        setOutcome({ kind: 'working', what: 'Preparing the file…' });
        const saved = await call('export.save', request);
        if (saved.status === 'cancelled') setOutcome({ kind: 'idle' });
        else if (saved.status === 'confirm_overwrite')
          setOutcome({ kind: 'confirm', token: saved.token, fileName: saved.fileName, path: saved.path });
        else
          setOutcome({
            kind: 'done',
            message: `Saved ${saved.fileName} (${Math.ceil(saved.bytes / 1024)} KB) to ${saved.path}.`,
            placeholders: [],
          });
        return;
      }
      setOutcome({ kind: 'working', what: form.format === 'pdf' ? 'Printing the PDF…' : 'Preparing the file…' });
      const rendered = await call('export.render', request);
      download(rendered.bytes as Uint8Array<ArrayBuffer>, rendered.fileName, rendered.mimeType);
      setOutcome({
        kind: 'done',
        message: `Downloaded ${rendered.fileName} (${Math.ceil(rendered.bytes.byteLength / 1024)} KB).`,
        placeholders: rendered.placeholders,
      });
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof CallError ? error.info.message : messageOf(error) });
    }
  }

  async function confirmReplace(token: string): Promise<void> {
    setOutcome({ kind: 'working', what: 'Replacing the file…' });
    try {
      const saved = await call('export.confirmOverwrite', { token });
      setOutcome({ kind: 'done', message: `Replaced ${saved.fileName} at ${saved.path}.`, placeholders: [] });
    } catch (error) {
      setOutcome({ kind: 'error', message: messageOf(error) });
    }
  }

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
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
          <fieldset className="export-formats" disabled={busy}>
            <legend>Format</legend>
            {FORMAT_CHOICES.map((choice) => {
              const unavailable = choice.id === 'pdf' && !caps.pdf.available;
              return (
                <label
                  key={choice.id}
                  className={form.format === choice.id ? 'format-choice selected' : 'format-choice'}
                >
                  <input
                    type="radio"
                    name="format"
                    value={choice.id}
                    checked={form.format === choice.id}
                    disabled={unavailable}
                    onChange={() => update({ format: choice.id })}
                  />
                  <span>
                    <strong>{choice.label}</strong>
                    <span className="muted small">
                      {unavailable ? (caps.pdf.reason ?? 'Not available here.') : choice.hint}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>

          <fieldset className="export-redaction" disabled={busy}>
            <legend>Names</legend>
            <label className="redact-toggle">
              <input
                type="checkbox"
                checked={form.redact}
                onChange={(e) => update({ redact: e.target.checked })}
                data-testid="redact-toggle"
              />
              Replace names with placeholders (Company A, Person B…) before sharing
            </label>
            {form.redact && (
              <>
                <p className="muted small">
                  {form.rows.some((r) => r.found)
                    ? 'Capitalised names found in your story are ticked. Untick what may stay, add anything else (other spellings after “|”).'
                    : 'No capitalised names were found. Add companies, customers, people or services to hide (other spellings after “|”).'}
                </p>
                <ul className="name-rows">
                  {form.rows.map((row) => {
                    const problem = rowProblem(row);
                    return (
                      <li key={row.key} className={row.enabled ? 'name-row' : 'name-row off'}>
                        <input
                          type="checkbox"
                          checked={row.enabled}
                          onChange={(e) => updateRow(row.key, { enabled: e.target.checked })}
                          aria-label={`Redact ${row.text || 'this name'}`}
                        />
                        <input
                          type="text"
                          value={row.text}
                          onChange={(e) => updateRow(row.key, { text: e.target.value })}
                          aria-label="Name (other spellings after |)"
                          aria-invalid={problem !== null}
                          placeholder="e.g. Acme Bank | Acme"
                        />
                        <select
                          value={row.category}
                          onChange={(e) => updateRow(row.key, { category: e.target.value as NameRow['category'] })}
                          aria-label="Kind of name"
                        >
                          {CATEGORY_CHOICES.map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.label}
                            </option>
                          ))}
                        </select>
                        {row.found && <span className="muted small">{row.found.count}×</span>}
                        <button
                          type="button"
                          className="link"
                          onClick={() => removeRow(row.key)}
                          aria-label={`Remove ${row.text || 'this name'}`}
                        >
                          Remove
                        </button>
                        {problem && (
                          <span className="error small name-problem" role="alert">
                            {problem}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
                <button type="button" onClick={addRow}>
                  Add a name
                </button>
              </>
            )}
          </fieldset>
        </>
      )}

      <div className="export-status" aria-live="polite">
        {outcome.kind === 'working' && <p role="status">{outcome.what}</p>}
        {outcome.kind === 'error' && (
          <p role="alert" className="error">
            {outcome.message}
          </p>
        )}
        {outcome.kind === 'done' && (
          <div role="status" className="export-done" data-testid="export-done">
            <p>{outcome.message}</p>
            {outcome.placeholders.some((p) => p.used) && (
              <p className="muted small">
                Replaced:{' '}
                {outcome.placeholders
                  .filter((p) => p.used)
                  .map((p) => `${p.names[0] ?? ''} → ${p.placeholder}`)
                  .join(', ')}
                .
              </p>
            )}
          </div>
        )}
        {outcome.kind === 'confirm' && (
          <div role="alertdialog" aria-label="Replace existing file" className="warning">
            <p>
              <strong>{outcome.fileName}</strong> already exists. Replace it?
            </p>
            <button type="button" className="danger" onClick={() => void confirmReplace(outcome.token)}>
              Replace
            </button>{' '}
            <button type="button" onClick={() => setOutcome({ kind: 'idle' })}>
              Keep the existing file
            </button>
          </div>
        )}
      </div>

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
