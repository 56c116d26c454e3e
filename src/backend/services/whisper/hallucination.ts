import type { TranscriptWord } from '../../../core/transcript/types';

/**
 * Whisper invents text where there is none: on silence or a cough it says "Thank you." or
 * "Thanks for watching!", it writes non-speech annotations like [BLANK_AUDIO] or (music), and on
 * hard audio it loops ("the the the the", the same sentence again and again). The first line of
 * defence is VAD (silence is never sent to Whisper); these checks clean what gets through.
 */
export interface FilterInput {
  words: TranscriptWord[];
  /** Seconds of VAD-detected speech in the audio these words came from. */
  speechSec: number;
}

export interface Removed {
  reason: 'annotation' | 'silence_phrase' | 'repetition';
  text: string;
}

export interface FilterResult {
  words: TranscriptWord[];
  removed: Removed[];
}

/** Whisper's stock outputs on (near) silence, normalised (lower case, no punctuation). */
const SILENCE_PHRASES = new Set([
  'thank you',
  'thank you very much',
  'thanks',
  'thanks for watching',
  'thank you for watching',
  'thanks for listening',
  'thank you for listening',
  'please subscribe',
  'like and subscribe',
  'bye',
  'you',
  'subtitles by the amaraorg community',
  'transcribed by',
]);

/** Below this much real speech, an utterance consisting only of a stock phrase is dropped. */
const SILENCE_PHRASE_MAX_SPEECH_SEC = 1.0;

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/** [BLANK_AUDIO], [Music], (upbeat music), ♪ … — removed wherever they appear. */
function dropAnnotations(words: TranscriptWord[], removed: Removed[]): TranscriptWord[] {
  const out: TranscriptWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    if (/^[♪♫*]+$/u.test(w.text) || /^[♪♫]/u.test(w.text)) {
      removed.push({ reason: 'annotation', text: w.text });
      continue;
    }
    const open = w.text[0];
    const close = open === '[' ? ']' : open === '(' ? ')' : null;
    if (close) {
      // An annotation spans at most a few words: "[BLANK_AUDIO]", "(upbeat", "music)".
      let j = i;
      while (j < words.length && j < i + 5 && !words[j]?.text.replace(/[.,!?]+$/u, '').endsWith(close)) j++;
      if (j < words.length && j < i + 5) {
        removed.push({
          reason: 'annotation',
          text: words
            .slice(i, j + 1)
            .map((x) => x.text)
            .join(' '),
        });
        i = j;
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * Collapses an n-gram repeated back to back: single words from the 4th repeat on ("no no no" is
 * speech, "the the the the the" is a decoder loop), longer phrases from the 3rd.
 */
export function collapseRepetitions(words: TranscriptWord[], removed: Removed[] = []): TranscriptWord[] {
  const key = (w: TranscriptWord) => normalise(w.text);
  let out = words.slice();
  for (let n = 1; n <= 8; n++) {
    const limit = n === 1 ? 3 : 2;
    const next: TranscriptWord[] = [];
    let i = 0;
    while (i < out.length) {
      const gram = out
        .slice(i, i + n)
        .map(key)
        .join(' ');
      let reps = 1;
      while (
        i + (reps + 1) * n <= out.length &&
        out
          .slice(i + reps * n, i + (reps + 1) * n)
          .map(key)
          .join(' ') === gram
      )
        reps++;
      if (reps > limit && gram.trim()) {
        next.push(...out.slice(i, i + n * (n === 1 ? limit : 1)));
        removed.push({ reason: 'repetition', text: `${gram} ×${reps}` });
        i += reps * n;
      } else {
        const w = out[i];
        if (w) next.push(w);
        i++;
      }
    }
    out = next;
  }
  return out;
}

export function filterHallucinations({ words, speechSec }: FilterInput): FilterResult {
  const removed: Removed[] = [];
  let out = dropAnnotations(words, removed);
  const whole = normalise(out.map((w) => w.text).join(' '));
  if (whole && speechSec < SILENCE_PHRASE_MAX_SPEECH_SEC && SILENCE_PHRASES.has(whole)) {
    removed.push({ reason: 'silence_phrase', text: whole });
    out = [];
  }
  out = collapseRepetitions(out, removed);
  return { words: out, removed };
}
