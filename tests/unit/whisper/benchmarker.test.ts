import { describe, expect, it } from 'vitest';
import { forkSpawner } from '../../../src/backend/services/whisper/spawner';
import {
  BENCH_UTTERANCE_SEC,
  createWhisperBenchmarker,
} from '../../../src/backend/services/whisper/whisper-benchmarker';
import { quietModel } from './support';

describe('Whisper benchmarker for the model manager', () => {
  it('times a model in its own worker and names the machine and build', async () => {
    const b = createWhisperBenchmarker({ spawner: forkSpawner({ stderr: 'ignore' }), threads: 2 });
    expect(await b.machineKey()).toMatch(/ \| (native|prebuilt) /);
    const r = await b.benchModel(await quietModel(), {});
    expect(r.audioSec).toBe(BENCH_UTTERANCE_SEC);
    expect(r.processingSec).toBeGreaterThan(0);
    expect(r.processingSec).toBeLessThan(600);
  }, 180_000);

  it('a broken model file fails with the loader message', async () => {
    const b = createWhisperBenchmarker({ spawner: forkSpawner({ stderr: 'ignore' }) });
    await expect(b.benchModel('/nonexistent/model.bin', {})).rejects.toThrow(/Could not load the speech model/);
  }, 60_000);
});
