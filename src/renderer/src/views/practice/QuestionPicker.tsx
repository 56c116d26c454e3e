import { LAYER_INFO } from '../../../../core/analysis/layers';
import { CUSTOM_QUESTION_MAX_LENGTH, QUESTION_BANK, questionById } from '../../../../core/practice/questions';
import { usePracticeSetup } from '../../stores/practice-setup';

export function QuestionPicker() {
  const questionId = usePracticeSetup((s) => s.questionId);
  const customQuestion = usePracticeSetup((s) => s.customQuestion);
  const update = usePracticeSetup((s) => s.update);
  const selected = questionById(questionId);
  const customTooShort = questionId === 'custom' && customQuestion.trim().length < 10;
  return (
    <fieldset className="pr-field" style={{ border: 0, padding: 0, margin: '0 0 0.9rem' }}>
      <legend className="pr-field-label" style={{ marginBottom: '0.35rem' }}>
        Question
      </legend>
      <ul className="pr-question-list" data-testid="question-list">
        {QUESTION_BANK.map((q) => (
          <li key={q.id}>
            <label className={q.id === questionId ? 'pr-question-option pr-selected' : 'pr-question-option'}>
              <input
                type="radio"
                name="question"
                value={q.id}
                checked={q.id === questionId}
                onChange={() => update({ questionId: q.id })}
              />
              <span>
                {q.text}
                {q.source === 'lesson' && <span className="pr-question-source">from the lesson</span>}
              </span>
            </label>
          </li>
        ))}
        <li>
          <label className={questionId === 'custom' ? 'pr-question-option pr-selected' : 'pr-question-option'}>
            <input
              type="radio"
              name="question"
              value="custom"
              checked={questionId === 'custom'}
              onChange={() => update({ questionId: 'custom' })}
            />
            <span>Your own question…</span>
          </label>
        </li>
      </ul>
      {questionId === 'custom' && (
        <>
          <label htmlFor="custom-question" className="pr-field-label" style={{ marginTop: '0.4rem' }}>
            Your question
          </label>
          <textarea
            id="custom-question"
            rows={2}
            maxLength={CUSTOM_QUESTION_MAX_LENGTH}
            value={customQuestion}
            placeholder="e.g. Tell me about the worst outage in your area last year."
            onChange={(e) => update({ customQuestion: e.target.value })}
          />
          {customTooShort && <p className="pr-field-hint">Write the question out in full (at least 10 characters).</p>}
        </>
      )}
      {selected && (
        <p className="pr-field-hint" data-testid="question-hint">
          Stresses {LAYER_INFO[selected.stresses].longName}: {selected.hint}
        </p>
      )}
    </fieldset>
  );
}
