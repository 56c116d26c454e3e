/**
 * Test input for the exporters, built from the labelled corpus the way the app would see it: the
 * story's sentences spoken at a steady rate with word times, cut into Whisper-like segments that
 * straddle sentence boundaries, then analysed by the real coaching engine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import type { Analysis } from '../../../src/core/analysis/types';
import type { Transcript, TranscriptSegment, TranscriptWord } from '../../../src/core/transcript/types';
import { SESSION_SCHEMA_VERSION, type SessionDocument } from '../../../src/shared/session-document';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.resolve(here, '../../../../shared/corpus/dev');

export interface CorpusStory {
  id: string;
  prompt: string;
  mode: 'spoken' | 'written';
  sentences: Array<{ text: string; layer: string }>;
}

export function loadStory(id: string): CorpusStory {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, `${id}.json`), 'utf8')) as CorpusStory;
}

/** Words at `wpm` (longer words take longer), a pause after each sentence, segments every ~11 words. */
export function spokenTranscript(story: CorpusStory, wpm = 150): Transcript {
  const perWord = 60 / wpm;
  const words: TranscriptWord[] = [];
  let t = 0.6;
  for (const sentence of story.sentences) {
    for (const token of sentence.text.split(/\s+/).filter((w) => w !== '')) {
      const d = perWord * (0.6 + 0.4 * Math.min(2.5, token.length / 5));
      words.push({ text: token, start: round(t), end: round(t + d) });
      t += d + 0.04;
    }
    t += 0.45;
  }
  const segments: TranscriptSegment[] = [];
  for (let i = 0; i < words.length; i += 11) {
    const chunk = words.slice(i, i + 11);
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) continue;
    segments.push({ start: first.start, end: last.end, text: chunk.map((w) => w.text).join(' '), words: chunk });
  }
  return { segments, language: 'en', durationSec: round(t + 0.5) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface CorpusSession {
  story: CorpusStory;
  transcript: Transcript;
  analysis: Analysis;
  document: SessionDocument;
}

const cache = new Map<string, CorpusSession>();

/** The two stories every export test renders: one written (L7, explicit labels), one spoken. */
export const STORY_IDS = ['dev-01-credit-bureau-sentinel', 'dev-08-grocery-promo-backfill'] as const;

/**
 * Names put into the stories for redaction tests (the corpus keeps them anonymous): each pair is
 * [phrase in the corpus, replacement with a name]. Includes a possessive, a multi-word company
 * and a person named twice.
 */
export const NAMED_EDITS: Readonly<Record<string, Array<[string, string]>>> = {
  'dev-01-credit-bureau-sentinel': [
    ['an analyst at our partner bank', 'Dana Whitfield, an analyst at Northwind Bank'],
    ['the same bureau had quietly', "Meridian Credit's bureau had quietly"],
    ['the bureau had started sending', 'Meridian Credit had started sending'],
    ['in the scoring service', 'in ScoreHub'],
    ['rather than my old team', 'rather than Dana Whitfield or my old team'],
  ],
  'dev-08-grocery-promo-backfill': [
    ['from the grocery job', 'from FreshCart Grocers'],
    ['the data engineering team had backfilled', "Priya Raman's data engineering team had backfilled"],
    ['a stuck feed from the point-of-sale system', 'a stuck feed from StoreLink'],
    ['the regional ops people', 'the FreshCart regional ops people'],
  ],
};

/** Names file matching NAMED_EDITS (categories, an alias, a comment). */
export const NAMES_FILE = `# people, companies and services to hide
person: Dana Whitfield | Dana
company: Northwind Bank
company: Meridian Credit
service: ScoreHub
company: FreshCart Grocers | FreshCart
person: Priya Raman
service: StoreLink
`;

export const LISTED_NAMES = [
  'Dana Whitfield',
  'Dana',
  'Northwind Bank',
  'Meridian Credit',
  'ScoreHub',
  'FreshCart Grocers',
  'FreshCart',
  'Priya Raman',
  'StoreLink',
];

function withNames(story: CorpusStory): CorpusStory {
  const edits = NAMED_EDITS[story.id] ?? [];
  const sentences = story.sentences.map((s) => ({ ...s }));
  for (const [from, to] of edits) {
    const hit = sentences.find((s) => s.text.includes(from));
    if (!hit) throw new Error(`fixture: "${from}" is not in ${story.id}`);
    hit.text = hit.text.replace(from, to);
  }
  return { ...story, sentences };
}

export function corpusSession(id: string, options: { named?: boolean } = {}): CorpusSession {
  const key = `${id}${options.named ? '#named' : ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const plain = loadStory(id);
  const story = options.named ? withNames(plain) : plain;
  const transcript = spokenTranscript(story);
  const analysis = analyzeTranscript(transcript);
  const slug = id.replace(/^dev-\d+-/, '');
  const storyName = options.named
    ? id.startsWith('dev-01')
      ? 'Meridian Credit sentinel at Northwind Bank'
      : 'FreshCart Grocers promo backfill'
    : slug.replace(/-/g, ' ');
  const document: SessionDocument = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: `export-${slug}`.slice(0, 60),
    createdAt: '2026-03-14T09:05:00.000Z',
    updatedAt: '2026-03-14T09:12:00.000Z',
    kind: 'recorded',
    status: 'ready',
    question: story.prompt,
    story: storyName,
    targetSec: analysis.lengthSeconds,
    audio: { file: 'audio.wav', sampleRate: 16000, durationSec: transcript.durationSec ?? 0 },
    transcript: { ...transcript, model: 'base.en' },
    analysis,
  };
  const session = { story, transcript, analysis, document };
  cache.set(key, session);
  return session;
}
