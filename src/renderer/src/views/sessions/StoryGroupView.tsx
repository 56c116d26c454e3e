import { useState } from 'react';
import type { StoryGroup } from '../../../../core/history/group';
import type { HistoryEntry } from '../../../../shared/channels/history';
import { ProgressChart } from '../../components/history/ProgressChart';
import { TakeRow } from './TakeRow';

/** One story's takes as a table, with its progress chart on demand. */
export function StoryGroupView({
  group,
  selected,
  numbers,
}: {
  group: StoryGroup<HistoryEntry>;
  selected: string[];
  numbers: Map<string, number>;
}) {
  const [showProgress, setShowProgress] = useState(false);
  const headingId = `story-${group.story.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <section className="story-group" aria-labelledby={headingId} data-testid="story-group">
      <header className="story-head">
        <h2 id={headingId}>{group.story}</h2>
        <span className="muted">
          {group.takes.length} take{group.takes.length === 1 ? '' : 's'}
        </span>
        <button
          type="button"
          aria-expanded={showProgress}
          onClick={() => setShowProgress(!showProgress)}
          data-testid="progress-toggle"
        >
          {showProgress ? 'Hide progress' : 'Progress'}
        </button>
      </header>
      {showProgress && (
        <ProgressChart
          story={group.story}
          attempts={group.attempts.flatMap((a) =>
            a.digest ? [{ id: a.id, createdAt: a.createdAt, digest: a.digest }] : [],
          )}
        />
      )}
      <div className="table-scroll">
        <table className="sessions-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col">Take</th>
              <th scope="col">Date</th>
              <th scope="col">Length</th>
              <th scope="col">Tier</th>
              <th scope="col">Levels</th>
              <th scope="col">Mitigation vs Structural fix</th>
            </tr>
          </thead>
          <tbody>
            {group.takes.map((take) => (
              <TakeRow
                key={take.id}
                take={take}
                number={numbers.get(take.id) ?? 0}
                checked={selected.includes(take.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
