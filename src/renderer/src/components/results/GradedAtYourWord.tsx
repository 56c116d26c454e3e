/**
 * Above the results of an answer graded because the speaker said it is an incident story: what
 * the check had read, so the tier is never mistaken for the check's own judgement, and a way back.
 */
export function GradedAtYourWord({ reason, onUndo }: { reason: string; onUndo?: () => void }) {
  return (
    <div role="note" className="graded-at-your-word" data-testid="graded-at-your-word">
      <p>
        <strong>Graded at your word.</strong> You said this is an incident story; the check had read it otherwise: “
        {reason}”
      </p>
      {onUndo && (
        <p>
          <button type="button" className="link" onClick={onUndo} data-testid="grade-anyway-undo">
            Take it back (not graded)
          </button>
        </p>
      )}
    </div>
  );
}
