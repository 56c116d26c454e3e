import { useState } from 'react';
import { formatClock } from '../../../../core/time/clock';
import type { TakeSetupInput } from '../../../../shared/channels/recording';
import { useTake } from '../../stores/take';
import { clearTypedDraft, useTypedDraft, useWritingClock } from './typed-answer-hooks';

/** The lesson's written exercise: a countdown (15 min by default) and an editor. */
export function TypedAnswer({ setup, minutes, onLeave }: { setup: TakeSetupInput; minutes: number; onLeave(): void }) {
  const { elapsed, left, limitSec } = useWritingClock(minutes);
  const [text, setText] = useTypedDraft();
  const [submitting, setSubmitting] = useState(false);
  const submitTyped = useTake((s) => s.submitTyped);
  const error = useTake((s) => s.error);
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;

  const submit = async () => {
    setSubmitting(true);
    const ok = await submitTyped({ ...setup, text, writingSec: Math.round(elapsed), timeLimitSec: limitSec });
    setSubmitting(false);
    if (ok) clearTypedDraft();
  };

  return (
    <section className="panel" aria-labelledby="typed-title" data-testid="typed-answer" style={{ maxWidth: 900 }}>
      <TypedAnswerBar setup={setup} left={left} />
      <p className="pr-field-hint pr-typed-hint" data-testid="typed-hint">
        Label the layers as you write (“Detection —”, or “Structural fix” as a heading line); a list item is a sentence
        of its own. Mitigation gets at most two sentences; spend the words on what changed structurally and what you
        learned.
      </p>
      <textarea
        className="pr-typed-editor"
        aria-label="Your answer"
        data-testid="typed-editor"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Q3 last year, our fraud model started… Detection — …"
        autoFocus
      />
      <div className="pr-rec-actions">
        <button
          type="button"
          className="primary"
          data-testid="submit-typed"
          disabled={submitting || words < 5}
          onClick={() => void submit()}
        >
          Submit for analysis
        </button>
        <button type="button" onClick={onLeave}>
          Back to set-up (keeps the draft)
        </button>
        <span className="muted">{words} words</span>
      </div>
      {error && (
        <p className="pr-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The question and story answered, and the time left (or over). */
function TypedAnswerBar({ setup, left }: { setup: TakeSetupInput; left: number }) {
  return (
    <div className="pr-typed-bar">
      <div>
        <h2 id="typed-title" style={{ margin: 0 }}>
          Written answer
        </h2>
        <p className="muted" style={{ margin: 0 }}>
          “{setup.question}” · {setup.story}
        </p>
      </div>
      <div
        className={left <= 0 ? 'pr-typed-timer pr-overtime' : 'pr-typed-timer'}
        data-testid="typed-timer"
        role="timer"
        aria-label="Time left"
      >
        {left <= 0 ? `Time’s up +${formatClock(-left)}` : formatClock(Math.ceil(left))}
      </div>
    </div>
  );
}
