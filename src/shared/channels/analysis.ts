import { z } from 'zod';
import { AnalysisSchema } from '../../core/analysis/schema';
import { MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS } from '../../core/analysis/budget';
import { TranscriptSchema } from '../../core/transcript/parse';
import { transcriptSize } from '../../core/transcript/size';
import { sessionSummary } from '../session-document';
import { sessionId } from './sessions';

/**
 * Largest transcript one `analysis.run` call takes. The longest answer the app records (60
 * minutes) is about 9,000 spoken words; the limits leave room for fast talkers and pasted text
 * while keeping one analysis under a second.
 */
export const ANALYSIS_LIMITS = { words: 40_000, segments: 20_000, characters: 400_000 } as const;

const boundedTranscript = TranscriptSchema.superRefine((t, ctx) => {
  const size = transcriptSize(t);
  for (const key of ['words', 'segments', 'characters'] as const) {
    if (size[key] > ANALYSIS_LIMITS[key]) {
      ctx.addIssue({
        code: 'custom',
        params: { sizeLimit: true },
        message: `The transcript has ${size[key].toLocaleString('en-US')} ${key}; one analysis takes at most ${ANALYSIS_LIMITS[key].toLocaleString('en-US')}.`,
      });
    }
  }
});

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
          transcript: boundedTranscript,
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
