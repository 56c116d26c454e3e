/** What the results page shows when the take cannot be loaded or has no analysis. */
export function ResultsUnavailable({ message, onBack }: { message: string | null; onBack: () => void }) {
  return (
    <section aria-labelledby="results-title">
      <header className="view-header">
        <button type="button" className="link" onClick={onBack}>
          ← Sessions
        </button>
        <h1 id="results-title">Results</h1>
      </header>
      <p role="alert" className="error">
        {message ?? 'These results cannot be shown.'}
      </p>
    </section>
  );
}
