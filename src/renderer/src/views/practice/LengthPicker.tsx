import { useState } from 'react';
import { budgetForLength, parseLength, STANDARD_LENGTHS_SEC } from '../../../../core/analysis/budget';
import { OUTLINE_LAYERS } from '../../../../core/analysis/layers';
import { formatClock } from '../../../../core/time/clock';
import { usePracticeSetup } from '../../stores/practice-setup';
import { BudgetRow } from './BudgetRow';

function lengthLabel(sec: number): string {
  return sec < 120 ? `${sec} s` : `${sec / 60} min`;
}

/** Answer length (60 s, 2, 3, 5 min or custom) and the engine's per-layer budget for it. */
export function LengthPicker() {
  const lengthSec = usePracticeSetup((s) => s.lengthSec);
  const update = usePracticeSetup((s) => s.update);
  const isStandard = (STANDARD_LENGTHS_SEC as readonly number[]).includes(lengthSec);
  const [customOpen, setCustomOpen] = useState(!isStandard);
  const [customText, setCustomText] = useState(isStandard ? '' : formatClock(lengthSec));
  const [customError, setCustomError] = useState<string | null>(null);
  const budget = budgetForLength(lengthSec);

  const applyCustom = (text: string) => {
    setCustomText(text);
    if (text.trim() === '') return;
    try {
      update({ lengthSec: parseLength(text) });
      setCustomError(null);
    } catch (error) {
      setCustomError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="pr-field">
      <span className="pr-field-label" id="length-label">
        Answer length
      </span>
      <div className="pr-inline">
        <div className="segmented" role="group" aria-labelledby="length-label">
          {STANDARD_LENGTHS_SEC.map((sec) => (
            <button
              key={sec}
              type="button"
              aria-pressed={!customOpen && lengthSec === sec}
              onClick={() => {
                setCustomOpen(false);
                setCustomError(null);
                update({ lengthSec: sec });
                focusNextAction();
              }}
            >
              {lengthLabel(sec)}
            </button>
          ))}
          <button type="button" aria-pressed={customOpen} onClick={() => setCustomOpen(true)}>
            Custom
          </button>
        </div>
        {customOpen && (
          <input
            aria-label="Custom length"
            style={{ width: '8rem' }}
            value={customText}
            placeholder="e.g. 4m or 2:30"
            onChange={(e) => applyCustom(e.target.value)}
          />
        )}
      </div>
      {customError && (
        <p className="pr-field-error" role="alert">
          {customError}
        </p>
      )}
      <div className="pr-budget" data-testid="budget" aria-label={`Time budget for ${formatClock(lengthSec)}`}>
        {OUTLINE_LAYERS.map((layer) => {
          const seconds = budget.seconds[layer];
          const sentences = budget.sentences[layer];
          return (
            <BudgetRow key={layer} layer={layer} percent={(seconds / budget.lengthSeconds) * 100}>
              {seconds} s · {sentences} sent.
            </BudgetRow>
          );
        })}
      </div>
      <p className="pr-field-hint">
        Mitigation stays at two sentences at most; the structural fix and what you learned get the most time.
      </p>
    </div>
  );
}

/**
 * Once the length is chosen, the next action is starting: focus moves there, so Space starts the
 * take instead of pressing the length button again. Only when Start is there and enabled (the
 * microphone is live, the set-up complete); otherwise focus stays on the choice.
 */
function focusNextAction(): void {
  requestAnimationFrame(() => {
    const start = document.querySelector<HTMLButtonElement>('[data-testid="start-recording"]');
    if (start && !start.disabled) start.focus();
  });
}
