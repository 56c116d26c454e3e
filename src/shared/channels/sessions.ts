import { z } from 'zod';
import { sessionSummary } from '../session-document';

export const sessionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'A session id is 3-64 lowercase letters, digits or dashes.');

export const sessionsChannels = {
  'sessions.list': {
    input: z.object({}).strict(),
    output: z.object({
      sessions: z.array(sessionSummary),
      /** Files in the data folder that could not be read; reported, not fatal. */
      unreadable: z.array(z.object({ file: z.string(), reason: z.string() })),
    }),
  },
};
