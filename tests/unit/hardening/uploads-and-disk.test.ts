import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('open uploads are bounded', () => {
  it('audio imports: a fifth at once is refused, an idle one is dropped with its temporary file', async () => {
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
    // Data keeps one alive; the others go once idle.
    const kept = open[0]?.importId as string;
    for (let i = 0; i < 4; i++) {
      await sleep(60);
      await imports.part({ importId: kept, offset: i, bytes: new Uint8Array(1) });
    }
    expect(await readdir(path.join(dir, 'imports'))).toEqual([`${kept}.part`]);
    await expect(
      imports.part({ importId: open[1]?.importId as string, offset: 0, bytes: new Uint8Array(1) }),
    ).rejects.toBeDefined();
    expect(await begin()).toMatchObject({ importId: expect.stringMatching(/^imp-/) });
    await imports.dispose();
    expect(await readdir(path.join(dir, 'imports'))).toEqual([]);
  });

  it('model uploads: the same bounds', async () => {
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
    await sleep(250);
    expect(await readdir(path.join(dir, 'models'))).toEqual([]);
    await uploads.begin({ fileName: 'c.bin', size: 100 });
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
