import { z } from 'zod';
import { AnalysisSchema } from '../../core/analysis/schema';
import { MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS } from '../../core/analysis/budget';
import { TranscriptSchema } from '../../core/transcript/parse';
import { sessionSummary } from '../session-document';
import { sessionId } from './sessions';

export const analysisChannels = {
  /**
   * Analyse a stored take (finishing its transcription first; progress as `analysis.progress`
   * events; cancellable) or a transcript given directly (nothing stored).
   */
  'analysis.run': {
    input: z.union([
      z.object({ sessionId }).strict(),
      z
        .object({
          transcript: TranscriptSchema,
          lengthSeconds: z.number().int().min(MIN_ANSWER_SECONDS).max(MAX_ANSWER_SECONDS).optional(),
        })
        .strict(),
    ]),
    output: z.object({ session: sessionSummary.nullable(), analysis: AnalysisSchema }),
  },
  'analysis.cancel': {
    input: z.object({ sessionId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
};
