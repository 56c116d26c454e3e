/**
 * The sentence list as the user sees it after corrections, and the edits that change it
 * (relabel, edit text, merge, split). Every edit is a pure function from corrections to new
 * corrections; nothing here knows about the engine, so it is cheap to test exhaustively.
 */
import type { Layer } from '../analysis/layers';
import { emptyCorrections, type Corrections, type SentenceOverride } from './model';
import { tokenize, wordsOf } from './tokens';

/** What the corrections need of a transcript word (the engine's flattened words fit). */
export interface BasisWord {
  text: string;
  start: number;
  end: number;
}

/** What the corrections need of the engine's own sentences. */
export interface BaseSentence {
  wordStart: number;
  wordEnd: number;
}

export interface WorkingSentence {
  index: number;
  /** Range of original words [wordStart, wordEnd). */
  wordStart: number;
  wordEnd: number;
  /** Times of the original words (edited text keeps the time the words were spoken). */
  start: number;
  end: number;
  /** The text shown: the user's edit, or the recognised words. */
  text: string;
  /** The recognised words, untouched. */
  originalText: string;
  textEdited: boolean;
  /** The layer the user set by hand, or null when the engine decides. */
  layer: Layer | null;
}

/** Whether the user set this sentence's layer by hand (a missing sentence was not). */
export function layerSetByHand(sentence: Pick<WorkingSentence, 'layer'> | null | undefined): boolean {
  return (sentence?.layer ?? null) !== null;
}

export class CorrectionError extends Error {
  override name = 'CorrectionError';
}

/**
 * Short fingerprint of the words the corrections refer to. A new transcription (another model)
 * gives other words or times, so old boundaries and edits are not silently applied to it.
 */
