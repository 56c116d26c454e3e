import { describe, expect, it } from 'vitest';
import type { CoachErrorInfo, Result } from '../../../src/shared/contract-types';
import { ChunkUploader, type UploadState, type UploaderApi } from '../../../src/renderer/src/audio/chunk-uploader';

/** A back end stand-in that stores samples by offset (like the WAV appender) and can misbehave. */
class FakeBackend implements UploaderApi {
  stored: number[] = [];
  calls: { offset: number; length: number }[] = [];
  /** Errors to answer the next chunk calls with, in order. */
  failures: CoachErrorInfo[] = [];
  resumeWritten: number | null = null;
  cap = Number.POSITIVE_INFINITY;

  async chunk(input: {
    sessionId: string;
    offsetSamples: number;
    pcm: Uint8Array;
  }): Promise<Result<{ writtenSamples: number; capReached: boolean }>> {
    await Promise.resolve();
    const samples = new Int16Array(input.pcm.buffer, input.pcm.byteOffset, input.pcm.byteLength / 2);
    this.calls.push({ offset: input.offsetSamples, length: samples.length });
    const failure = this.failures.shift();
    if (failure) return { ok: false, error: failure };
    if (input.offsetSamples > this.stored.length) return { ok: false, error: { code: 'conflict', message: 'gap' } };
    for (let i = 0; i < samples.length; i++) {
      const at = input.offsetSamples + i;
      if (at >= this.cap) break;
      if (at >= this.stored.length) this.stored.push(samples[i] ?? 0);
    }
    return { ok: true, value: { writtenSamples: this.stored.length, capReached: this.stored.length >= this.cap } };
  }

  async resume(): Promise<Result<{ writtenSamples: number; hardCapSec: number }>> {
    await Promise.resolve();
    if (this.resumeWritten === null)
      return { ok: false, error: { code: 'conflict', message: 'This take has already ended (ready).' } };
    this.stored = this.stored.slice(0, this.resumeWritten);
    return { ok: true, value: { writtenSamples: this.resumeWritten, hardCapSec: 180 } };
  }
}

function ramp(from: number, length: number): Int16Array {
  return Int16Array.from({ length }, (_, i) => (from + i) % 30000);
}

function expectRamp(stored: number[], length: number): void {
  expect(stored.length).toBe(length);
  for (let i = 0; i < length; i++)
    if (stored[i] !== i % 30000) throw new Error(`sample ${i} is ${stored[i]}, expected ${i % 30000}`);
}

const noSleep = () => Promise.resolve();

describe('ChunkUploader', () => {
  it('sends everything in order, in chunks of at most 250 ms, and drains', async () => {
    const backend = new FakeBackend();
    const acks: number[] = [];
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000 }, { onAck: (n) => acks.push(n) });
    let at = 0;
    for (const size of [4000, 1000, 6500, 128, 4000, 2999]) {
      up.push(ramp(at, size));
      at += size;
    }
    await up.drain();
    expectRamp(backend.stored, at);
    expect(backend.calls.every((c) => c.length <= 4000)).toBe(true);
    expect(up.ackedSamples).toBe(at);
    expect(acks[acks.length - 1]).toBe(at);
  });

  it('holds audio while the back end is unreachable and sends it when it is back', async () => {
    const backend = new FakeBackend();
    const states: UploadState['kind'][] = [];
    const up = new ChunkUploader(
      'take-1',
      backend,
      { maxChunkSamples: 4000, sleep: noSleep },
      { onState: (s) => states.push(s.kind) },
    );
    backend.failures = [
      { code: 'offline', message: 'not reachable' },
      { code: 'offline', message: 'not reachable' },
      { code: 'offline', message: 'not reachable' },
    ];
    up.push(ramp(0, 4000));
    up.push(ramp(4000, 4000));
    up.push(ramp(8000, 4000));
    await up.drain();
    expectRamp(backend.stored, 12000);
    expect(states).toEqual(['retrying', 'ok']);
  });

  it('resumes the take after a back-end restart and resends from what the new back end has', async () => {
    const backend = new FakeBackend();
    const resumed: number[] = [];
    const up = new ChunkUploader(
      'take-1',
      backend,
      { maxChunkSamples: 4000, sleep: noSleep },
      { onResumed: (n) => resumed.push(n) },
    );
    up.push(ramp(0, 8000));
    await up.drain();
    // kill -9 while the chunk at 8000 was being written: 1000 of its samples reached the disk,
    // the answer never came. The restarted back end recovered 9000 samples.
    backend.stored.push(...ramp(8000, 1000));
    backend.failures = [
      { code: 'offline', message: 'not reachable' },
      { code: 'conflict', message: 'The back end restarted during this recording.' },
    ];
    backend.resumeWritten = 9000;
    up.push(ramp(8000, 4000));
    up.push(ramp(12000, 4000));
    await up.drain();
    expect(resumed).toEqual([9000]);
    expectRamp(backend.stored, 16000);
    expect(backend.calls.at(-2)?.offset).toBe(9000); // resent from the recovered position
  });

  it('refuses to go on when a restarted back end lost audio it had acknowledged', async () => {
    const backend = new FakeBackend();
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000, sleep: noSleep });
    up.push(ramp(0, 8000));
    await up.drain();
    backend.failures = [{ code: 'conflict', message: 'The back end restarted during this recording.' }];
    backend.resumeWritten = 6000;
    up.push(ramp(8000, 4000));
    await expect(up.drain()).rejects.toMatchObject({
      message: expect.stringMatching(/missing 0\.13 s it had confirmed as saved/),
    });
  });

  it('stops at the cap and reports it', async () => {
    const backend = new FakeBackend();
    backend.cap = 10000;
    let capped = 0;
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000 }, { onCapReached: () => capped++ });
    up.push(ramp(0, 12000));
    await up.drain();
    expect(backend.stored.length).toBe(10000);
    expect(capped).toBe(1);
    up.push(ramp(12000, 4000));
    await up.drain();
    expect(backend.calls.length).toBe(3);
  });

  it('fails on an error it cannot recover from (disk full), and says why', async () => {
    const backend = new FakeBackend();
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000 });
    backend.failures = [{ code: 'disk_full', message: 'The disk is full, so the recording stopped at 0:00.' }];
    up.push(ramp(0, 4000));
    await expect(up.drain()).rejects.toMatchObject({ code: 'disk_full' });
    expect(up.currentState).toMatchObject({ kind: 'failed' });
    up.push(ramp(4000, 4000));
    expect(backend.calls.length).toBe(1);
  });

  it('gives up when the take cannot be resumed', async () => {
    const backend = new FakeBackend();
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000 });
    backend.failures = [{ code: 'not_found', message: 'There is no recording "take-1" (it may have been discarded).' }];
    up.push(ramp(0, 100));
    await expect(up.drain()).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/discarded/) });
  });

  it('reports nothing once abandoned: a chunk in flight that finds the take discarded is not a failure', async () => {
    const backend = new FakeBackend();
    const states: UploadState[] = [];
    const up = new ChunkUploader('take-1', backend, { maxChunkSamples: 4000 }, { onState: (s) => states.push(s) });
    backend.failures = [{ code: 'not_found', message: 'There is no recording "take-1" (it may have been discarded).' }];
    up.push(ramp(0, 8000));
    const draining = up.drain();
    up.abandon();
    await draining;
    await new Promise((r) => setTimeout(r, 0));
    expect(states).toEqual([]);
    expect(up.currentState).toEqual({ kind: 'ok' });
    expect(backend.calls.length).toBe(1);
    up.push(ramp(8000, 100));
    expect(backend.calls.length).toBe(1);
  });
});
