import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportService } from '../../../src/backend/services/imports/import-service';
import { ModelUploadService } from '../../../src/backend/services/models/model-upload';
import { MAX_ACTIVE_TAKES, RecordingService } from '../../../src/backend/services/recording/recording-service';
import type { OpenWavFile } from '../../../src/backend/services/recording/wav-appender';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { FakeTranscriber } from '../practice/support/fake-transcriber';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-bounds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SETUP = { question: 'Tell me about an incident.', story: 'Story', targetSec: 60, livePacing: false };

/**
 * The idle clock of the open uploads runs on fake timers, everything else (the disk) for real: on
 * a loaded machine a part or a folder listing can take longer than a short idle time, so real
 * timers could drop an upload the test is keeping busy, or one it has not looked at yet.
 */
function fakeIdleClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}
afterEach(() => {
  vi.useRealTimers();
});

/** The folder once the dropped uploads' bytes are gone: a drop removes them in the background. */
async function folderSettlesTo(folder: string, expected: string[]): Promise<void> {
  await vi.waitFor(async () => expect((await readdir(folder)).sort()).toEqual([...expected].sort()), {
    timeout: 10_000,
    interval: 20,
  });
}

describe('open uploads are bounded', () => {
  it('audio imports: a fifth at once is refused, an idle one is dropped with its temporary file', async () => {
    fakeIdleClock();
    const imports = new ImportService({
      dataDir: dir,
      sessions: new SessionStore(dir),
      decode: () => Promise.reject(new Error('not used')),
      idleMs: 150,
    });
    const begin = () => imports.begin({ ...SETUP, fileName: 'a.mp3', size: 10 });
    const open = [];
    for (let i = 0; i < 4; i++) open.push(await begin());
    await expect(begin()).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/4 imports are already in progress/),
    });
    expect(await readdir(path.join(dir, 'imports'))).toHaveLength(4);
    // Data keeps one alive; the others go once idle (at 150 ms, between the second and third part).
    const kept = open[0]?.importId as string;
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(60);
      await imports.part({ importId: kept, offset: i, bytes: new Uint8Array(1) });
    }
    await expect(
      imports.part({ importId: open[1]?.importId as string, offset: 0, bytes: new Uint8Array(1) }),
    ).rejects.toBeDefined();
    const fresh = await begin();
    expect(fresh).toMatchObject({ importId: expect.stringMatching(/^imp-/) });
    // No idle drop from here on: the rest of the test is not raced by the clock.
    vi.useRealTimers();
    await folderSettlesTo(path.join(dir, 'imports'), [`${kept}.part`, `${fresh.importId}.part`]);
    await imports.dispose();
    expect(await readdir(path.join(dir, 'imports'))).toEqual([]);
  });

  it('model uploads: the same bounds', async () => {
    fakeIdleClock();
    const uploads = new ModelUploadService({
      manager: { modelsDir: path.join(dir, 'models'), importFile: () => Promise.reject(new Error('not used')) },
      freeBytes: async () => 10 ** 12,
      idleMs: 100,
      maxOpen: 2,
    });
    await uploads.begin({ fileName: 'a.bin', size: 100 });
    await uploads.begin({ fileName: 'b.bin', size: 100 });
    await expect(uploads.begin({ fileName: 'c.bin', size: 100 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readdir(path.join(dir, 'models'))).toHaveLength(2);
    vi.advanceTimersByTime(100);
    const c = await uploads.begin({ fileName: 'c.bin', size: 100 });
    vi.useRealTimers();
    await folderSettlesTo(path.join(dir, 'models'), [`${c.uploadId}.upload`]);
    await uploads.dispose();
  });
});

describe('a full disk at the start of a take', () => {
  it('says so with the free space, records nothing and leaves no session folder', async () => {
    const sessions = new SessionStore(dir);
    const openFile: OpenWavFile = () =>
      Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
    const rec = new RecordingService({
      sessions,
      transcriber: new FakeTranscriber(() => ({ segments: [] })),
      pid: 1,
      isAlive: () => false,
      openFile,
    });
    const error = await rec.start(SETUP, () => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk_full' });
    expect((error as Error).message).toMatch(/^The disk is full \([\d.]+ [KMGT]?B free\): nothing was recorded\./);
    expect((error as Error).message).not.toMatch(/ENOSPC/);
    expect(existsSync(sessions.root) ? await readdir(sessions.root) : []).toEqual([]);
    expect((await sessions.list()).sessions).toEqual([]);
  });
});

describe('takes recording at once are bounded', () => {
  it('a fifth concurrent take is refused with a way forward; stopping one makes room', async () => {
    const rec = new RecordingService({
      sessions: new SessionStore(dir),
      transcriber: new FakeTranscriber(() => ({ segments: [] })),
      pid: 1,
      isAlive: () => false,
    });
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_TAKES; i++) ids.push((await rec.start(SETUP, () => {})).sessionId);
    await expect(rec.start(SETUP, () => {})).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('stop or cancel one'),
    });
    await rec.stop({ sessionId: ids[0] as string, endedBy: 'user' });
    expect((await rec.start(SETUP, () => {})).sessionId).toMatch(/.+/);
    await rec.dispose();
  });
});
