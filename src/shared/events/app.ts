import { z } from 'zod';

export const appEvents = {
  /** A back-end notice the UI shows as a toast (e.g. a recovered recording, an engine restart). */
  'app.notice': z.object({
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
  }),
};
