import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import type { ModelBenchmarker } from '../../../src/backend/services/models/recommend';
import type { Transcriber } from '../../../src/backend/services/recording/transcriber-port';
import type { Transcript } from '../../../src/core/transcript/types';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';

let dir = '';
let backend: Backend | null = null;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-autobench-'));
});
afterEach(async () => {
  await backend?.dispose();
  backend = null;
  await rm(dir, { recursive: true, force: true });
});

function countingBenchmarker(calls: string[]): ModelBenchmarker {
  return {
    machineKey: async () => 'test-cpu | native',
    benchModel: async (file) => {
      calls.push(file);
      return { audioSec: 15, processingSec: 1.5 };
    },
  };
}

function start(calls: string[], extra: { transcriber?: Transcriber; quietMs?: number } = {}): Backend {
  return createBackend({
    dataDir: join(dir, 'data'),
    shell: 'web',
    electronVersion: null,
    chromeVersion: null,
    ...(extra.transcriber ? { transcriber: extra.transcriber } : {}),
    autoBench: { quietMs: extra.quietMs ?? 20, benchmarker: countingBenchmarker(calls) },
  });
}

async function installModel(seed: number): Promise<void> {
  const model = await writeRandomWhisperModel(join(dir, 'ggml-mine.bin'), 'tiny-tiny', seed);
  await new ModelManager({ dataDir: join(dir, 'data'), allowCustomShapes: true }).importFile(model.path);
}

const ctx = { shell: 'web' as const, emit: () => undefined };

/** A transcriber whose live stream stays open until the test finishes it. */
function heldStream(): { transcriber: Transcriber; release(): void } {
  let release = (): void => undefined;
  const transcriber: Transcriber = {
    openStream: () => ({
      push: () => undefined,
      cancel: () => undefined,
      finish: () => new Promise<Transcript>((r) => (release = () => r({ segments: [] } as unknown as Transcript))),
    }),
    transcribeFile: async () => ({ segments: [] }) as unknown as Transcript,
  };
  return { transcriber, release: () => release() };
}

describe('background model bench', () => {
  it('measures the installed models once after start-up and recommends one without being asked', async () => {
    await installModel(7);
    const calls: string[] = [];
    // The quiet time runs on a fake clock (the disk stays real): however long a loaded machine
    // takes to answer the first list, the bench cannot have started before it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      backend = start(calls, { quietMs: 1500 });
      expect((await backend.handlers['models.list']({}, ctx)).benchState).toBe('waiting');
      vi.advanceTimersByTime(1499);
      expect((await backend.handlers['models.list']({}, ctx)).benchState).toBe('waiting');
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await backend.services.benchScheduler.settled();
    expect(calls).toHaveLength(1);
    const list = await backend.handlers['models.list']({}, ctx);
    expect(list.benchState).toBe('idle');
    expect(list.recommendation?.modelId).toBe('mine');
    expect(list.default).toMatchObject({ id: 'mine', chosenBy: 'recommendation' });

    // A second start on the same machine measures nothing again.
    await backend.dispose();
    backend = start(calls);
    // Waits for that start's run to have been and gone (a fixed wait may end before a loaded
    // machine starts it, and would then pass without anything being checked).
    const scheduler = backend.services.benchScheduler;
    await vi.waitFor(() => expect(scheduler.state()).toBe('idle'), { timeout: 10_000, interval: 20 });
    expect(calls).toHaveLength(1);
  });

  it('waits while a take is being transcribed live and runs once it has finished', async () => {
    const calls: string[] = [];
    const held = heldStream();
    backend = start(calls, { transcriber: held.transcriber, quietMs: 30 });
    const take = await backend.handlers['recording.start'](
      { question: 'Tell me about an incident.', story: 'S', targetSec: 60, livePacing: false },
      ctx,
    );
    // The model arrives while the take is live, as an install does: the start-up bench has
    // nothing to measure whether a loaded machine ran it before the take or not.
    await installModel(8);
    backend.services.benchScheduler.request();
    await tick(120);
    // A start-up run that a loaded machine began before the take was aborted by it, but may still
    // be finishing its reads; once it has, the bench must be waiting for the take, not running.
    await backend.services.benchScheduler.settled();
    expect(calls).toEqual([]);
    expect((await backend.handlers['models.list']({}, ctx)).benchState).toBe('waiting');
    await backend.handlers['recording.cancel']({ sessionId: take.sessionId, keep: false }, ctx);
    held.release();
    // Once the take is over the bench starts after the quiet time; on a loaded machine that can
    // take longer than any fixed wait, so wait for it (and then for it to finish).
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 10_000, interval: 20 });
    await backend.services.benchScheduler.settled();
    expect(calls).toHaveLength(1);
  });

  it('can be turned off', async () => {
    const calls: string[] = [];
    backend = createBackend({
      dataDir: join(dir, 'data'),
      shell: 'web',
      electronVersion: null,
      chromeVersion: null,
      autoBench: false,
    });
    await tick(50);
    expect(calls).toEqual([]);
    expect((await backend.handlers['models.list']({}, ctx)).benchState).toBe('idle');
  });
});
