import { useTake } from '../../stores/take';

/** A take that ended without a result: no speech, device lost, disk full, engine missing. */
export function EndedPanel() {
  const ended = useTake((s) => s.ended);
  const take = useTake((s) => s.take);
  const process = useTake((s) => s.process);
  const reset = useTake((s) => s.reset);
  if (!ended) return null;
  return (
    <section className="panel" aria-labelledby="ended-title" data-testid="take-ended" style={{ maxWidth: 720 }}>
      <h2 id="ended-title">{ended.title}</h2>
      <div className="pr-banner error" role="alert" data-testid="ended-message">
        {ended.message}
      </div>
      <div className="pr-rec-actions">
        {ended.canAnalyse && take && (
          <button type="button" className="primary" onClick={() => void process(take.sessionId, take)}>
            Analyse what was saved
          </button>
        )}
        <button type="button" onClick={reset}>
          Back to set-up
        </button>
      </div>
    </section>
  );
}
