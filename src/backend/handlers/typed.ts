import type { TypedAnswerInput } from '../services/processing/typed-session';
import { createTypedSession } from '../services/processing/typed-session';
import type { SessionStore } from '../services/sessions/session-store';

export function typedHandlers(sessions: SessionStore) {
  return {
    submit: async (input: TypedAnswerInput) => ({ session: await createTypedSession(sessions, input) }),
  };
}
