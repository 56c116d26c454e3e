import type { HistoryEntry } from '../../../../shared/channels/history';
import { useHistory } from '../../stores/history';
import { useNavigation } from '../../stores/navigation';

interface ToolbarProps {
  search: string;
  story: string;
  stories: string[];
  /** Ids of the ticked takes. */
  selected: string[];
  selectedEntries: HistoryEntry[];
}

/** Search, the story filter, and comparing the two ticked takes (only of one story). */
export function HistoryToolbar({ search, story, stories, selected, selectedEntries }: ToolbarProps) {
  const open = useNavigation((s) => s.open);
  const sameStory =
    selectedEntries.length === 2 &&
    selectedEntries[0]?.story.trim().toLowerCase() === selectedEntries[1]?.story.trim().toLowerCase();
  return (
    <div className="history-toolbar" role="search">
      <label>
        Search{' '}
        <input
          type="search"
          value={search}
          placeholder="story, title, question, tier"
          onChange={(e) => useHistory.getState().setSearch(e.target.value)}
          data-testid="history-search"
        />
      </label>
      <label>
        Story{' '}
        <select
          value={story}
          onChange={(e) => useHistory.getState().setStory(e.target.value)}
          data-testid="story-filter"
        >
          <option value="">All stories</option>
          {stories.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={!sameStory}
        title={sameStory ? 'Compare the two ticked takes' : 'Tick two takes of the same story to compare them'}
        onClick={() => {
          const [a, b] = [...selectedEntries].sort((p, q) => p.createdAt.localeCompare(q.createdAt));
          if (a && b) open({ view: 'compare', a: a.id, b: b.id });
        }}
        data-testid="compare-button"
      >
        Compare {selected.length}/2
      </button>
      {selected.length === 2 && !sameStory && <span className="muted small">Pick two takes of the same story.</span>}
    </div>
  );
}
