/**
 * Loads the labelled corpus and turns its stories into transcripts for evaluation and benches:
 * typed text (times estimated) and a Whisper-like transcript (segments that cut across sentences,
 * word times with natural pauses). Node-only helper for bench/ scripts and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLayer, type Layer } from '../src/core/analysis/layers';
import type { ConstraintKey, RubricDimension, RubricLevel, Tier } from '../src/core/analysis/types';
import type { Transcript, TranscriptWord } from '../src/core/transcript/types';

export interface CorpusStory {
  id: string;
  prompt: string;
  mode: 'spoken' | 'written';
  explicit_labels: boolean;
  notes: string;
  sentences: Array<{ text: string; layer: Layer }>;
  /** Absent for documents and for the training corpus: those measure sentence labels only. */
  expected?: {
    tier: Tier;
    rubric: Record<RubricDimension, RubricLevel>;
    constraints: Record<ConstraintKey, boolean>;
  };
}

/** ../shared/corpus/dev relative to the repository root (never copied into the repo). */
export function defaultCorpusDir(): string {
  return fileURLToPath(new URL('../../shared/corpus/dev', import.meta.url));
}

export function loadCorpus(dir: string = defaultCorpusDir()): CorpusStory[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const story = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusStory;
      for (const s of story.sentences) {
        if (!isLayer(s.layer)) throw new Error(`${f}: unknown layer ${String(s.layer)}`);
      }
      return story;
    });
}

/** A transcript plus, for every flattened word, the index of the gold sentence it belongs to. */
export interface LabelledTranscript {
  transcript: Transcript;
  wordSentence: number[];
}

/** Deterministic PRNG (mulberry32) so every eval run sees the same synthetic timings. */
export function rng(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits into whitespace tokens and glues punctuation-only tokens ("—") to the word before. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    if (/^[\p{P}\p{S}]+$/u.test(raw) && out.length > 0) out[out.length - 1] += raw;
    else out.push(raw);
  }
  return out;
}

/** The story as one typed text (paragraph per sentence is not assumed: one paragraph). */
export function storyText(story: CorpusStory): string {
  return story.sentences.map((s) => s.text).join(' ');
}

export function goldWordSentences(story: CorpusStory): number[] {
  // The typed text is tokenised as one run, so a sentence that opens with a lone dash ("— Marta")
  // glues that dash to the word before, as the engine's tokeniser does.
  return story.sentences.flatMap((s, i) =>
    tokens(s.text).flatMap((t, k) => (k === 0 && i > 0 && /^[\p{P}\p{S}]+$/u.test(t) ? [] : [i])),
  );
}

/**
 * Whisper-like transcript: ~150 wpm with jitter, 0.2-0.9 s between sentences, short pauses at
 * commas, a few long hesitations, and segments of 6-24 words cut without regard to sentences.
 */
export function whisperLike(story: CorpusStory, offset = 0, options: { raw?: boolean } = {}): LabelledTranscript {
  const rand = rng(story.id);
  const words: Array<TranscriptWord & { sentence: number }> = [];
  let t = offset + 0.3;
  story.sentences.forEach((s, si) => {
    for (const tok of tokens(s.text)) {
      const last = words[words.length - 1];
      if (last && /^[\p{P}\p{S}]+$/u.test(tok)) {
        // A sentence that opens with a lone dash: the recogniser glues it to the word before.
        last.text += tok;
        continue;
      }
      const d = (0.18 + 0.045 * Math.min(12, tok.replace(/\W/g, '').length)) * (0.85 + 0.3 * rand());
      // raw: a recogniser output without punctuation or capitals (the hardest case for segmentation).
      const text = options.raw ? tok.replace(/[.,!?;:]+(?=["'”’)]*$)/u, '').toLowerCase() : tok;
      words.push({ text, start: round(t), end: round(t + d), sentence: si });
      t += d;
      if (/[,;:—–]$/.test(tok)) t += rand() < 0.08 ? 1.6 + rand() * 0.8 : 0.1 + rand() * 0.25;
      else t += rand() < 0.02 ? 0.9 + rand() * 0.5 : 0.02 + rand() * 0.06;
    }
    t += 0.2 + rand() * 0.7;
  });
  const segments: Transcript['segments'] = [];
  let i = 0;
  while (i < words.length) {
    const n = 6 + Math.floor(rand() * 19);
    const chunk = words.slice(i, i + n);
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) break;
    segments.push({
      start: first.start,
      end: last.end,
      text: chunk.map((w) => w.text).join(' '),
      words: chunk.map(({ text, start, end }) => ({ text, start, end })),
    });
    i += n;
  }
  return { transcript: { segments, language: 'en' }, wordSentence: words.map((w) => w.sentence) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A long answer made by telling corpus stories one after another (about 150 words a minute). */
export function transcriptOfMinutes(minutes: number): Transcript {
  const stories = loadCorpus();
  const segments: Transcript['segments'] = [];
  let offset = 0;
  for (let i = 0; offset < minutes * 60; i++) {
    const story = stories[i % stories.length];
    if (!story) break;
    const { transcript } = whisperLike(story, offset);
    // Cut at the target length so each size holds about minutes × 150 words.
    segments.push(...transcript.segments.filter((s) => s.end <= minutes * 60));
    offset = (transcript.segments[transcript.segments.length - 1]?.end ?? offset) + 1;
  }
  return { segments, language: 'en', durationSec: minutes * 60 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
