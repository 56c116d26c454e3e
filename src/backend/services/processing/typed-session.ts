import { randomBytes } from 'node:crypto';
import {
  newSessionDocument,
  summarize,
  type SessionDocument,
  type SessionSummary,
} from '../../../shared/session-document';
import type { TypedAnswer } from '../../../shared/channels/typed';
import type { SessionStore } from '../sessions/session-store';

/** Stores the lesson's written exercise as a typed take, ready for the processing step. */
export async function createTypedSession(
  sessions: SessionStore,
  input: TypedAnswer,
  now: Date = new Date(),
): Promise<SessionSummary> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const doc: SessionDocument = {
    ...newSessionDocument(`typed-${stamp}-${randomBytes(2).toString('hex')}`, now, 'typed', 'draft', input),
    typedAnswer: {
      text: input.text.replace(/\r\n/g, '\n'),
      writingSec: Math.round(input.writingSec),
      timeLimitSec: input.timeLimitSec,
    },
  };
  await sessions.save(doc);
  return summarize(doc);
}
