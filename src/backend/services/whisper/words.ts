import type { TranscriptSegment, TranscriptWord } from '../../../core/transcript/types';
import type { NativeSegment } from './addon-types';

/**
 * whisper.node returns segments only (no per-token array). Transcribing with maxLen 1 + token
 * timestamps makes whisper.cpp emit one segment per token, which we glue back into words here:
 * a piece starting with a space opens a word, a piece without one continues it (sub-word BPE
 * pieces), punctuation sticks to the word before it.
 */
const PUNCT_ONLY = /^[\p{P}\p{S}]+$/u;
const SENTENCE_END = /[.?!…]["')\]]*$/u;
/** A pause this long between words ends a segment even without punctuation. */
const SEGMENT_GAP_SEC = 1.0;

export interface WordOptions {
  /** Seconds added to every time (the utterance's position in the recording). */
  offsetSec: number;
  /** Length of the audio the times refer to; times are clamped into it. */
  durationSec: number;
}

export function tokensToWords(tokens: NativeSegment[], { offsetSec, durationSec }: WordOptions): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  const clamp = (ms: number) =>
    Math.min(offsetSec + durationSec, Math.round((offsetSec + Math.max(0, ms / 1000)) * 1000) / 1000);
  for (const token of tokens) {
    const raw = token.text;
    const text = raw.trim();
    if (!text) continue;
    const start = clamp(token.t0);
    const end = Math.max(start, clamp(token.t1));
    const last = words[words.length - 1];
    const continues = last !== undefined && (PUNCT_ONLY.test(text) || !/^\s/.test(raw));
    if (continues && last) {
      last.text += text;
      last.end = Math.max(last.end, end);
    } else {
      words.push({ text, start: Math.max(start, last?.start ?? start), end: Math.max(end, last?.start ?? end) });
    }
  }
  return words;
}

/** Groups words into segments at sentence ends and long pauses. */
export function wordsToSegments(words: TranscriptWord[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let current: TranscriptWord[] = [];
  const flush = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) {
      segments.push({ start: first.start, end: last.end, text: current.map((w) => w.text).join(' '), words: current });
    }
    current = [];
  };
  for (const word of words) {
    const prev = current[current.length - 1];
    if (prev && word.start - prev.end >= SEGMENT_GAP_SEC) flush();
    current.push(word);
    if (SENTENCE_END.test(word.text)) flush();
  }
  flush();
  return segments;
}
