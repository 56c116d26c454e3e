/**
 * Deleting a take: it goes to the trash at once and can be brought back for a few seconds,
 * then it is purged for good.
 */
import { call, messageOf } from '../coach';
import type { HistoryState, HistoryStore } from './history-state';

/** Seconds a deleted take can be brought back before it is purged for good. */
export const UNDO_SECONDS = 10;

export function deleteActions({ set, get }: HistoryStore): Pick<HistoryState, 'remove' | 'undo'> {
  return {
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
  };
}
