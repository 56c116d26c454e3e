import type { HistoryService } from '../services/history/history-service';

export function historyHandlers(history: HistoryService) {
  return {
    list: async () => history.list(),
    rename: async (input: { id: string; title: string }) => history.rename(input.id, input.title),
    remove: async (input: { id: string }) => history.remove(input.id),
    restore: async (input: { id: string }) => history.restore(input.id),
    purge: async (input: { id: string }) => history.purge(input.id),
  };
}
