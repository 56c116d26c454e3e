/**
 * The history list as the Sessions view shows it: takes grouped by story (most recent story
 * first, takes newest first), narrowed by a search text and a story filter.
 */
import type { AnalysisDigest } from './digest';

/** The fields of a history entry the grouping needs (the contract's HistoryEntry fits). */
export interface HistoryItem {
  id: string;
  createdAt: string;
  question: string;
  story: string;
  title?: string | undefined;
  digest: AnalysisDigest | null;
}

export interface StoryGroup<T extends HistoryItem> {
  story: string;
  takes: T[];
  /** Takes of the story with an analysis, oldest first (what the progress chart plots). */
  attempts: T[];
}

export interface HistoryFilter {
  search?: string;
  /** Exact story name, or empty for all. */
  story?: string;
}

/** Story names are compared without case or surrounding space, so "Bureau" and "bureau " group. */
function storyKey(story: string): string {
  return story.trim().toLowerCase();
}

function matches(item: HistoryItem, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = `${item.story} ${item.title ?? ''} ${item.question} ${item.digest?.tier ?? ''}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function groupByStory<T extends HistoryItem>(items: readonly T[], filter: HistoryFilter = {}): StoryGroup<T>[] {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = filter.story ? storyKey(filter.story) : null;
  const groups = new Map<string, StoryGroup<T>>();
  for (const item of items) {
    if (wanted !== null && storyKey(item.story) !== wanted) continue;
    if (!matches(item, words)) continue;
    const key = storyKey(item.story);
    let group = groups.get(key);
    if (!group) {
      group = { story: item.story.trim() || 'Untitled story', takes: [], attempts: [] };
      groups.set(key, group);
    }
    group.takes.push(item);
  }
  const out = [...groups.values()];
  for (const group of out) {
    group.takes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    // The story is shown as the newest take spells it.
    group.story = group.takes[0]?.story.trim() || group.story;
    group.attempts = group.takes.filter((t) => t.digest !== null).reverse();
  }
  out.sort((a, b) => (b.takes[0]?.createdAt ?? '').localeCompare(a.takes[0]?.createdAt ?? ''));
  return out;
}

/**
 * "Take N" for every take: its place among all takes of its story, oldest first. Computed over the
 * whole history, never the filtered list, so searching or filtering does not renumber takes.
 */
export function takeNumbers(items: readonly HistoryItem[]): Map<string, number> {
  const byStory = new Map<string, HistoryItem[]>();
  for (const item of items) {
    const key = storyKey(item.story);
    byStory.set(key, [...(byStory.get(key) ?? []), item]);
  }
  const numbers = new Map<string, number>();
  for (const takes of byStory.values()) {
    [...takes]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .forEach((take, i) => numbers.set(take.id, i + 1));
  }
  return numbers;
}

/** Distinct story names, most recently practised first (for the filter). */
export function storyNames(items: readonly HistoryItem[]): string[] {
  return groupByStory(items).map((g) => g.story);
}
