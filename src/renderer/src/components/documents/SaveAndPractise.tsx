import { useState } from 'react';
import { useDocuments } from '../../stores/documents';
import { openPracticeAtTop } from '../../stores/navigation';
import { OutlineLength } from './OutlineLength';
import { STORY_NAME_MAX, storyNameProblem } from './story-name';

/**
 * Keeps the audit with a story (its takes group under it) and starts rehearsing: Practice opens
 * with that story and the outline's length, and the outline shows beside the timer.
 */
export function SaveAndPractise({ defaultName }: { defaultName: string }) {
  const [name, setName] = useState(defaultName);
  const saved = useDocuments((s) => s.saved);
  const audit = useDocuments((s) => s.audit);
  const saving = useDocuments((s) => s.saving);
  const saveError = useDocuments((s) => s.saveError);
  const minutes = useDocuments((s) => s.minutes);
  const setMinutes = useDocuments((s) => s.setMinutes);
  const auditing = useDocuments((s) => s.status === 'auditing');
  const problem = storyNameProblem(name);
  const upToDate = saved !== null && saved.audit === audit;
  const blocked = problem !== null || saving || auditing;

  const practise = async () => {
    if (!(await useDocuments.getState().practise(name))) return;
    openPracticeAtTop();
  };

  return (
    <section className="panel doc-save" aria-labelledby="doc-save-title" data-testid="save-and-practise">
      <h2 id="doc-save-title">Rehearse it aloud</h2>
      <OutlineLength minutes={minutes} busy={auditing} onChange={(m) => void setMinutes(m)} />
      <div className="doc-field">
        <label htmlFor="doc-story-name">Story name</label>
        <input
          id="doc-story-name"
          value={name}
          maxLength={STORY_NAME_MAX}
          // A new name means a new story: saving again must not rename the story already made.
          disabled={saved !== null}
          aria-invalid={problem !== null}
          aria-describedby="doc-story-name-hint"
          onChange={(e) => setName(e.target.value)}
        />
        <span id="doc-story-name-hint" className={problem ? 'doc-field-error' : 'muted small'}>
          {problem ?? 'Takes of this incident group under this story in Sessions.'}
        </span>
      </div>
      <div className="doc-actions">
        <button
          type="button"
          className="primary"
          disabled={blocked}
          onClick={() => void practise()}
          data-testid="practise-outline"
        >
          Practise with this outline
        </button>
        <button
          type="button"
          disabled={blocked || upToDate}
          onClick={() => void useDocuments.getState().saveAsStory(name)}
        >
          {upToDate ? 'Saved as a story' : saved ? 'Save again' : 'Save as story'}
        </button>
      </div>
      <p className="muted small">
        Opens Practice with this story and a {minutes}:00 target; the outline below stays beside the timer while you
        speak.
      </p>
      {saved && (
        <p className="small" role="status" data-testid="saved-story">
          Saved as the story “{name}”{upToDate ? '' : ' (with the previous outline length)'}.
        </p>
      )}
      {saveError && (
        <p className="doc-field-error" role="alert">
          {saveError}
        </p>
      )}
    </section>
  );
}
