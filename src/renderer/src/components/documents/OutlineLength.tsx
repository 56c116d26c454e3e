import { OUTLINE_MINUTES, type OutlineMinutes } from '../../../../core/document/audit-schema';

/** 2, 3 or 5 minutes: the answer lengths interviews ask for. */
export function OutlineLength({
  minutes,
  busy,
  onChange,
}: {
  minutes: OutlineMinutes;
  busy: boolean;
  onChange(minutes: OutlineMinutes): void;
}) {
  return (
    <div className="doc-length" role="group" aria-labelledby="doc-length-label">
      <span id="doc-length-label" className="muted small">
        Answer length
      </span>
      <div className="segmented">
        {OUTLINE_MINUTES.map((m) => (
          <button key={m} type="button" aria-pressed={minutes === m} disabled={busy} onClick={() => onChange(m)}>
            {m} min
          </button>
        ))}
      </div>
    </div>
  );
}
