import type { HandlersFor } from '../../shared/contract';
import type { SessionStore } from '../services/sessions/session-store';

export function sessionsHandlers(store: SessionStore): HandlersFor<'sessions.'> {
  return {
    'sessions.list': async () => store.list(),
  };
}
