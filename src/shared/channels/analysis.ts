import { z } from 'zod';
import { AnalysisSchema } from '../../core/analysis/schema';
import { MAX_ANSWER_SECONDS, MIN_ANSWER_SECONDS } from '../../core/analysis/budget';
import { TranscriptSchema } from '../../core/transcript/types';
import { transcriptSize, type TranscriptSize } from '../../core/transcript/size';
import type { TranscriptSegment } from '../../core/transcript/types';
import { sessionSummary } from '../session-document';
import { sessionId } from './sessions';

/**
 * Largest transcript one analysis takes: given to `analysis.run`, stored in a session (read from
 * disk or imported), corrected or transcribed again. The longest answer the app records (60
 * minutes) is about 9,000 spoken words; the limits leave room for fast talkers and pasted text
 * while keeping one analysis under a second.
 */
export const ANALYSIS_LIMITS = { words: 40_000, segments: 20_000, characters: 400_000 } as const;

/**
 * One sentence per limit of ANALYSIS_LIMITS that a transcript of this size is over (empty when
 * it is within them), e.g. "The transcript has 41,000 words; one analysis takes at most 40,000."
 * Every place that analyses, stores or imports a transcript refuses with these words.
 */
export function overAnalysisLimits(size: TranscriptSize, subject = 'The transcript'): string[] {
  return (['words', 'segments', 'characters'] as const)
    .filter((key) => size[key] > ANALYSIS_LIMITS[key])
    .map(
      (key) =>
        `${subject} has ${size[key].toLocaleString('en-US')} ${key}; one analysis takes at most ${ANALYSIS_LIMITS[key].toLocaleString('en-US')}.`,
    );
}

/**
 * The size of a transcript kept in a session document or an export, where it is free-form until
 * a reader validates it: segments are counted, and the words and characters of those that have
 * a text. Null when there is no segment list at all.
 */
function storedTranscriptSize(value: unknown): TranscriptSize | null {
  const segments = typeof value === 'object' && value !== null ? (value as { segments?: unknown }).segments : undefined;
  if (!Array.isArray(segments)) return null;
  const readable = segments.filter(
    (s: unknown): s is TranscriptSegment =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as { text?: unknown }).text === 'string' &&
      ((s as { words?: unknown }).words === undefined || Array.isArray((s as { words?: unknown }).words)),
  );
  return { ...transcriptSize({ segments: readable }), segments: segments.length };
}

/**
 * The first limit a transcript kept in a session document or an export is over (see
 * overAnalysisLimits), or undefined when it is within them or has no segment list to measure.
 */
export function storedTranscriptOverLimit(value: unknown, subject: string): string | undefined {
  const size = storedTranscriptSize(value);
  return size === null ? undefined : overAnalysisLimits(size, subject)[0];
}

/**
 * Largest session document read from a file: a session.json in the data folder (or its trash), a
 * session exported as JSON, or an analysis given to `coach export`. Its size is checked before
 * the file is read, so a huge or hostile file is never loaded to be refused. A session holding the
 * largest transcript ANALYSIS_LIMITS accept (40,000 timed words with probabilities in 20,000
 * segments, 400,000 characters), with its analysis, is 11.5 MB as the app writes it
 * (pretty-printed), 13.7 MB when every character takes three bytes: 32 MB leaves more than twice
 * that. The store refuses to write a session over it, which it could not read back.
 */
export const MAX_SESSION_DOCUMENT_BYTES = 32 * 1024 * 1024;

/**
 * "the file is 40.1 MB; session documents are limited to 32 MB". The size is rounded up, so a
 * file one byte over the limit never reads as within it.
 */
export function sessionDocumentTooLarge(bytes: number, subject: string, what = 'session documents'): string {
  const mb = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
  return `${subject} is ${mb.toFixed(1)} MB; ${what} are limited to ${MAX_SESSION_DOCUMENT_BYTES / 1024 / 1024} MB`;
}

const boundedTranscript = TranscriptSchema.superRefine((t, ctx) => {
  for (const message of overAnalysisLimits(transcriptSize(t))) {
    ctx.addIssue({ code: 'custom', params: { sizeLimit: true }, message });
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
