/**
 * Delivery metrics: pace, filler words, long pauses, hedges and "I" vs "we", overall and per
 * layer. Fillers that are also ordinary words ("like", "kind of", "you know") only count where
 * they work as fillers (set off by commas, not "looks like" or "a different kind of").
 */
import type { TimedWord } from '../transcript/words';
import { perLayer, type Layer } from './layers';
import { sentenceSeconds } from './timeline';
import type { AnalyzedSentence, Delivery, DeliveryStats, Pause, Quote } from './types';

const DEFAULT_PAUSE_THRESHOLD_SEC = 1.5;

const ALWAYS_FILLERS = new Set([
  'um',
  'umm',
  'uh',
  'uhm',
  'uhh',
  'erm',
  'er',
  'ah',
  'hmm',
  'mm',
  'mhm',
  'basically',
  'literally',
]);
const I_WORDS = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
const WE_WORDS = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves']);
/** Words before "kind of"/"sort of" that make it a noun phrase, not a filler. */
const KIND_OF_NOUN = new Set([
  'a',
  'the',
  'this',
  'that',
  'what',
  'which',
  'some',
  'any',
  'same',
  'different',
  'one',
  'every',
  'each',
  'other',
  'another',
  'new',
  'right',
  'wrong',
  'whatever',
]);
const HEDGE_PATTERNS: Array<[string, RegExp]> = [
  ['I think', /\bi think\b(?! (?:about|of)\b)/g],
  ['I guess', /\bi guess\b/g],
  ['I believe', /\bi believe\b/g],
  ['I feel like', /\bi feel like\b/g],
  ['maybe', /\bmaybe\b/g],
  ['probably', /\bprobably\b/g],
  ['perhaps', /\bperhaps\b/g],
  ['possibly', /\bpossibly\b/g],
  ['might', /\bmight\b/g],
  ['somewhat', /\bsomewhat\b/g],
  ["I'm not sure", /\bi'm not (?:sure|certain)\b/g],
  ['more or less', /\bmore or less\b/g],
];

interface Token {
  word: string;
  raw: string;
}

function tokenize(text: string): Token[] {
  return text
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .filter((r) => r !== '')
    .map((raw) => ({ raw, word: raw.toLowerCase().replace(/^[^a-z0-9']+|[^a-z0-9']+$/g, '') }))
    .filter((t) => t.word !== '');
}

function fillersIn(tokens: readonly Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const commaBefore = !prev || /[,;:—–-]$/.test(prev.raw);
    const commaAfter = /[,;:—–-]$/.test(t.raw);
    if (ALWAYS_FILLERS.has(t.word)) add(t.word);
    else if (t.word === 'like' && (commaBefore || commaAfter)) add('like');
    else if (t.word === 'you' && next?.word === 'know') {
      const after = tokens[i + 2];
      const nextComma = /[,;:—–.?-]$/.test(next.raw);
      if (commaBefore || nextComma || !after) add('you know');
    } else if (
      (t.word === 'kind' || t.word === 'sort') &&
      next?.word === 'of' &&
      !(prev && KIND_OF_NOUN.has(prev.word))
    ) {
      add(`${t.word} of`);
    } else if (t.word === 'i' && next?.word === 'mean' && /[,]$/.test(next.raw)) add('I mean');
  }
  return counts;
}

function hedgesIn(text: string): Map<string, number> {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const counts = new Map<string, number>();
  for (const [name, re] of HEDGE_PATTERNS) {
    const n = lower.match(re)?.length ?? 0;
    if (n > 0) counts.set(name, n);
  }
  return counts;
}

interface Accumulator {
  words: number;
  seconds: number;
  fillers: Map<string, number>;
  hedges: Map<string, number>;
  i: number;
  we: number;
}

function emptyAcc(): Accumulator {
  return { words: 0, seconds: 0, fillers: new Map(), hedges: new Map(), i: 0, we: 0 };
}

function merge(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function finish(acc: Accumulator): DeliveryStats {
  const fillers = [...acc.fillers.values()].reduce((a, b) => a + b, 0);
  const hedges = [...acc.hedges.values()].reduce((a, b) => a + b, 0);
  return {
    words: acc.words,
    seconds: round2(acc.seconds),
    wordsPerMinute: acc.seconds > 0 ? Math.round((acc.words / acc.seconds) * 60) : null,
    fillers,
    fillersPer100Words: acc.words > 0 ? round2((fillers / acc.words) * 100) : 0,
    fillerCounts: Object.fromEntries(acc.fillers),
    hedges,
    hedgeCounts: Object.fromEntries(acc.hedges),
    iCount: acc.i,
    weCount: acc.we,
    iShare: acc.i + acc.we > 0 ? round2(acc.i / (acc.i + acc.we)) : null,
  };
}

export function measureDelivery(
  sentences: readonly AnalyzedSentence[],
  words: readonly TimedWord[],
  options: { pauseThresholdSec?: number; timesEstimated: boolean },
): Delivery {
  const threshold = options.pauseThresholdSec ?? DEFAULT_PAUSE_THRESHOLD_SEC;
  const overall = emptyAcc();
  const layers = perLayer(emptyAcc);
  const hedgeQuotes: Quote[] = [];
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    const fillers = fillersIn(tokens);
    const hedges = hedgesIn(s.text);
    let iCount = 0;
    let weCount = 0;
    for (const t of tokens) {
      if (I_WORDS.has(t.word)) iCount++;
      // "US" in capitals is the country, not "us".
      else if (WE_WORDS.has(t.word) && t.raw.replace(/[^A-Za-z]/g, '') !== 'US') weCount++;
    }
    for (const acc of [overall, layers[s.layer]]) {
      acc.words += s.wordCount;
      acc.seconds += sentenceSeconds(s);
      merge(acc.fillers, fillers);
      merge(acc.hedges, hedges);
      acc.i += iCount;
      acc.we += weCount;
    }
    if (hedges.size > 0)
      hedgeQuotes.push({ sentenceIndex: s.index, text: s.text, start: s.start, end: s.end, layer: s.layer });
  }

  const pauses = findPauses(sentences, words, threshold);
  const longestPause = pauses.reduce<Pause | null>((best, p) => (!best || p.seconds > best.seconds ? p : best), null);
  return {
    overall: finish(overall),
    perLayer: perLayer((l: Layer) => finish(layers[l])),
    pauseThresholdSec: threshold,
    pauses,
    longestPause,
    hedgeQuotes,
    timesEstimated: options.timesEstimated,
  };
}

function findPauses(sentences: readonly AnalyzedSentence[], words: readonly TimedWord[], threshold: number): Pause[] {
  const sentenceOfWord = new Int32Array(words.length).fill(-1);
  for (const s of sentences) for (let w = s.wordStart; w < s.wordEnd; w++) sentenceOfWord[w] = s.index;
  const pauses: Pause[] = [];
  for (let w = 1; w < words.length; w++) {
    const prev = words[w - 1] as TimedWord;
    const cur = words[w] as TimedWord;
    const gap = cur.start - prev.end;
    if (gap < threshold) continue;
    const before = sentences[sentenceOfWord[w - 1] ?? -1];
    const after = sentences[sentenceOfWord[w] ?? -1];
    if (!before || !after) continue;
    pauses.push({
      start: round2(prev.end),
      end: round2(cur.start),
      seconds: round2(gap),
      sentenceIndex: before.index,
      withinSentence: before.index === after.index,
      layerBefore: before.layer,
      layerAfter: after.layer,
    });
  }
  return pauses;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
