import { describe, expect, it } from 'vitest';
import { BenchScheduler } from '../../../src/backend/services/models/bench-scheduler';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A bench run that lasts until released or aborted, recording what happened. */
function fakeBench() {
  const events: string[] = [];
  let release: (() => void) | null = null;
  const run = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      events.push('start');
      release = () => {
        events.push('done');
        resolve();
      };
      signal.addEventListener('abort', () => {
        events.push('aborted');
        reject(new Error('aborted'));
      });
    });
  return { events, run, finish: () => release?.() };
}

describe('BenchScheduler', () => {
  it('runs once after the quiet time and is idle afterwards', async () => {
    const b = fakeBench();
    const s = new BenchScheduler({ run: b.run, isBusy: () => false, quietMs: 20 });
    s.request();
    s.request(); // coalesced
    expect(s.state()).toBe('waiting');
    await tick(5);
    expect(b.events).toEqual([]);
    await tick(40);
    expect(s.state()).toBe('running');
    b.finish();
    await s.settled();
    expect(b.events).toEqual(['start', 'done']);
    expect(s.state()).toBe('idle');
    await s.dispose();
  });

  it('does not start while the engine is busy, and starts when it turns idle', async () => {
    const b = fakeBench();
    let busy = true;
    const s = new BenchScheduler({ run: b.run, isBusy: () => busy, quietMs: 10 });
    s.request();
    await tick(40);
    expect(b.events).toEqual([]);
    expect(s.state()).toBe('waiting');
    busy = false;
    s.engineIdle();
    await tick(40);
    expect(b.events).toEqual(['start']);
    b.finish();
    await s.settled();
    await s.dispose();
  });

  it('aborts a run when the engine gets busy and retries once it is idle again', async () => {
    const b = fakeBench();
    let busy = false;
    const s = new BenchScheduler({ run: b.run, isBusy: () => busy, quietMs: 10 });
    s.request();
    await tick(40);
    busy = true;
    s.engineBusy();
    await s.settled();
    expect(b.events).toEqual(['start', 'aborted']);
    expect(s.state()).toBe('waiting');
    await tick(40);
    expect(b.events).toHaveLength(2); // still busy: no retry
    busy = false;
    s.engineIdle();
    await tick(40);
    expect(b.events).toEqual(['start', 'aborted', 'start']);
    b.finish();
    await s.settled();
    expect(s.state()).toBe('idle');
    await s.dispose();
  });

  it('runs again after a run when a model was installed during it', async () => {
    const b = fakeBench();
    const s = new BenchScheduler({ run: b.run, isBusy: () => false, quietMs: 10 });
    s.request();
    await tick(30);
    s.request();
    b.finish();
    await s.settled();
    await tick(40);
    expect(b.events).toEqual(['start', 'done', 'start']);
    b.finish();
    await s.settled();
    await s.dispose();
  });

  it('logs a failed run without retrying it in a loop', async () => {
    const logged: string[] = [];
    let runs = 0;
    const s = new BenchScheduler({
      run: async () => {
        runs += 1;
        throw new Error('model crashed the worker');
      },
      isBusy: () => false,
      quietMs: 5,
      log: (m) => logged.push(m),
    });
    s.request();
    await tick(50);
    expect(runs).toBe(1);
    expect(logged).toHaveLength(1);
    expect(s.state()).toBe('idle');
    await s.dispose();
  });
});

describe('BenchScheduler turned off', () => {
  it('ignores requests', async () => {
    const b = fakeBench();
    const s = new BenchScheduler({ run: b.run, isBusy: () => false, quietMs: 5, enabled: false });
    s.request();
    await tick(30);
    expect(b.events).toEqual([]);
    expect(s.state()).toBe('idle');
    await s.dispose();
  });
});
