import { FORMAT_CHOICES, type ExportForm } from './export-form';
import type { Capabilities } from './export-run';

/** The format radio group; PDF is greyed out with the reason where this shell cannot print one. */
export function FormatChoices({
  form,
  caps,
  busy,
  onChoose,
}: {
  form: ExportForm;
  caps: Capabilities;
  busy: boolean;
  onChoose: (format: ExportForm['format']) => void;
}) {
  return (
    <fieldset className="export-formats" disabled={busy}>
      <legend>Format</legend>
      {FORMAT_CHOICES.map((choice) => {
        const unavailable = choice.id === 'pdf' && !caps.pdf.available;
        return (
          <label key={choice.id} className={form.format === choice.id ? 'format-choice selected' : 'format-choice'}>
            <input
              type="radio"
              name="format"
              value={choice.id}
              checked={form.format === choice.id}
              disabled={unavailable}
              onChange={() => onChoose(choice.id)}
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
  );
}
