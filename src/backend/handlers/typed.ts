import type { HandlersFor } from '../../shared/contract';
import { createTypedSession } from '../services/processing/typed-session';
import type { SessionStore } from '../services/sessions/session-store';

export function typedHandlers(sessions: SessionStore): HandlersFor<'typed.'> {
  return {
    'typed.submit': async (input) => ({ session: await createTypedSession(sessions, input) }),
  };
}
