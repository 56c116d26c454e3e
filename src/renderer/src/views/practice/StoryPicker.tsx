import { useState } from 'react';
import { usePracticeSetup } from '../../stores/practice-setup';
import { useStories } from '../../stores/stories';
import { useFreshData } from '../../use-fresh-data';

/** The incident this take tells: users rehearse the same few stories many times. */
export function StoryPicker() {
  const { status, stories, problem, error, load, create } = useStories();
  const update = usePracticeSetup((s) => s.update);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');

  // Take counts change with every take; a failed load clears once the back end answers.
  useFreshData(load, status === 'error');

  const showCreate = creating || (status === 'ready' && stories.length === 0);

  const submit = async () => {
    const created = await create(name);
    if (created) {
      update({ storyId: created.id });
      setName('');
      setCreating(false);
    }
  };

  return (
    <div className="pr-field">
      <label htmlFor="story-select">Story</label>
      {problem && (
        <p className="pr-field-error" role="alert">
          {problem}
        </p>
      )}
      {stories.length > 0 && !showCreate && <StorySelect onNew={() => setCreating(true)} />}
      {showCreate && (
        <NewStoryForm
          name={name}
          setName={setName}
          firstStory={stories.length === 0}
          onSubmit={() => void submit()}
          onCancel={() => setCreating(false)}
        />
      )}
      {error && (
        <p className="pr-field-error" role="alert">
          {error}
        </p>
      )}
      <p className="pr-field-hint">Takes are grouped by story, so you can watch the same incident improve.</p>
    </div>
  );
}

/** The stories told before, with how many takes each has, and a way to add one. */
function StorySelect({ onNew }: { onNew(): void }) {
  const stories = useStories((s) => s.stories);
  const storyId = usePracticeSetup((s) => s.storyId);
  const update = usePracticeSetup((s) => s.update);
  const known = stories.some((s) => s.id === storyId);
  return (
    <div className="pr-inline">
      <select
        id="story-select"
        className="pr-grow"
        value={known ? (storyId ?? '') : ''}
        onChange={(e) => update({ storyId: e.target.value || null })}
      >
        <option value="">Choose the incident you will tell…</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.sessions > 0 ? ` (${s.sessions} take${s.sessions === 1 ? '' : 's'})` : ''}
          </option>
        ))}
      </select>
      <button type="button" onClick={onNew}>
        New story…
      </button>
    </div>
  );
}

/** Names a new story; the first story takes the picker's place (and its label), so it cannot be cancelled. */
function NewStoryForm({
  name,
  setName,
  firstStory,
  onSubmit,
  onCancel,
}: {
  name: string;
  setName(name: string): void;
  firstStory: boolean;
  onSubmit(): void;
  onCancel(): void;
}) {
  return (
    <form
      className="pr-inline"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <input
        id={firstStory ? 'story-select' : 'story-new'}
        aria-label="New story name"
        className="pr-grow"
        value={name}
        maxLength={80}
        placeholder="Name the incident, e.g. “Fraud model false positives”"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={name.trim().length < 2}>
        Add story
      </button>
      {!firstStory && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
