import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../../../src/core/analysis/types';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import type { Transcript } from '../../../src/core/transcript/types';
import { ProcessingService } from '../../../src/backend/services/processing/processing-service';
import { createTypedSession } from '../../../src/backend/services/processing/typed-session';
import { RecordingService, type Emit } from '../../../src/backend/services/recording/recording-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { bytesOf, FakeTranscriber, speechLike } from './support/fake-transcriber';

/** The lesson's model answer, as a transcript with estimated times. */
const STORY = [
  'Q3 last year, our fraud-scoring model started false-positiving 0.3% more transactions than baseline.',
  'Detection — our per-merchant-category accuracy dashboard alerted after about 36 hours.',
  'Attribution — the producer-side feature pipeline had silently changed how it computed transaction-velocity.',
  'Mitigation — I made the rollback call and drove manual reversal of the 2,400 affected transactions.',
  'Structural fix — per-merchant-category prediction distribution alerting at Tier 2, plus an explicit producer-team contract requiring schema-change notifications; both still in production and have caught three subsequent regressions.',
  'System learning — our feature-store contracts were implicit, and we have made three other implicit contracts explicit since.',
].join(' ');
const storyTranscript: Transcript = transcriptFromText(STORY);

const SETUP = {
  question: 'Tell me about an incident you owned.',
  story: 'Fraud model',
  targetSec: 60,
  livePacing: false,
};

