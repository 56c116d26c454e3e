/** The history store's state and the handle its actions work through. */
import type { HistoryEntry } from '../../../shared/channels/history';

interface PendingDelete {
  id: string;
  label: string;
  timer: ReturnType<typeof setTimeout>;
}

export interface HistoryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  sessions: HistoryEntry[];
  unreadable: { file: string; reason: string }[];
  error: string | null;
  search: string;
  story: string;
  /** Takes ticked for comparison (at most two). */
  selected: string[];
  pending: PendingDelete[];
  actionError: string | null;
  load(): Promise<void>;
  setSearch(search: string): void;
  setStory(story: string): void;
  toggleSelected(id: string): void;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  undo(id: string): Promise<void>;
}

export interface HistoryStore {
  set(patch: Partial<HistoryState> | ((state: HistoryState) => Partial<HistoryState>)): void;
  get(): HistoryState;
}
