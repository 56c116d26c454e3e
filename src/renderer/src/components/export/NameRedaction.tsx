import { CATEGORY_CHOICES, rowProblem, type ExportForm, type NameRow } from './export-form';
import type { ExportFormEdits } from './use-export-form';

/** The redaction switch and, when on, the editable list of names to replace with placeholders. */
export function NameRedaction({ form, busy, edits }: { form: ExportForm; busy: boolean; edits: ExportFormEdits }) {
  return (
    <fieldset className="export-redaction" disabled={busy}>
      <legend>Names</legend>
      <label className="redact-toggle">
        <input
          type="checkbox"
          checked={form.redact}
          onChange={(e) => edits.update({ redact: e.target.checked })}
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
            {form.rows.map((row) => (
              <NameRowEditor key={row.key} row={row} edits={edits} />
            ))}
          </ul>
          <button type="button" onClick={edits.addRow}>
            Add a name
          </button>
        </>
      )}
    </fieldset>
  );
}

function NameRowEditor({ row, edits }: { row: NameRow; edits: ExportFormEdits }) {
  const problem = rowProblem(row);
  return (
    <li className={row.enabled ? 'name-row' : 'name-row off'}>
      <input
        type="checkbox"
        checked={row.enabled}
        onChange={(e) => edits.updateRow(row.key, { enabled: e.target.checked })}
        aria-label={`Redact ${row.text || 'this name'}`}
      />
      <input
        type="text"
        value={row.text}
        onChange={(e) => edits.updateRow(row.key, { text: e.target.value })}
        aria-label="Name (other spellings after |)"
        aria-invalid={problem !== null}
        placeholder="e.g. Acme Bank | Acme"
      />
      <select
        value={row.category}
        onChange={(e) => edits.updateRow(row.key, { category: e.target.value as NameRow['category'] })}
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
        onClick={() => edits.removeRow(row.key)}
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
}
