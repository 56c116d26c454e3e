import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkSpawner } from '../../../src/backend/services/whisper/spawner';
import { TranscriberHost } from '../../../src/backend/services/whisper/transcriber-host';
import { quietModel, speak, VAD_MODEL } from './support';

/** Silero VAD (real model from ../shared/models) through the worker, on espeak-ng speech. */
describe('VAD with the real Silero model', () => {
  let host: TranscriberHost;

  beforeAll(async () => {
    host = new TranscriberHost({
      modelPath: await quietModel(),
      vadModelPath: VAD_MODEL,
      spawner: forkSpawner({ stderr: 'ignore' }),
    });
    await host.start();
  }, 120_000);

  afterAll(async () => {
    await host?.dispose();
  });

  it('finds the speech between 2 s and 3 s of padding within 0.3 s', async () => {
    const s = speak(
      'We rolled back the deploy, and the error rate went back to normal within ten minutes.',
      'vad-padded',
      2,
      3,
    );
    const spans = await host.detectSpeech(s.pcm);
    expect(spans.length).toBeGreaterThanOrEqual(1);
    expect(Math.abs((spans[0]?.start ?? -1) - s.speechStart)).toBeLessThanOrEqual(0.3);
    expect(Math.abs((spans.at(-1)?.end ?? -1) - s.speechEnd)).toBeLessThanOrEqual(0.3);
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(s.speechStart - 0.3);
      expect(span.end).toBeLessThanOrEqual(s.speechEnd + 0.3);
    }
  }, 60_000);

  it('silence, and faint noise, contain no speech', async () => {
    expect(await host.detectSpeech(new Int16Array(16000 * 5))).toEqual([]);
    let seed = 7;
    const noise = new Int16Array(16000 * 5).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed % 61) - 30; // about -60 dBFS
    });
    expect(await host.detectSpeech(noise)).toEqual([]);
  }, 60_000);
});
