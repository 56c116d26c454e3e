import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/core/transcript/types';
import { CoachError } from '../../../src/shared/coach-error';
import { forkSpawner } from '../../../src/backend/services/whisper/spawner';
import { WhisperTranscriber, type ModelPaths } from '../../../src/backend/services/whisper/whisper-transcriber';
import { chattyModel, quietModel, speak, VAD_MODEL } from './support';

/** The engine behind the recording/processing port (src/backend/services/recording/transcriber-port.ts). */
describe('WhisperTranscriber (port adapter)', () => {
  let paths: ModelPaths;
  let transcriber: WhisperTranscriber;
  let speech: ReturnType<typeof speak>;

  beforeAll(async () => {
    speech = speak(
      'First we paged the database team. Then we failed over to the replica, and errors stopped.',
      'port-speech',
      0.5,
      1,
    );
    paths = { modelPath: await chattyModel(), vadModelPath: VAD_MODEL };
    transcriber = new WhisperTranscriber({
      resolveModels: async () => paths,
      spawner: forkSpawner({ stderr: 'ignore' }),
      streaming: { temperatureInc: 0 },
    });
  }, 120_000);

  afterAll(async () => {
    await transcriber?.dispose();
  });

  it('openStream: push while recording, finish returns the whole take', async () => {
    const partials: Transcript[] = [];
    const stream = transcriber.openStream({ onPartial: (t) => partials.push(t) });
    for (let i = 0; i < speech.pcm.length; i += 1600) stream.push(speech.pcm.slice(i, i + 1600));
    const progress: number[] = [];
    const t = await stream.finish({ onProgress: (f) => progress.push(f), signal: new AbortController().signal });
    expect(t.segments.length).toBeGreaterThan(0);
    expect(t.durationSec).toBeCloseTo(speech.durationSec, 3);
    expect(progress.at(-1)).toBe(1);
    expect(partials.length).toBeGreaterThan(0);
    expect(transcriber.engineInfo?.vadLoaded).toBe(true);
  }, 120_000);

  it('transcribeFile: the same path for a WAV on disk; a new default model restarts the worker', async () => {
    const pid = transcriber.engineInfo?.pid;
    const t = await transcriber.transcribeFile(speech.wav, {
      onProgress: () => undefined,
      signal: new AbortController().signal,
    });
    expect(t.segments.length).toBeGreaterThan(0);
    expect(transcriber.engineInfo?.pid).toBe(pid); // same model: worker kept
    paths = { modelPath: await quietModel(), vadModelPath: VAD_MODEL };
    await transcriber.transcribeFile(speech.wav, { onProgress: () => undefined, signal: new AbortController().signal });
    expect(transcriber.engineInfo?.pid).not.toBe(pid);
  }, 120_000);

  it('cancel via the signal rejects with code "cancelled"; no model → model_missing from finish()', async () => {
    const controller = new AbortController();
    const stream = transcriber.openStream({ onPartial: () => undefined });
    stream.push(speech.pcm);
    controller.abort();
    await expect(stream.finish({ onProgress: () => undefined, signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });

    const none = new WhisperTranscriber({
      resolveModels: async () => {
        throw new CoachError('model_missing', 'No Whisper model is installed.');
      },
    });
    const s = none.openStream({ onPartial: () => undefined });
    s.push(speech.pcm); // recording is never blocked
    await expect(s.finish({ onProgress: () => undefined, signal: new AbortController().signal })).rejects.toMatchObject(
      { code: 'model_missing' },
    );
    await none.dispose();
  }, 120_000);
});
