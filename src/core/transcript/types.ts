/**
 * The transcript model shared by the transcriber (producer) and the coaching engine (consumer).
 * Times are seconds from the start of the recording. Whisper cuts segments across sentences, so
 * consumers must re-segment from words, never trust segment boundaries as sentences.
 */
import { z } from 'zod';

const time = z.number().finite().nonnegative();

const WordSchema = z.object({
  text: z.string(),
  start: time,
  end: time,
  /** Token probability in [0, 1] when the recogniser reports it. */
  probability: z.number().min(0).max(1).optional(),
});
export type TranscriptWord = z.infer<typeof WordSchema>;

const SegmentSchema = z.object({
  start: time,
  end: time,
  text: z.string(),
  words: z.array(WordSchema).optional(),
  /**
   * A sentence ends at this segment's end whatever its punctuation: set for the lines of a typed
   * answer (headings, list items), never by the recogniser, whose cuts fall mid-sentence.
   */
  endsSentence: z.boolean().optional(),
});
export type TranscriptSegment = z.infer<typeof SegmentSchema>;

export const TranscriptSchema = z.object({
  segments: z.array(SegmentSchema),
  /** BCP-47-ish language code, e.g. "en". */
  language: z.string().optional(),
  /** Length of the audio (may exceed the last segment's end when the speaker trails off). */
  durationSec: time.optional(),
  /** True when times were estimated from a speaking rate (typed answers), not measured. */
  timesEstimated: z.boolean().optional(),
  /** Which speech model produced it (e.g. "base.en"); shown in exports and results. */
  model: z.string().optional(),
});
export type Transcript = z.infer<typeof TranscriptSchema>;
