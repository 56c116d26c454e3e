import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { ProcessingService } from '../../../src/backend/services/processing/processing-service';
import { createAppTranscriber } from '../../../src/backend/services/recording/app-transcriber';
import { RecordingService, type Emit } from '../../../src/backend/services/recording/recording-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { chattyModel, speak, VAD_MODEL } from '../whisper/support';

/**
 * The practice flow on the real engine: a Whisper worker process with a random-weights model (no
 * real weights can be downloaded here, so the words are meaningless) and the real Silero VAD,
 * fed a take chunk by chunk as the recorder does. Checks the wiring, not recognition quality.
 */
let dir: string;
let models: ModelManager;
let app: ReturnType<typeof createAppTranscriber>;
const emit: Emit = () => {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-whisper-practice-'));
  models = new ModelManager({ dataDir: dir, allowCustomShapes: true });
  app = createAppTranscriber(models);
}, 120_000);
afterAll(async () => {
  await app.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('practice with the Whisper engine', () => {
  it('without a model: records anyway, no live transcription, and processing says the model is missing', async () => {
    const sessions = new SessionStore(dir);
    const recording = new RecordingService({ sessions, transcriber: app.transcriber, pid: 1, isAlive: () => false });
    const started = await recording.start(
      { question: 'Q? Tell me.', story: 'S', targetSec: 60, livePacing: false },
      emit,
    );
    expect(started.streaming).toBe(false);
    const speech = speak('We rolled back the model within the hour.', 'nomodel', 0.5, 0.5);
    for (let at = 0; at < speech.pcm.length; at += 4000) {
      const part = speech.pcm.slice(at, at + 4000);
      await recording.chunk({ sessionId: started.sessionId, offsetSamples: at, pcm: new Uint8Array(part.buffer) });
    }
    await recording.stop({ sessionId: started.sessionId, endedBy: 'user' });
    const processing = new ProcessingService({
      sessions,
      recording,
      transcriber: app.transcriber,
      analyze: analyzeTranscript,
    });
    await expect(processing.run(started.sessionId, emit)).rejects.toMatchObject({
      code: 'model_missing',
      message: expect.stringContaining('Settings → Speech models'),
    });
    expect((await sessions.get(started.sessionId)).status).toBe('draft');
  });

  it('with a model: streams the take to the worker while recording and finishes the transcript after stop', async () => {
    const model = await models.importFile(await chattyModel(), { id: 'random-tiny' });
    await models.setDefault(model.id);
    await models.importFile(VAD_MODEL);
    const sessions = new SessionStore(dir);
    const recording = new RecordingService({
      sessions,
      transcriber: app.transcriber,
      analyze: analyzeTranscript,
      pid: 1,
      isAlive: () => false,
    });
    const processing = new ProcessingService({
      sessions,
      recording,
      transcriber: app.transcriber,
      analyze: analyzeTranscript,
    });
    let partials = 0;
    const started = await recording.start(
      { question: 'Q? Tell me.', story: 'S', targetSec: 60, livePacing: true },
      (event) => {
        if (event === 'recording.pacing') partials++;
      },
    );
    expect(started.streaming).toBe(true);
    // Longer than the engine's 8-s batching target, so an utterance is cut while recording.
    const speech = speak(
      'Our per merchant accuracy dashboard alerted after thirty six hours. The producer pipeline had changed a feature from cents to dollars. We rolled back the model within the hour. Then we shipped a release gate and a contract with the producer team.',
      'withmodel',
      1,
      2,
    );
    let at = 0;
    for (; at < speech.pcm.length; at += 4000) {
      const part = speech.pcm.slice(at, at + 4000);
      await recording.chunk({ sessionId: started.sessionId, offsetSamples: at, pcm: new Uint8Array(part.buffer) });
      await new Promise((r) => setTimeout(r, 100)); // real time passes, so VAD and Whisper run while "speaking"
    }
    at = speech.pcm.length;
    // The take stays open (the speaker pauses, silence keeps arriving in real time): the finished
    // utterance is transcribed while still recording, before any stop.
    const deadline = Date.now() + 30_000;
    while (partials === 0 && Date.now() < deadline) {
      await recording.chunk({ sessionId: started.sessionId, offsetSamples: at, pcm: new Uint8Array(8000) });
      at += 4000;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(partials).toBeGreaterThan(0);
    console.log(`first partial transcript while recording, after ${(at / 16000).toFixed(2)} s of audio`);
    const stopped = await recording.stop({ sessionId: started.sessionId, endedBy: 'user' });
    expect(stopped.noSpeech).toBe(false);
    const progress: number[] = [];
    const result = await processing.run(started.sessionId, (event, payload) => {
      if (event === 'analysis.progress') progress.push((payload as { fraction: number }).fraction);
    });
    const doc = await sessions.get(started.sessionId);
    expect(doc.status).toBe('ready');
    const transcript = doc.transcript as {
      segments: { start: number; end: number; words?: unknown[] }[];
      durationSec: number;
      model?: string;
    };
    expect(transcript.segments.length).toBeGreaterThan(0);
    // The transcript names the model it came from (exports print it in their header).
    expect(transcript.model).toBe('random-tiny');
    // Word times are offset to the take: inside the spoken part (1 s of silence before it).
    for (const s of transcript.segments) {
      expect(s.start).toBeGreaterThanOrEqual(speech.speechStart - 0.6);
      expect(s.end).toBeLessThanOrEqual(speech.speechEnd + 0.6);
    }
    expect(transcript.durationSec).toBeCloseTo(at / 16000, 2);
    expect(result.analysis.sentences.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBeGreaterThan(0.9);
  }, 120_000);
});
