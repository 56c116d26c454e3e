import { create } from 'zustand';
import { call, messageOf } from '../coach';
import { deleteActions } from './history-deletes';
import type { HistoryState, HistoryStore } from './history-state';

/** Every take as listed by the back end, how the list is narrowed, and what is done to takes. */
export const useHistory = create<HistoryState>((set, get) => {
  const store: HistoryStore = { set, get };
  return {
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

    ...deleteActions(store),
  };
});
