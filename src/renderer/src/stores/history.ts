import { create } from 'zustand';
import type { HistoryEntry } from '../../../shared/channels/history';
import { call, messageOf } from '../coach';

/** Seconds a deleted take can be brought back before it is purged for good. */
export const UNDO_SECONDS = 10;

interface PendingDelete {
  id: string;
  label: string;
  timer: ReturnType<typeof setTimeout>;
}

interface HistoryState {
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

export const useHistory = create<HistoryState>((set, get) => ({
  status: 'idle',
  sessions: [],
  unreadable: [],
  error: null,
  search: '',
  story: '',
  selected: [],
  pending: [],
  actionError: null,

  load: async () => {
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
    try {
      const listing = await call('history.list', {});
      const pendingIds = new Set(get().pending.map((p) => p.id));
      set({
        status: 'ready',
        // A take waiting in the undo window is already in the trash; nothing to filter, but keep
        // the list honest if the back end was slow to move it.
        sessions: listing.sessions.filter((s) => !pendingIds.has(s.id)),
        unreadable: listing.unreadable,
        error: null,
        selected: get().selected.filter((id) => listing.sessions.some((s) => s.id === id)),
      });
    } catch (error) {
      set({ status: 'error', error: messageOf(error) });
    }
  },

  setSearch: (search) => set({ search }),
  setStory: (story) => set({ story, selected: [] }),

  toggleSelected: (id) => {
    const { selected } = get();
    if (selected.includes(id)) set({ selected: selected.filter((s) => s !== id) });
    else set({ selected: [...selected, id].slice(-2) });
  },

  rename: async (id, title) => {
    try {
      const result = await call('history.rename', { id, title });
      set({
        actionError: null,
        sessions: get().sessions.map((s) => {
          if (s.id !== id) return s;
          const { title: _old, ...rest } = s;
          void _old;
          return result.title === null ? rest : { ...rest, title: result.title };
        }),
      });
    } catch (error) {
      set({ actionError: `Could not rename: ${messageOf(error)}` });
    }
  },

  remove: async (id) => {
    const entry = get().sessions.find((s) => s.id === id);
    try {
      await call('history.delete', { id });
    } catch (error) {
      set({ actionError: `Could not delete: ${messageOf(error)}` });
      return;
    }
    const timer = setTimeout(() => {
      // The undo window closed: purge for good.
      set({ pending: get().pending.filter((p) => p.id !== id) });
      void call('history.purge', { id }).catch(() => {
        // Left in the trash; the back end purges it at the next listing after a day.
      });
    }, UNDO_SECONDS * 1000);
    set({
      actionError: null,
      sessions: get().sessions.filter((s) => s.id !== id),
      selected: get().selected.filter((s) => s !== id),
      pending: [...get().pending, { id, label: entry?.title ?? entry?.story ?? id, timer }],
    });
  },

  undo: async (id) => {
    const pending = get().pending.find((p) => p.id === id);
    if (pending) clearTimeout(pending.timer);
    set({ pending: get().pending.filter((p) => p.id !== id) });
    try {
      await call('history.restore', { id });
      set({ actionError: null });
    } catch (error) {
      set({ actionError: `Could not restore: ${messageOf(error)}` });
    }
    await get().load();
  },
}));
