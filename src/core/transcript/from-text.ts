/**
 * A typed answer becomes a transcript with estimated times: each word gets a duration from the
 * speaking rate, and punctuation adds the short pause a speaker would take there. The result is
 * flagged `timesEstimated` so pace and pauses are not reported as measured.
 */
import type { Transcript, TranscriptSegment, TranscriptWord } from './types';
import { typedBlocks, type TypedBlock } from './typed-lines';

export interface TextTimingOptions {
  /** Speaking rate used to estimate times (default 150 words per minute). */
  wordsPerMinute?: number;
}

const DEFAULT_TYPED_WPM = 150;
/** A word that ends a sentence, and a breath after it. */
const SENTENCE_END = /[.!?]["'”’)]*$/;

export function transcriptFromText(text: string, options: TextTimingOptions = {}): Transcript {
  return timedTranscript(typedBlocks(text), options);
}

/** Sentences already cut (a document's): one segment each, as given, whatever their layout. */
export function transcriptFromSentences(sentences: readonly string[], options: TextTimingOptions = {}): Transcript {
  const tokens = (s: string) => s.split(/\s+/).filter((w) => w !== '');
  return timedTranscript(
    sentences.map((s) => ({ tokens: tokens(s), paragraphEnd: true })),
    options,
  );
}

function timedTranscript(blocks: readonly TypedBlock[], options: TextTimingOptions): Transcript {
  const wpm = options.wordsPerMinute ?? DEFAULT_TYPED_WPM;
  if (!Number.isFinite(wpm) || wpm < 40 || wpm > 400) {
    throw new RangeError(`Speaking rate must be between 40 and 400 words per minute (got ${String(wpm)}).`);
  }
  const perWord = 60 / wpm;
  const segments: TranscriptSegment[] = [];
  let t = 0;
  // Each typed block (a paragraph, list item or timeline line) becomes a segment that ends its
  // sentence: a typed answer has no recogniser cuts, but its lines were the writer's.
  for (const { tokens, paragraphEnd } of blocks) {
    const words: TranscriptWord[] = [];
    for (const token of tokens) {
      // Longer words take a little longer; the mean stays at `perWord`.
      const d = perWord * (0.6 + 0.4 * Math.min(2.5, token.length / 5));
      words.push({ text: token, start: round(t), end: round(t + d) });
      t += d;
      if (SENTENCE_END.test(token)) t += 0.35;
      else if (/[,;:—–]["'”’)]*$/.test(token) || token === '—' || token === '–') t += 0.12;
    }
    const first = words[0];
    const last = words[words.length - 1];
    if (!first || !last) continue;
    segments.push({ start: first.start, end: last.end, text: tokens.join(' '), words, endsSentence: true });
    // A line read aloud ends with a breath even without a full stop; a paragraph with a longer one.
    if (!SENTENCE_END.test(last.text)) t += 0.35;
    if (paragraphEnd) t += 0.4;
  }
  const lastSegment = segments[segments.length - 1];
  return {
    segments,
    language: 'en',
    timesEstimated: true,
    ...(lastSegment ? { durationSec: lastSegment.end } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
