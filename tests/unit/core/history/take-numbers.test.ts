import { describe, expect, it } from 'vitest';
import { groupByStory, takeNumbers, type HistoryItem } from '../../../../src/core/history/group';

const take = (id: string, story: string, createdAt: string, question = 'q'): HistoryItem => ({
  id,
  story,
  createdAt,
  question,
  digest: null,
});

describe('take numbers', () => {
  const items = [
    take('a', 'Bureau', '2026-01-01T10:00:00Z', 'first question'),
    take('b', 'bureau ', '2026-01-02T10:00:00Z', 'second question'),
    take('c', 'Bureau', '2026-01-03T10:00:00Z', 'third question'),
    take('x', 'Other story', '2026-01-02T12:00:00Z'),
  ];

  it('count within each story, oldest first', () => {
    expect(Object.fromEntries(takeNumbers(items))).toEqual({ a: 1, b: 2, c: 3, x: 1 });
  });

  it('do not change when a search or a story filter hides other takes', () => {
    const numbers = takeNumbers(items);
    const shown = groupByStory(items, { search: 'third' }).flatMap((g) => g.takes);
    expect(shown.map((t) => [t.id, numbers.get(t.id)])).toEqual([['c', 3]]);
  });
});
