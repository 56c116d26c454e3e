import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTranscript, sentenceTexts } from '../../../src/core/analysis/analyze';
import { AnalysisSchema } from '../../../src/core/analysis/schema';
import { editSentenceText } from '../../../src/core/corrections';
import { TranscriptSchema } from '../../../src/core/transcript/types';
import { flattenWords } from '../../../src/core/transcript/words';
import { OffLoopAnalyzer } from '../../../src/backend/services/analysis/off-loop-analyzer';
import { ProcessingService } from '../../../src/backend/services/processing/processing-service';
import { createTypedSession } from '../../../src/backend/services/processing/typed-session';
import { RecordingService } from '../../../src/backend/services/recording/recording-service';
import { ResultsService } from '../../../src/backend/services/results/results-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { analysisOfDoc } from '../../../src/renderer/src/results/analysis-of';
import { analysisOptionsOf } from '../../../src/shared/analysis-options';
import { FakeTranscriber } from '../practice/support/fake-transcriber';

const STORY = [
  'Last spring I shipped a config change that took checkout down for forty minutes.',
  'Customers started emailing support before any of our dashboards moved.',
  'The new timeout was ten times shorter than the payment provider needed.',
  'We rolled the change back and checkout recovered within the hour.',
  'Config changes now go through the same canary as code.',
  'What I took from it is that config is code and deserves the same review.',
].join(' ');

let dir: string;
let sessions: SessionStore;
let analyzer: OffLoopAnalyzer;
let recording: RecordingService;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-vectors-'));
  sessions = new SessionStore(dir);
  analyzer = new OffLoopAnalyzer();
  const transcriber = new FakeTranscriber(() => ({ segments: [] }));
  recording = new RecordingService({ sessions, transcriber, pid: 1, isAlive: () => false });
});
afterAll(async () => {
  await recording.dispose();
  await analyzer.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('sentence vectors stored with a take', () => {
  it('processing stores them, and every view re-analysing the take labels as the back end did', async () => {
    const encoded: string[][] = [];
    const given: string[][] = [];
    const processing = new ProcessingService({
      sessions,
      recording,
      transcriber: new FakeTranscriber(() => ({ segments: [] })),
      analyze: (transcript, options) => {
        given.push(Object.keys(options?.sentenceVectors ?? {}));
        return analyzer.analyze(transcript, options);
      },
      encode: (texts) => {
        encoded.push([...texts]);
        return analyzer.encode(texts);
      },
    });
    const summary = await createTypedSession(sessions, {
      question: 'Tell me about an outage you caused.',
      story: 'Checkout timeout',
      targetSec: 120,
      text: STORY,
      writingSec: 300,
      timeLimitSec: 900,
    });
    const { analysis } = await processing.run(summary.id, () => {});
    const doc = await sessions.get(summary.id);
    const vectors = doc.sentenceVectors ?? {};
    expect(Object.keys(vectors).sort()).toEqual(analysis.sentences.map((s) => s.text).sort());
    // The sentences are encoded once, and the analysis is handed their vectors (none to encode again).
    expect(encoded).toEqual([sentenceTexts(TranscriptSchema.parse(doc.transcript), analysisOptionsOf(doc))]);
    expect(given.map((keys) => keys.sort())).toEqual([Object.keys(vectors).sort()]);
    const transcript = TranscriptSchema.parse(doc.transcript);
    expect(analyzeTranscript(transcript, analysisOptionsOf(doc))).toEqual(analysis);
    // The renderer's analysis of the stored take is the back end's.
    expect(analysisOfDoc(doc)).toEqual(analysis);
    expect(AnalysisSchema.parse(doc.analysis)).toEqual(analysis);
  }, 120_000);

  it('saving corrections stores the vectors of the edited sentences too', async () => {
    const [first] = (await sessions.list()).sessions;
    if (!first) throw new Error('no take from the first test');
    const results = new ResultsService({ sessions, analyze: analyzer });
    const doc = await sessions.get(first.id);
    const transcript = TranscriptSchema.parse(doc.transcript);
    const base = AnalysisSchema.parse(doc.analysis).sentences;
    const edited = 'Our support inbox filled with angry customers long before any alert fired.';
    const corrections = editSentenceText({ words: flattenWords(transcript), base, corrections: null }, 1, edited);
    await results.saveCorrections(first.id, corrections);
    const saved = await sessions.get(first.id);
    const vectors = saved.sentenceVectors ?? {};
    expect(vectors[edited]).toBeDefined();
    for (const t of sentenceTexts(transcript)) expect(vectors[t]).toBeDefined();
    expect(analysisOfDoc(saved)).toEqual(AnalysisSchema.parse(saved.analysis));
  }, 120_000);
});
