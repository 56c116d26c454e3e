import type { Outcome } from './export-run';

/** Progress, the result (with the placeholders used), an error, or the question about replacing a file. */
export function ExportStatus({
  outcome,
  onReplace,
  onKeep,
}: {
  outcome: Outcome;
  onReplace: (token: string) => void;
  onKeep: () => void;
}) {
  return (
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
          <button type="button" className="danger" onClick={() => onReplace(outcome.token)}>
            Replace
          </button>{' '}
          <button type="button" onClick={onKeep}>
            Keep the existing file
          </button>
        </div>
      )}
    </div>
  );
}
