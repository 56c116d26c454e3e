/**
 * The transcript model shared by the transcriber (producer) and the coaching engine (consumer).
 * Times are seconds from the start of the recording. Whisper cuts segments across sentences, so
 * consumers must re-segment from words, never trust segment boundaries as sentences.
 */
export interface TranscriptWord {
  text: string;
  start: number;
  end: number;
  /** Token probability in [0, 1] when the recogniser reports it. */
  probability?: number;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  words?: TranscriptWord[];
}

export interface Transcript {
  segments: TranscriptSegment[];
  /** BCP-47-ish language code, e.g. "en". */
  language?: string;
  /** Length of the audio (may exceed the last segment's end when the speaker trails off). */
  durationSec?: number;
  /** Which speech model produced it (e.g. "base.en"); shown in exports and results. */
  model?: string;
  /** True when times were estimated from a speaking rate (typed answers), not measured. */
  timesEstimated?: boolean;
}
