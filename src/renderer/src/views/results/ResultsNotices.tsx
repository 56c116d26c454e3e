import { useResults } from '../../stores/results';

/** A failed save of the corrections, and problems with the stored take worth knowing about. */
export function ResultsNotices() {
  const state = useResults();
  return (
    <>
      {state.saveState === 'error' && (
        <p role="alert" className="error">
          Your corrections could not be saved: {state.saveMessage}
        </p>
      )}
      {state.notices.map((n) => (
        <p key={n} role="status" className="warning">
          {n}
        </p>
      ))}
    </>
  );
}
