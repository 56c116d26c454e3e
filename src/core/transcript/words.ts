/**
 * Flattens a transcript into one ordered list of timed words. Segments without `words[]` get
 * their words spread over the segment's time in proportion to word length (good enough for
 * sentence timing; Whisper with token timestamps gives real word times).
 */
import type { Transcript, TranscriptWord } from './types';

export interface TimedWord {
  text: string;
  start: number;
  end: number;
  /** Index of the segment the word came from (segment cuts are a weak sentence-boundary cue). */
  segment: number;
  /** True for the last word of its segment. */
  segmentEnd: boolean;
  /** True for the last word of a segment that ends a sentence (a typed line). */
  endsSentence: boolean;
}

/** Tokens that only carry punctuation glue onto the word before them. */
const PUNCT_ONLY = /^[\p{P}\p{S}]+$/u;
/**
 * Among punctuation-only tokens, a face (":-)", ";)", ":(", "^_^") or an emoji: glued to the word
 * before like any punctuation (so word counts stay as the recogniser's), but with its space, and
 * read past where the segmenter looks for the sentence's own full stop. (Faces with letters or
 * digits, ":D", "<3", are words of their own and never reach this.)
 */
export const EMOTICON =
  /^(?:[:;=][-'^]?[()[\]/\\|*]+|[()][-'^]?[:;=]|\^_*\^|(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})+)$/u;
const OPENING_PUNCT = /^[("'“‘[¿¡]+$/u;

export function flattenWords(transcript: Transcript): TimedWord[] {
  const out: TimedWord[] = [];
  transcript.segments.forEach((segment, segIndex) => {
    const words =
      segment.words && segment.words.length > 0 ? segment.words : spreadWords(segment.text, segment.start, segment.end);
    let pendingPrefix = '';
    for (const word of words) {
      const text = word.text.trim();
      if (text === '') continue;
      // Whisper emits punctuation as separate tokens at times; glue it to its neighbour so
      // sentence punctuation stays visible to the segmenter.
      if (OPENING_PUNCT.test(text)) {
        pendingPrefix += text;
        continue;
      }
      const prev = out[out.length - 1];
      if (PUNCT_ONLY.test(text) && prev) {
        // Dashes and faces keep their space ("Detection — we ...", "fired. :-)"); commas and
        // stops attach directly.
        prev.text += /^[—–-]+$/.test(text) || EMOTICON.test(text) ? ` ${text}` : text;
        prev.end = Math.max(prev.end, word.end);
        continue;
      }
      out.push({
        text: pendingPrefix + text,
        start: word.start,
        end: Math.max(word.start, word.end),
        segment: segIndex,
        segmentEnd: false,
        endsSentence: false,
      });
      pendingPrefix = '';
    }
    const last = out[out.length - 1];
    if (last && last.segment === segIndex) {
      last.segmentEnd = true;
      last.endsSentence = segment.endsSentence === true;
    }
  });
  return out;
}

/** Splits text into words and spreads them over [start, end] by character length. */
export function spreadWords(text: string, start: number, end: number): TranscriptWord[] {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return [];
  const weights = tokens.map((t) => Math.max(2, t.length) + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, end - start);
  let t = start;
  return tokens.map((token, i) => {
    const d = (span * (weights[i] ?? 1)) / total;
    const word = { text: token, start: t, end: t + d };
    t += d;
    return word;
  });
}
