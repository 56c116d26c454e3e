import { usePracticeSetup } from '../../stores/practice-setup';

/** Answering in writing: the lesson's exercise, the writing time, and the start button. */
export function WritingSetup({ canStart, onStart }: { canStart: boolean; onStart(): void }) {
  const { typedMinutes, update } = usePracticeSetup();
  return (
    <div>
      <p className="muted">
        The lesson’s written exercise: a timed editor, then the same analysis with times estimated from a speaking pace.
        Constraints: Mitigation in at most two sentences; the structural fix names a continuing artifact; the system
        learning is applied elsewhere; own a detection gap or an earlier near-miss.
      </p>
      <div className="pr-field">
        <label htmlFor="typed-minutes">Writing time (minutes)</label>
        <input
          id="typed-minutes"
          type="number"
          min={1}
          max={240}
          style={{ width: '7rem' }}
          value={typedMinutes}
          onChange={(e) =>
            update({ typedMinutes: Math.max(1, Math.min(240, Math.round(Number(e.target.value) || 15))) })
          }
        />
      </div>
      <div className="pr-start-row">
        <button type="button" className="primary" data-testid="start-typing" disabled={!canStart} onClick={onStart}>
          Start writing
        </button>
      </div>
    </div>
  );
}