export function transcriptBasis(words: readonly BasisWord[]): string {
  // FNV-1a (32-bit) over the words and their times at 10 ms: stable, fast, no crypto needed.
  let hash = 0x811c9dc5;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const word of words) feed(`${word.text}|${Math.round(word.start * 100)}|${Math.round(word.end * 100)};`);
  return `w${words.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** Sentence starts in force: the pinned ones, or the engine's. */
function sentenceStarts(base: readonly BaseSentence[], corrections: Corrections | null): number[] {
  if (corrections?.starts) return [...corrections.starts];
  const starts = base.map((s) => s.wordStart);
  if (starts.length > 0) starts[0] = 0;
  return starts;
}

function originalText(words: readonly BasisWord[], wordStart: number, wordEnd: number): string {
  return words
    .slice(wordStart, wordEnd)
    .map((w) => w.text)
    .join(' ');
}

/**
 * The sentences as the user sees them. Corrections whose basis does not match `words` are
 * ignored (the caller reports that), so a stale correction can never point at wrong words.
 */
export function workingSentences(
  words: readonly BasisWord[],
  base: readonly BaseSentence[],
  corrections: Corrections | null,
): WorkingSentence[] {
  const applicable = corrections && corrections.basis === transcriptBasis(words) ? corrections : null;
  const starts = sentenceStarts(base, applicable).filter((s) => s < words.length);
  return starts.map((wordStart, index) => {
    const wordEnd = starts[index + 1] ?? words.length;
    const override: SentenceOverride = applicable?.sentences[String(wordStart)] ?? {};
    const first = words[wordStart];
    const last = words[wordEnd - 1];
    const original = originalText(words, wordStart, wordEnd);
    const text = override.text ?? original;
    return {
      index,
      wordStart,
      wordEnd,
      start: first?.start ?? 0,
      end: last?.end ?? first?.end ?? 0,
      text,
      originalText: original,
      textEdited: override.text !== undefined && override.text !== original,
      layer: override.layer ?? null,
    };
  });
}

/** Starts from the current corrections (or fresh ones) with the sentence starts pinned. */
function pinned(
  words: readonly BasisWord[],
  base: readonly BaseSentence[],
  corrections: Corrections | null,
): Corrections {
  const basis = transcriptBasis(words);
  const keep = corrections && corrections.basis === basis ? corrections : null;
  const fresh = emptyCorrections(basis);
  return {
    ...fresh,
    ...(keep ?? {}),
    basis,
    starts: sentenceStarts(base, keep).filter((s) => s < words.length),
    sentences: { ...(keep?.sentences ?? {}) },
    worksheet: { ...(corrections?.worksheet ?? {}) },
  };
}

function sentenceAt(list: WorkingSentence[], index: number): WorkingSentence {
  const sentence = list[index];
  if (!sentence) throw new CorrectionError(`There is no sentence ${index + 1} (the answer has ${list.length}).`);
  return sentence;
}

/** Stores an override, dropping empty ones so "undo by hand" really returns to the original. */
function setOverride(next: Corrections, sentence: WorkingSentence, override: SentenceOverride): void {
  const key = String(sentence.wordStart);
  const clean: SentenceOverride = {};
  if (override.text !== undefined && override.text !== sentence.originalText) clean.text = override.text;
  if (override.layer !== undefined) clean.layer = override.layer;
  if (clean.text === undefined && clean.layer === undefined) delete next.sentences[key];
  else next.sentences[key] = clean;
}

export interface CorrectionContext {
  words: readonly BasisWord[];
  base: readonly BaseSentence[];
  corrections: Corrections | null;
}

/** Sets (or with null clears) the layer of one sentence. */
export function relabelSentence(ctx: CorrectionContext, index: number, layer: Layer | null): Corrections {
  const list = workingSentences(ctx.words, ctx.base, ctx.corrections);
  const sentence = sentenceAt(list, index);
  const next = pinned(ctx.words, ctx.base, ctx.corrections);
  const current = next.sentences[String(sentence.wordStart)] ?? {};
  setOverride(next, sentence, {
    ...(current.text === undefined ? {} : { text: current.text }),
    ...(layer ? { layer } : {}),
  });
  return next;
}

/** Replaces the text of one sentence (fixing recognition errors); times stay those spoken. */
export function editSentenceText(ctx: CorrectionContext, index: number, text: string): Corrections {
  const cleaned = wordsOf(text).join(' ');
  if (cleaned === '') throw new CorrectionError('A sentence cannot be empty: merge it into its neighbour instead.');
  if (cleaned.length > 5000) throw new CorrectionError('A sentence is limited to 5000 characters.');
  const list = workingSentences(ctx.words, ctx.base, ctx.corrections);
  const sentence = sentenceAt(list, index);
  const next = pinned(ctx.words, ctx.base, ctx.corrections);
  const current = next.sentences[String(sentence.wordStart)] ?? {};
  setOverride(next, sentence, { text: cleaned, ...(current.layer ? { layer: current.layer } : {}) });
  return next;
}

/** Merges sentence `index` with the one after it. */
export function mergeWithNext(ctx: CorrectionContext, index: number): Corrections {
  const list = workingSentences(ctx.words, ctx.base, ctx.corrections);
  const first = sentenceAt(list, index);
  const second = list[index + 1];
  if (!second) throw new CorrectionError('The last sentence has no next sentence to merge with.');
  const next = pinned(ctx.words, ctx.base, ctx.corrections);
  const firstOverride = next.sentences[String(first.wordStart)] ?? {};
  const secondOverride = next.sentences[String(second.wordStart)] ?? {};
  next.starts = (next.starts ?? []).filter((s) => s !== second.wordStart);
  delete next.sentences[String(second.wordStart)];
  const merged: WorkingSentence = {
    ...first,
    wordEnd: second.wordEnd,
    end: second.end,
    originalText: `${first.originalText} ${second.originalText}`,
  };
  const edited = first.textEdited || second.textEdited;
  const layer = firstOverride.layer ?? secondOverride.layer;
  setOverride(next, merged, {
    ...(edited ? { text: `${first.text} ${second.text}` } : {}),
    ...(layer ? { layer } : {}),
  });
  return next;
}

/**
 * Splits sentence `index` before its `atToken`-th word (as displayed, 1 ≤ atToken < words).
 * For an edited sentence the cut in the original words is placed at the same moment in time.
 */
export function splitSentence(ctx: CorrectionContext, index: number, atToken: number): Corrections {
  const list = workingSentences(ctx.words, ctx.base, ctx.corrections);
  const sentence = sentenceAt(list, index);
  const tokens = tokenize(sentence.text);
  if (!Number.isInteger(atToken) || atToken < 1 || atToken >= tokens.length) {
    throw new CorrectionError(`Choose a split point between two words (1 to ${Math.max(1, tokens.length - 1)}).`);
  }
  if (sentence.wordEnd - sentence.wordStart < 2) {
    throw new CorrectionError('This sentence was recognised as a single word, so it has no point in time to split at.');
  }
  const cut = sentence.textEdited ? cutByTime(ctx.words, sentence, tokens, atToken) : sentence.wordStart + atToken;
  const next = pinned(ctx.words, ctx.base, ctx.corrections);
  const override = next.sentences[String(sentence.wordStart)] ?? {};
  next.starts = [...(next.starts ?? []), cut].sort((a, b) => a - b);
  const head: WorkingSentence = {
    ...sentence,
    wordEnd: cut,
    originalText: originalText(ctx.words, sentence.wordStart, cut),
  };
  const tail: WorkingSentence = {
    ...sentence,
    wordStart: cut,
    originalText: originalText(ctx.words, cut, sentence.wordEnd),
  };
  delete next.sentences[String(sentence.wordStart)];
  const layer = override.layer ? { layer: override.layer } : {};
  setOverride(next, head, { ...(sentence.textEdited ? { text: tokens.slice(0, atToken).join(' ') } : {}), ...layer });
  setOverride(next, tail, { ...(sentence.textEdited ? { text: tokens.slice(atToken).join(' ') } : {}), ...layer });
  return next;
}

/** Where, in the original words, an edited sentence's token boundary falls in time. */
function cutByTime(words: readonly BasisWord[], sentence: WorkingSentence, tokens: string[], atToken: number): number {
  // Edited tokens are spread over the spoken span by length, like the transcript does for text.
  const weights = tokens.map((t) => Math.max(2, t.length) + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const before = weights.slice(0, atToken).reduce((a, b) => a + b, 0);
  const t = sentence.start + ((sentence.end - sentence.start) * before) / total;
  let best = sentence.wordStart + 1;
  let bestDistance = Infinity;
  for (let w = sentence.wordStart + 1; w < sentence.wordEnd; w++) {
    const distance = Math.abs((words[w]?.start ?? 0) - t);
    if (distance < bestDistance) {
      best = w;
      bestDistance = distance;
    }
  }
  return best;
}

/** Clears every transcript correction (boundaries, text, layers) but keeps worksheet ticks. */
export function revertTranscriptCorrections(ctx: CorrectionContext): Corrections {
  return {
    ...emptyCorrections(transcriptBasis(ctx.words)),
    worksheet: { ...(ctx.corrections?.worksheet ?? {}) },
    ...(ctx.corrections?.incident ? { incident: true as const } : {}),
  };
}

/** Says the answer is an incident story (true), or takes that back (false). */
export function confirmIncident(corrections: Corrections | null, basis: string, value: boolean): Corrections {
  const { incident: _was, ...rest } = corrections ?? emptyCorrections(basis);
  return value ? { ...rest, incident: true } : rest;
}

/** Ticks (true), unticks (false) or returns to automatic (null) one worksheet item. */
export function tickWorksheetItem(
  corrections: Corrections | null,
  basis: string,
  itemId: string,
  value: boolean | null,
): Corrections {
  const next: Corrections = corrections
    ? { ...corrections, worksheet: { ...corrections.worksheet } }
    : emptyCorrections(basis);
  if (value === null) delete next.worksheet[itemId];
  else next.worksheet[itemId] = value;
  return next;
}
