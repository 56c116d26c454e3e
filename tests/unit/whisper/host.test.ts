import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EngineCrashedError,
  ModelLoadError,
  TranscriptionCancelledError,
} from '../../../src/backend/services/whisper/errors';
import { forkSpawner } from '../../../src/backend/services/whisper/spawner';
import { TranscriberHost, type HostEvent } from '../../../src/backend/services/whisper/transcriber-host';
import { tokensToWords } from '../../../src/backend/services/whisper/words';
import { alive, chattyModel, randomModel, sleep, speak, tmpDir, VAD_MODEL } from './support';

/**
 * Greedy decoding only: whisper's temperature fallback samples at random, which a random-weights
 * model always triggers (its outputs look unlikely), so results would change from run to run.
 */
const GREEDY = { temperatureInc: 0 };

/**
 * The transcriber host with its real worker process and a random-weights model: every line of
 * loading, inference, timestamps, progress, cancel, release and crash recovery runs for real
 * (the transcripts themselves are meaningless).
 */
const spawner = forkSpawner({ stderr: 'ignore' });

describe('TranscriberHost (real worker, random-weights model)', () => {
  let host: TranscriberHost;
  const events: HostEvent[] = [];
  let sentence: ReturnType<typeof speak>;

  beforeAll(async () => {
    sentence = speak(
      'The database failover started at two in the morning and the pager woke me up.',
      'host-sentence',
      0.5,
      0.5,
    );
    host = new TranscriberHost({
      modelPath: await chattyModel(),
      vadModelPath: VAD_MODEL,
      threads: 2,
      spawner,
      onEvent: (e) => events.push(e),
    });
  }, 120_000);

  afterAll(async () => {
    await host?.dispose();
  });

  it('loads the model once in a worker process and reports the build it runs', async () => {
    const info = await host.start();
    expect(info.build === 'native' || info.build === 'prebuilt').toBe(true);
    expect(info.vadLoaded).toBe(true);
    expect(info.pid).toBe(host.workerPid);
    expect(info.pid).not.toBe(process.pid);
    if (info.build === 'native') expect(info.systemInfo).toMatch(/AVX|NEON|SSE/);
    expect(await host.start()).toBe(info); // idempotent: same worker, model stays loaded
  }, 120_000);

  it('transcribes with token timestamps, smooth progress and new-segment callbacks', async () => {
    const progress: number[] = [];
    let segmentsSeen = 0;
    const { result, durationSec } = await host.transcribe(sentence.pcm, {
      ...GREEDY,
      onProgress: (f) => progress.push(f),
      onSegments: (batch) => (segmentsSeen += batch.length),
    });
    expect(durationSec).toBeCloseTo(sentence.durationSec, 3);
    // maxLen 1 + token timestamps: one segment per token, each with its own time
    expect(result.segments.length).toBeGreaterThan(3);
    // whisper.cpp reports new segments after each decoded window: every token arrives through it
    expect(segmentsSeen).toBe(result.segments.length);
    const words = tokensToWords(result.segments, { offsetSec: 100, durationSec });
    expect(words.length).toBeGreaterThan(3);
    for (const w of words) {
      expect(w.start).toBeGreaterThanOrEqual(100);
      expect(w.end).toBeLessThanOrEqual(100 + durationSec);
      expect(w.end).toBeGreaterThanOrEqual(w.start);
    }
    const starts = words.map((w) => w.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBeGreaterThan(2); // distinct times, not one segment stretched
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
  }, 120_000);

  it('keeps the worker (and model) between jobs', async () => {
    const pid = host.workerPid;
    await host.transcribe(sentence.pcm.subarray(0, 16000 * 2), GREEDY);
    expect(host.workerPid).toBe(pid);
    expect(host.restarts).toBe(0);
  }, 120_000);

  it('cancels a queued job before it starts and a running one', async () => {
    const long = new Int16Array(16000 * 28);
    for (let i = 0; i < 28; i++) long.set(sentence.pcm.subarray(0, 16000), i * 16000);
    const running = new AbortController();
    const queued = new AbortController();
    const first = host.transcribe(long, { ...GREEDY, signal: running.signal });
    const second = host.transcribe(long, { ...GREEDY, signal: queued.signal });
    queued.abort();
    await expect(second).rejects.toBeInstanceOf(TranscriptionCancelledError);
    await sleep(150);
    running.abort();
    await expect(first).rejects.toBeInstanceOf(TranscriptionCancelledError);
    // The host is usable right after (native: aborted in-process; prebuilt: worker restarted).
    const after = await host.transcribe(sentence.pcm.subarray(0, 16000), GREEDY);
    expect(after.result.isAborted).toBe(false);
  }, 120_000);

  it('fails the running job with a clear error when the worker dies, restarts it, and goes on', async () => {
    const pid = host.workerPid;
    expect(alive(pid)).toBe(true);
    const restartsBefore = host.restarts;
    const job = host.transcribe(sentence.pcm, GREEDY);
    const queuedJob = host.transcribe(sentence.pcm.subarray(0, 16000 * 3), GREEDY); // queued behind it
    await sleep(100);
    process.kill(pid ?? -1, 'SIGKILL');
    const error = await job.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineCrashedError);
    expect((error as EngineCrashedError).code).toBe('engine_crashed');
    expect((error as EngineCrashedError).message).toMatch(/SIGKILL.*restarted.*audio is kept/);
    // The queued job runs on the restarted worker; the caller's audio was never touched.
    const queued = await queuedJob;
    expect(queued.result.segments.length).toBeGreaterThan(0);
    expect(host.restarts).toBe(restartsBefore + 1);
    expect(host.workerPid).not.toBe(pid);
    expect(alive(host.workerPid)).toBe(true);
    expect(events.some((e) => e.type === 'crash' && e.detail.includes('SIGKILL'))).toBe(true);
    // The same audio (still the caller's) transcribes fine on the new worker.
    expect((await host.transcribe(sentence.pcm, GREEDY)).result.segments.length).toBeGreaterThan(0);
  }, 120_000);

  it('VAD: speech spans in seconds from the same worker', async () => {
    const spans = await host.detectSpeech(sentence.pcm);
    expect(spans.length).toBeGreaterThanOrEqual(1);
    expect(spans[0]?.start).toBeGreaterThan(0.2);
    expect(spans.at(-1)?.end).toBeLessThan(sentence.durationSec);
  }, 120_000);

  it('release: dispose ends the worker process', async () => {
    const pid = host.workerPid;
    await host.dispose();
    await sleep(200);
    expect(alive(pid)).toBe(false);
    await expect(host.transcribe(sentence.pcm)).rejects.toThrow(/disposed/);
  }, 120_000);
});

describe('TranscriberHost model errors', () => {
  it('a file that is not a model fails start with ModelLoadError and leaves no worker', async () => {
    const bad = path.join(tmpDir('bad-model'), 'not-a-model.bin');
    writeFileSync(bad, 'this is not a ggml file');
    const host = new TranscriberHost({ modelPath: bad, spawner });
    const error = await host.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).message).toMatch(/Could not load the speech model/);
    await expect(host.transcribe(new Int16Array(16000))).rejects.toBeInstanceOf(ModelLoadError);
    expect(host.workerPid).toBeUndefined();
    await host.dispose();
  }, 60_000);

  it('a plain (quiet) random model transcribes short audio', async () => {
    const host = new TranscriberHost({ modelPath: await randomModel('tiny-tiny-s1'), spawner, threads: 1 });
    const { result } = await host.transcribe(new Int16Array(16000).map((_, i) => Math.round(3000 * Math.sin(i / 8))));
    expect(result.isAborted).toBe(false);
    await host.dispose();
  }, 60_000);
});
