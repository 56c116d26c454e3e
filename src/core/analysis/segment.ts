/**
 * Sentence segmentation from timed words. Whisper cuts segments across sentences, so sentences
 * are rebuilt from the words: sentence punctuation first, then long silences, then Whisper's
 * segment cuts when they coincide with a pause, and finally over-long run-ons (rambling speech
 * without punctuation) are split at their most natural pause or conjunction.
 */
import type { Transcript } from '../transcript/types';
import { EMOTICON, flattenWords, type TimedWord } from '../transcript/words';

interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Flattened-word range [wordStart, wordEnd). */
  wordStart: number;
  wordEnd: number;
  /**
   * True when the sentence was cut off the previous one only because that run was too long
   * (no punctuation or pause ended it): it most likely continues the same thought.
   */
  continues?: boolean;
}

export interface SegmentOptions {
  /** Silence that ends a sentence when the next word looks like a new one (default 1.0 s). */
  sentenceGapSec?: number;
  /** Longest sentence kept whole before it is split at a natural point (default 55 words). */
  maxWords?: number;
  /** Every transcript segment is exactly one sentence (a corrected transcript, see corrections). */
  segmentsAreSentences?: boolean;
}

export interface Segmentation {
  words: TimedWord[];
  sentences: Sentence[];
}

const CLOSERS = /["'”’)\]]+$/u;
/** Dotted abbreviations (a.m., e.g., U.S.) and common titles do not end a sentence. */
const DOTTED_ABBREV = /^(?:[a-z]\.){2,}$/i;
const TITLES = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'vs.', 'approx.', 'no.', 'inc.', 'jr.', 'sr.', 'prof.']);
/** Unpunctuated pieces of at most this many words are treated as fragments of the one before. */
const FRAGMENT_WORDS = 6;
const CONJUNCTION_START = /^(and|so|but|then|because|which|while|after|once|when)$/i;

/**
 * Without punctuation, words decide as much as pauses. A sentence does not end on an article,
 * a possessive, a preposition, a conjunction, an auxiliary or a subject pronoun ("... moved the",
 * "... and we"), and it rarely starts with a relative word or preposition ("which", "of").
 * Spoken answers often start sentences with discourse words ("so", "then", "honestly", "we").
 */
const NO_END = new Set(
  'a an the our my your their his her its this these those that to of in on at for with from by into onto about as and or but nor so because if when while which who whose than then is was were are be been being had has have do did does will would can could should i we they you he she it very more most less any every each no not just also like um uh'.split(
    ' ',
  ),
);
const NO_START = new Set('of to than which whose who whom for with by from at into onto as is was were are'.split(' '));
const STARTERS = new Set(
  'so then we i our after afterwards since every honestly okay yeah first second third finally also now there this what how when looking in the overall anyway eventually luckily later'.split(
    ' ',
  ),
);

