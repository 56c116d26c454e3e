import type { HandlersFor } from '../../shared/contract';
import type { HistoryService } from '../services/history/history-service';

export function historyHandlers(history: HistoryService): HandlersFor<'history.'> {
  return {
    'history.list': async () => history.list(),
    'history.rename': async (input) => history.rename(input.id, input.title),
    'history.delete': async (input) => history.remove(input.id),
    'history.restore': async (input) => history.restore(input.id),
    'history.purge': async (input) => history.purge(input.id),
  };
}
