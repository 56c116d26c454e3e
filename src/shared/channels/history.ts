import { z } from 'zod';
import { AnalysisDigestSchema } from '../../core/history/digest';
import { sessionSummary } from '../session-document';
import { sessionId, unreadableSession } from './sessions';

/** One take in the history list: its summary plus what the list, filters and charts show. */
const historyEntry = sessionSummary.extend({
  updatedAt: z.string(),
  /** Null when the take has no (readable) analysis yet; `digestNote` says why. */
  digest: AnalysisDigestSchema.nullable(),
  digestNote: z.string().nullable(),
  /** True when the user corrected the transcript or layers. */
  corrected: z.boolean(),
  hasAudio: z.boolean(),
  /** The file an imported recording came from (shown as a subtitle), else null. */
  importedFrom: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

const trashedSession = z.object({
  id: z.string(),
  story: z.string(),
  title: z.string().nullable(),
  deletedAt: z.string(),
});
export type TrashedSession = z.infer<typeof trashedSession>;

const byId = z.object({ id: sessionId }).strict();

export const historyChannels = {
  'history.list': {
    input: z.object({}).strict(),
    output: z.object({
      sessions: z.array(historyEntry),
      unreadable: z.array(unreadableSession),
      trash: z.array(trashedSession),
    }),
  },
  /** Gives a take its own name (an empty title returns to the story name). */
  'history.rename': {
    input: z
      .object({ id: sessionId, title: z.string().trim().max(120, 'A title is at most 120 characters.') })
      .strict(),
    output: z.object({ id: z.string(), title: z.string().nullable() }),
  },
  /** Soft delete: the take moves to the trash and can be restored until purged. */
  'history.delete': { input: byId, output: z.object({ id: z.string(), deletedAt: z.string() }) },
  'history.restore': { input: byId, output: z.object({ id: z.string() }) },
  /** Removes a trashed take for good (the UI calls it when the undo window closes). */
  'history.purge': { input: byId, output: z.object({ id: z.string() }) },
};