let dir: string;
let sessions: SessionStore;
let transcriber: FakeTranscriber;
let recording: RecordingService;
let processing: ProcessingService;
const events: { event: string; payload: unknown }[] = [];
const emit: Emit = (event, payload) => events.push({ event, payload });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-proc-'));
  sessions = new SessionStore(dir);
  transcriber = new FakeTranscriber(() => storyTranscript);
  recording = new RecordingService({ sessions, transcriber, analyze: analyzeTranscript, pid: 1, isAlive: () => false });
  processing = new ProcessingService({ sessions, recording, transcriber, analyze: analyzeTranscript });
  events.length = 0;
});
afterEach(async () => {
  await recording.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function recordTake(seconds: number, setup = SETUP): Promise<string> {
  const { sessionId } = await recording.start(setup, emit);
  for (let offset = 0; offset < seconds * 16000; offset += 4000) {
    await recording.chunk({ sessionId, offsetSamples: offset, pcm: bytesOf(speechLike(4000, offset)) });
  }
  await recording.stop({ sessionId, endedBy: 'user' });
  return sessionId;
}

describe('ProcessingService', () => {
  it('finishes the streaming transcription, analyses, stores both and reports progress', async () => {
    const id = await recordTake(3);
    const result = await processing.run(id, emit);
    expect(transcriber.streams[0]?.finished).toBe(true);
    expect(transcriber.files).toEqual([]); // the stream was used, not a second pass over the file
    expect(result.session.status).toBe('ready');
    expect(result.analysis.sentences.length).toBeGreaterThanOrEqual(6);
    expect(result.analysis.lengthSeconds).toBe(60);
    const stored = JSON.parse(await readFile(path.join(sessions.folderOf(id), 'session.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored.status).toBe('ready');
    expect(stored.transcript).toMatchObject({ segments: expect.any(Array) });
    expect((stored.analysis as { tier: string }).tier).toBe(result.analysis.tier);
    const progress = events
      .filter((e) => e.event === 'analysis.progress')
      .map((e) => e.payload as { stage: string; fraction: number });
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['transcribing', 'analyzing', 'saving']));
    const fractions = progress.map((p) => p.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions); // never goes backwards
  });

  it('transcribes the file when no stream is left (re-run, resumed or imported takes)', async () => {
    const id = await recordTake(2);
    await processing.run(id, emit);
    await processing.run(id, emit);
    expect(transcriber.files).toEqual([path.join(sessions.folderOf(id), 'audio.wav')]);
  });

  it('can be cancelled: the take stays a draft with its audio, and can be processed again', async () => {
    const id = await recordTake(2);
    // Cancelled at the first transcription progress, not after a fixed wait: the run reads the
    // take from disk before it can be cancelled, which a loaded machine can make slower than any
    // short wait.
    let cancelledWhileRunning: boolean | null = null;
    const running = processing.run(id, (event, payload) => {
      emit(event, payload);
      if (event === 'analysis.progress' && cancelledWhileRunning === null) {
        cancelledWhileRunning = processing.cancel(id);
      }
    });
    await expect(running).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/kept as a draft/),
    });
    expect(cancelledWhileRunning).toBe(true);
    const doc = await sessions.get(id);
    expect(doc.status).toBe('draft');
    expect(doc.audio?.durationSec).toBe(2);
    expect(processing.cancel(id)).toBe(false);
    expect((await processing.run(id, emit)).session.status).toBe('ready');
  });

  it('says "no speech detected" when the transcription is empty, and keeps the audio', async () => {
    transcriber.answer = () => ({ segments: [{ start: 0, end: 2, text: '  ' }] });
    const id = await recordTake(2);
    await expect(processing.run(id, emit)).rejects.toMatchObject({ code: 'no_speech' });
    const doc = await sessions.get(id);
    expect(doc.status).toBe('failed');
    expect(doc.error).toMatch(/No speech detected/);
  });

  it('keeps the take as a draft with the engine error when transcription fails', async () => {
    const id = await recordTake(1);
    transcriber.answer = () => {
      throw new Error('model file is truncated');
    };
    await expect(processing.run(id, emit)).rejects.toThrow('model file is truncated');
    expect(await sessions.get(id)).toMatchObject({ status: 'draft', error: 'model file is truncated' });
  });

  it('analyses a typed answer with estimated times', async () => {
    const summary = await createTypedSession(sessions, {
      question: 'Walk me through the most significant AI/ML incident you owned end-to-end.',
      story: 'Fraud model',
      targetSec: 180,
      text: STORY,
      writingSec: 640,
      timeLimitSec: 900,
    });
    expect(summary).toMatchObject({ kind: 'typed', status: 'draft' });
    const result = await processing.run(summary.id, emit);
    expect(result.analysis.timesEstimated).toBe(true);
    expect(result.analysis.lengthSeconds).toBe(180);
    expect((await sessions.get(summary.id)).typedAnswer?.writingSec).toBe(640);
  });

  it('refuses to process a take that is still recording', async () => {
    const { sessionId } = await recording.start(SETUP, emit);
    await expect(processing.run(sessionId, emit)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('emits live pacing while recording when the user turned it on', async () => {
    const { sessionId } = await recording.start({ ...SETUP, livePacing: true }, emit);
    await recording.chunk({ sessionId, offsetSamples: 0, pcm: bytesOf(speechLike(4000)) });
    await vi.waitFor(() => expect(events.some((e) => e.event === 'recording.pacing')).toBe(true));
    const pacing = events.find((e) => e.event === 'recording.pacing')?.payload as
      { currentLayer: string; secondsPerLayer: Record<string, number> } | undefined;
    expect(pacing?.currentLayer).toBe('system_learning'); // the last sentence of the partial
    expect(pacing?.secondsPerLayer.structural_fix).toBeGreaterThan(0);
    const quiet = await recording.start(SETUP, emit);
    events.length = 0;
    await recording.chunk({ sessionId: quiet.sessionId, offsetSamples: 0, pcm: bytesOf(speechLike(4000)) });
    expect(events.filter((e) => e.event === 'recording.pacing')).toEqual([]); // off by default
  });

  it('paces with the analysis it is given, and drops a late answer to an older partial', async () => {
    // The back end gives the analysis processing runs (sentences encoded on the analysis thread),
    // which answers asynchronously: here each answer waits until the test releases it.
    const waiting: Array<() => void> = [];
    const asked: Transcript[] = [];
    const paced = new RecordingService({
      sessions,
      transcriber,
      analyze: (transcript, options) =>
        new Promise<Analysis>((resolve) => {
          asked.push(transcript);
          waiting.push(() => resolve(analyzeTranscript(transcript, options)));
        }),
      pid: 1,
      isAlive: () => false,
    });
    try {
      transcriber.answer = (samples) => transcriptFromText(samples > 4000 ? STORY : (STORY.split(' — ')[0] ?? ''));
      const { sessionId } = await paced.start({ ...SETUP, livePacing: true }, emit);
      await paced.chunk({ sessionId, offsetSamples: 0, pcm: bytesOf(speechLike(4000)) });
      await paced.chunk({ sessionId, offsetSamples: 4000, pcm: bytesOf(speechLike(4000, 4000)) });
      expect(asked).toHaveLength(2);
      waiting[1]?.(); // the newer partial answers first…
      await vi.waitFor(() => expect(events.filter((e) => e.event === 'recording.pacing')).toHaveLength(1));
      waiting[0]?.(); // …and the older one's late answer is not shown over it
      await new Promise((r) => setTimeout(r, 20));
      const shown = events.filter((e) => e.event === 'recording.pacing');
      expect(shown).toHaveLength(1);
      expect((shown[0]?.payload as { currentLayer: string }).currentLayer).toBe('system_learning');
      await paced.stop({ sessionId, endedBy: 'user' });
    } finally {
      await paced.dispose();
    }
  });
});
