import type { SessionStore } from '../services/sessions/session-store';

export function sessionsHandlers(store: SessionStore) {
  return {
    list: async () => store.list(),
  };
}