function bareWord(w: TimedWord | undefined): string {
  return (w?.text ?? '').toLowerCase().replace(/^["'“‘(]+|[.,!?;:"'”’)\]—–-]+$/gu, '');
}

/**
 * How much longer (or shorter) than the usual sentence pause a silence must be to end a sentence
 * between these two words, when the transcript has no punctuation: never after a word that
 * cannot end one unless the silence is very long, more easily before a typical sentence opener.
 */
function lexicalGapFactor(word: TimedWord, next: TimedWord, after: TimedWord | undefined): number {
  const prev = bareWord(word);
  const nxt = bareWord(next);
  if (NO_END.has(prev)) return 4;
  if (NO_START.has(nxt)) return 1.6;
  if (OPENING.test(`${nxt} ${bareWord(after)}`)) return 0.5;
  if (STARTERS.has(nxt)) return 0.8;
  return 1;
}

/**
 * Two-word openings that almost always begin a new sentence in a spoken answer: a discourse
 * marker with a subject ("afterwards we", "so i"), a speaker's own verb ("i learned", "we
 * rolled"), a topic lead ("the lesson", "the cause", "it turned").
 */
const OPENING =
  /^(?:(?:afterwards|afterward|after|since|then|so|eventually|honestly|luckily|later|meanwhile|anyway|overall|basically|first|second|third|finally|also|now|today|looking) (?:we|i|the|our|it|they|everything|that|this|every)|(?:i|we) (?:learned|realized|realised|think|took|now|also|then|rolled|reverted|added|built|shipped|found|noticed|pinned|paused|disabled|killed|wrote|made|moved|started|spent|had|didn't|never|still|always)|the (?:lesson|cause|root|fix|problem|issue|bigger|real|structural|first|second|third|deeper|general|takeaway|incident|part|thing)|what (?:i|we)|it turned|turned out|(?:detection|attribution|mitigation|remediation|resolution|summary|impact|context|lessons|action) \S*|layer (?:one|two|three|four|five|\d))$/;

export function segmentTranscript(transcript: Transcript, options: SegmentOptions = {}): Segmentation {
  const words = flattenWords(transcript);
  if (options.segmentsAreSentences) return { words, sentences: sentencesBySegment(words) };
  const gapSec = options.sentenceGapSec ?? 1.0;
  const maxWords = options.maxWords ?? 55;
  // Whisper and typed answers are punctuated; then a pause after a comma is a hesitation, not a
  // sentence end. Unpunctuated transcripts must rely on pauses.
  const terminal = words.filter((w) => /[.!?]["'”’)\]]*$/u.test(w.text)).length;
  const punctuated = terminal > 0 && words.length / terminal < 60;
  // Without punctuation, sentence pauses are judged against this speaker's own rhythm: a gap
  // several times their typical between-word gap (never above the configured gap).
  const pauseGap = punctuated ? gapSec : adaptiveGap(words, gapSec);
  const ranges: Array<[number, number]> = [];
  let begin = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (!word) continue;
    const longEnough = i + 1 - begin >= 4;
    const cut =
      !!next && sentenceEndsAfter(word, next, pauseGap, punctuated, words[i + 2]) && (punctuated || longEnough);
    if (!next || word.endsSentence || cut) {
      ranges.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  const limit = punctuated ? maxWords : Math.min(maxWords, 30);
  const sentences: Sentence[] = [];
  for (const [a, b] of ranges) {
    splitLong(words, a, b, limit).forEach(([x, y], piece) => {
      const sentence = makeSentence(words, x, y, sentences.length);
      // Without punctuation, a very short piece between pauses is most often a fragment of the
      // sentence before it ("... on the query side so yeah").
      // A typed line is never a fragment: its writer ended it.
      const fragment = !punctuated && sentences.length > 0 && y - x <= FRAGMENT_WORDS && !words[x - 1]?.endsSentence;
      if (piece > 0 || fragment) sentence.continues = true;
      sentences.push(sentence);
    });
  }
  return { words, sentences };
}

/** One sentence per transcript segment: the user already decided where sentences end. */
function sentencesBySegment(words: TimedWord[]): Sentence[] {
  const sentences: Sentence[] = [];
  let begin = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i + 1]?.segment !== words[i]?.segment) {
      sentences.push(makeSentence(words, begin, i + 1, sentences.length));
      begin = i + 1;
    }
  }
  return sentences;
}

function sentenceEndsAfter(
  word: TimedWord,
  next: TimedWord,
  gapSec: number,
  punctuated: boolean,
  after?: TimedWord,
): boolean {
  // A face after the word ("fired. :-)", "it broke :(") is read past: the sentence ends where
  // the word's own punctuation says, and a face before a capitalised word ends one itself.
  const cut = word.text.lastIndexOf(' ');
  const face = cut > 0 && EMOTICON.test(word.text.slice(cut + 1));
  const bare = (face ? word.text.slice(0, cut) : word.text).replace(CLOSERS, '');
  const gap = next.start - word.end;
  if (face && !/[.!?…]$/.test(bare) && startsLikeSentence(next)) return true;
  if (/[.!?]$/.test(bare) || /…$/.test(bare)) {
    const lower = bare.toLowerCase();
    if (/\.\.\.$/.test(bare) || /…$/.test(bare)) return startsLikeSentence(next) || gap >= gapSec * 0.5;
    if (DOTTED_ABBREV.test(lower) || TITLES.has(lower)) return gap >= gapSec && startsLikeSentence(next);
    return true;
  }
  if (gap >= gapSec * 4) return true;
  if (punctuated) {
    if (gap >= gapSec * 2.5 && !/,$/.test(bare)) return true;
    // A long silence before a capitalised word, without a comma asking for more.
    return gap >= gapSec && startsLikeSentence(next) && !/[,;:]$/.test(bare);
  }
  // Unpunctuated: a hesitation after "the" or "and we" is not a sentence end.
  const factor = lexicalGapFactor(word, next, after);
  if (gap >= gapSec * factor) return true;
  // A recogniser cut that coincides with a clear pause.
  return word.segmentEnd && gap >= gapSec * 0.6 * factor;
}

function adaptiveGap(words: readonly TimedWord[], gapSec: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (a && b) gaps.push(Math.max(0, b.start - a.end));
  }
  if (gaps.length < 10) return gapSec;
  gaps.sort((x, y) => x - y);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return Math.min(gapSec, Math.max(0.3, median * 4 + 0.2));
}

function startsLikeSentence(word: TimedWord): boolean {
  const t = word.text.replace(/^["'“‘(]+/u, '');
  return /^\p{Lu}/u.test(t) && !/^I('|’|$)/u.test(t);
}

/** Splits [a, b) into pieces of at most maxWords at the most natural break points. */
function splitLong(words: TimedWord[], a: number, b: number, maxWords: number): Array<[number, number]> {
  if (b - a <= maxWords) return [[a, b]];
  let best = -1;
  let bestScore = -Infinity;
  const minPiece = Math.max(6, Math.floor(maxWords / 5));
  for (let i = a + minPiece; i <= b - minPiece; i++) {
    const prev = words[i - 1];
    const cur = words[i];
    if (!prev || !cur) continue;
    const gap = Math.max(0, cur.start - prev.end);
    let score = gap * 4;
    if (/[;:—–]$/.test(prev.text) || prev.text === '—') score += 2;
    else if (/,$/.test(prev.text)) score += 1;
    if (CONJUNCTION_START.test(cur.text.replace(/[,.]$/, ''))) score += 1.2;
    if (prev.segmentEnd) score += 0.8;
    if (NO_END.has(bareWord(prev))) score -= 2;
    if (NO_START.has(bareWord(cur))) score -= 1;
    else if (OPENING.test(`${bareWord(cur)} ${bareWord(words[i + 1])}`)) score += 1.2;
    else if (STARTERS.has(bareWord(cur))) score += 0.6;
    // Prefer balanced pieces slightly.
    score -= Math.abs(i - (a + b) / 2) / (b - a);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return [[a, b]];
  return [...splitLong(words, a, best, maxWords), ...splitLong(words, best, b, maxWords)];
}

function makeSentence(words: TimedWord[], a: number, b: number, index: number): Sentence {
  const slice = words.slice(a, b);
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    index,
    text: slice.map((w) => w.text).join(' '),
    start: first ? first.start : 0,
    end: last ? last.end : 0,
    wordStart: a,
    wordEnd: b,
  };
}
