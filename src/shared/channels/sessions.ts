import { z } from 'zod';
import { sessionSummary } from '../session-document';

export const sessionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'A session id is 3-64 lowercase letters, digits or dashes.');

/** A file in the data folder that could not be read: reported, never fatal to the others. */
export const unreadableSession = z.object({ file: z.string(), reason: z.string() });

const sessionListing = z.object({
  sessions: z.array(sessionSummary),
  unreadable: z.array(unreadableSession),
});
export type SessionListing = z.infer<typeof sessionListing>;

export const sessionsChannels = {
  'sessions.list': {
    input: z.object({}).strict(),
    output: sessionListing,
  },
};
