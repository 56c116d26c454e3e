/**
 * Redacts a whole session document (the JSON export) with the same Redactor the other formats use.
 * Every free-text string is redacted; fields that hold identifiers or enum values (layer, level,
 * kind, ids, dates) are left alone so the result still validates and imports. Transcript words are
 * redacted as a sequence, so a name split over two word tokens ("Acme" "Bank") is caught, and the
 * analysis' word indexes are shifted to match.
 */
import type { Redactor } from './redact';

/** Keys whose values are identifiers or enums, never prose: redacting them would break the schema. */
const STRUCTURAL_KEYS = new Set([
  'schemaVersion',
  'version',
  'id',
  'createdAt',
  'updatedAt',
  'kind',
  'status',
  'layer',
  'explicitMarker',
  'after',
  'dimension',
  'key',
  'level',
  'nextLevel',
  'tier',
  'language',
  'file',
  'layerBefore',
  'layerAfter',
  'order',
  'missing',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function redactValue(value: unknown, redactor: Redactor, key: string | null): unknown {
  if (key !== null && STRUCTURAL_KEYS.has(key)) return value;
  if (typeof value === 'string') return redactor.redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redactor, null));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, redactor, k);
    return out;
  }
  return value;
}

interface WordLike {
  text: string;
  start: number;
  end: number;
}

function isWordList(value: unknown): value is WordLike[] {
  return (
    Array.isArray(value) &&
    value.every(
      (w) => isRecord(w) && typeof w.text === 'string' && typeof w.start === 'number' && typeof w.end === 'number',
    )
  );
}

/**
 * Redacts `segments[].words[]` as one sequence (names can straddle a segment cut). Segments whose
 * words changed because of a straddling name get their text rebuilt from the words, so the name
 * cannot survive half in one segment's text and half in the next.
 */
function redactTranscript(transcript: unknown, redactor: Redactor): unknown {
  const base = redactValue(transcript, redactor, null);
  if (!isRecord(transcript) || !Array.isArray(transcript.segments) || !isRecord(base) || !Array.isArray(base.segments))
    return base;
  const segments = transcript.segments as unknown[];
  const flat: Array<WordLike & { seg: number }> = [];
  segments.forEach((segment, seg) => {
    if (isRecord(segment) && isWordList(segment.words)) for (const w of segment.words) flat.push({ ...w, seg });
  });
  if (flat.length === 0) return base;
  const { words, changed, merges } = redactor.redactWords(flat);
  if (!changed) return base;
  // Segments a name straddles (it starts in one and ends in a later one) get their text rebuilt
  // from the redacted words: neither half of the name may survive in a segment's text.
  const straddled = new Set<number>();
  for (const { first, last } of merges) {
    const from = flat[first]?.seg ?? 0;
    const to = flat[last]?.seg ?? from;
    for (let seg = from; to !== from && seg <= to; seg++) straddled.add(seg);
  }
  const bySegment = new Map<number, WordLike[]>();
  for (const { seg, ...w } of words) {
    const list = bySegment.get(seg) ?? [];
    list.push(w);
    bySegment.set(seg, list);
  }
  const outSegments = (base.segments as unknown[]).map((segment, seg) => {
    const original = segments[seg];
    if (!isRecord(segment) || !isRecord(original) || !isWordList(original.words)) return segment;
    const newWords = bySegment.get(seg) ?? [];
    return {
      ...segment,
      words: newWords,
      ...(straddled.has(seg) ? { text: newWords.map((w) => w.text.trim()).join(' ') } : {}),
    };
  });
  return { ...base, segments: outSegments };
}

/**
 * Shifts `analysis.sentences[].wordStart/wordEnd` by the word tokens that multi-word names merged
 * away (counted on the original sentence texts, which are the sentence's words joined by spaces).
 * Statistics (word counts, words per minute) describe what was said and stay unchanged.
 */
function fixWordIndexes(original: unknown, redacted: unknown, redactor: Redactor): unknown {
  if (
    !isRecord(original) ||
    !isRecord(redacted) ||
    !Array.isArray(original.sentences) ||
    !Array.isArray(redacted.sentences)
  ) {
    return redacted;
  }
  const origSentences = original.sentences as unknown[];
  const merged = origSentences.map((s) =>
    isRecord(s) && typeof s.text === 'string' ? redactor.redactTextCounting(s.text).mergedTokens : 0,
  );
  if (merged.every((m) => m === 0)) return redacted;
  const order = origSentences
    .map((s, i) => ({ i, start: isRecord(s) && typeof s.wordStart === 'number' ? s.wordStart : 0 }))
    .sort((a, b) => a.start - b.start);
  const before = new Map<number, number>();
  let running = 0;
  for (const { i } of order) {
    before.set(i, running);
    running += merged[i] ?? 0;
  }
  const sentences = (redacted.sentences as unknown[]).map((s, i) => {
    if (!isRecord(s) || typeof s.wordStart !== 'number' || typeof s.wordEnd !== 'number') return s;
    const shift = before.get(i) ?? 0;
    return { ...s, wordStart: s.wordStart - shift, wordEnd: s.wordEnd - shift - (merged[i] ?? 0) };
  });
  return { ...redacted, sentences };
}

/** Redacts a session document (or any JSON value) for export. The input is not modified. */
export function redactDocument<T>(document: T, redactor: Redactor): T {
  if (redactor.entries.length === 0) return document;
  if (!isRecord(document)) return redactValue(document, redactor, null) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(document)) {
    // Sentence vectors are keyed by the sentences as spoken, names and all, and belong to that
    // text: a redacted export leaves them out (an import labels without them until re-analysed).
    if (k === 'sentenceVectors') continue;
    if (k === 'transcript') out[k] = redactTranscript(v, redactor);
    else if (k === 'analysis') out[k] = fixWordIndexes(v, redactValue(v, redactor, k), redactor);
    else out[k] = redactValue(v, redactor, k);
  }
  return out as T;
}

/** All prose of a document in reading order (question, story, transcript): to plan placeholders. */
export function documentText(document: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string | null): void => {
    if (key !== null && STRUCTURAL_KEYS.has(key)) return;
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, null));
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  if (isRecord(document)) {
    // Reading order: what the user sees first gets the first letters.
    for (const k of ['title', 'question', 'story']) walk(document[k], k);
    const analysis = document.analysis;
    if (isRecord(analysis) && Array.isArray(analysis.sentences)) walk(analysis.sentences, null);
    walk(document, null);
  } else walk(document, null);
  return parts.join('\n');
}
