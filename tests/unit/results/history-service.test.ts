import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryService } from '../../../src/backend/services/history/history-service';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { MAX_SESSION_DOCUMENT_BYTES } from '../../../src/shared/channels/analysis';
import type { SessionDocument } from '../../../src/shared/session-document';

let dir: string;
let store: SessionStore;
let history: HistoryService;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-history-'));
  store = new SessionStore(dir);
  history = new HistoryService(store);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function doc(id: string, extra: Partial<SessionDocument> = {}): SessionDocument {
  return {
    schemaVersion: 1,
    id,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    kind: 'typed',
    status: 'ready',
    question: 'Tell me about an incident you owned',
    story: 'Bureau sentinel',
    targetSec: 120,
    ...extra,
  };
}

describe('HistoryService', () => {
  it('lists takes with a note when there is no analysis, and flags an unreadable analysis', async () => {
    await store.save(doc('take-0001'));
    await store.save(doc('take-0002', { analysis: { version: 99 } }));
    const listing = await history.list();
    const byId = Object.fromEntries(listing.sessions.map((s) => [s.id, s]));
    expect(byId['take-0001']).toMatchObject({
      digest: null,
      digestNote: 'not analysed',
      corrected: false,
      hasAudio: false,
      importedFrom: null,
    });
    expect(byId['take-0002']?.digestNote).toMatch(/another app version/);
  });

  it('renames a take and clears the name with an empty title', async () => {
    await store.save(doc('take-0001'));
    expect(await history.rename('take-0001', '  Second try  ')).toEqual({ id: 'take-0001', title: 'Second try' });
    expect((await store.get('take-0001')).title).toBe('Second try');
    expect((await history.list()).sessions[0]?.title).toBe('Second try');
    await history.rename('take-0001', '');
    expect((await store.get('take-0001')).title).toBeUndefined();
  });

  it('deletes into the trash, restores unchanged, and purges for good', async () => {
    await store.save(doc('take-0001', { title: 'keep me' }));
    await history.remove('take-0001');
    let listing = await history.list();
    expect(listing.sessions).toHaveLength(0);
    expect(listing.trash).toEqual([
      expect.objectContaining({ id: 'take-0001', title: 'keep me', story: 'Bureau sentinel' }),
    ]);
    // The plain session listing (foundation) does not see the trash either.
    expect((await store.list()).sessions).toHaveLength(0);

    await history.restore('take-0001');
    listing = await history.list();
    expect(listing.sessions.map((s) => s.id)).toEqual(['take-0001']);
    expect(listing.trash).toHaveLength(0);
    expect((await store.get('take-0001')).title).toBe('keep me');

    await history.remove('take-0001');
    await history.purge('take-0001');
    expect((await history.list()).trash).toHaveLength(0);
    expect(await readdir(path.join(dir, 'sessions', '.trash'))).toEqual([]);
    await expect(history.restore('take-0001')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to delete a take that does not exist, and to restore over a live one', async () => {
    await expect(history.remove('nope-0001')).rejects.toMatchObject({ code: 'not_found' });
    await store.save(doc('take-0001'));
    await history.remove('take-0001');
    await store.save(doc('take-0001', { story: 'A new take with the same id' }));
    await expect(history.restore('take-0001')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists a trashed document over the size limit without reading it, so it can be purged', async () => {
    await store.save(doc('take-0001', { title: 'small' }));
    await store.save(doc('take-0002', { title: 'huge' }));
    await history.remove('take-0001');
    await history.remove('take-0002');
    await truncate(path.join(dir, 'sessions', '.trash', 'take-0002', 'session.json'), MAX_SESSION_DOCUMENT_BYTES + 1);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const { trash } = await history.list();
      expect(trash).toEqual([
        expect.objectContaining({ id: 'take-0001', title: 'small', story: 'Bureau sentinel' }),
        expect.objectContaining({ id: 'take-0002', title: null, story: '' }),
      ]);
      const longest = Math.max(0, ...parse.mock.calls.map(([text]) => text.length));
      expect(longest).toBeLessThan(MAX_SESSION_DOCUMENT_BYTES);
    } finally {
      parse.mockRestore();
    }
    await history.purge('take-0002');
    expect((await history.list()).trash.map((t) => t.id)).toEqual(['take-0001']);
  });

  it('dates trash by its folder when the deletion stamp is oversized or not a time', async () => {
    await store.save(doc('take-0001'));
    await store.save(doc('take-0002'));
    await history.trash.moveToTrash('take-0001', new Date('2026-11-20T10:00:00Z'));
    await history.trash.moveToTrash('take-0002', new Date('2026-11-20T10:00:00Z'));
    const stamp = (id: string) => path.join(dir, 'sessions', '.trash', id, '.deleted-at');
    await truncate(stamp('take-0001'), 64 * 1024 * 1024);
    await writeFile(stamp('take-0002'), 'yesterday-ish');
    const folderTime = async (id: string) => (await stat(path.dirname(stamp(id)))).mtime.toISOString();
    const { trash } = await history.list(new Date('2026-11-20T12:00:00Z'));
    expect(trash.map((t) => [t.id, t.deletedAt])).toEqual([
      ['take-0001', await folderTime('take-0001')],
      ['take-0002', await folderTime('take-0002')],
    ]);
  });

  it('purges trash older than a day when listing (an undo window missed by a crash)', async () => {
    await store.save(doc('take-0001'));
    await history.trash.moveToTrash('take-0001', new Date('2026-11-20T10:00:00Z'));
    expect((await history.list(new Date('2026-11-20T12:00:00Z'))).trash).toHaveLength(1);
    expect((await history.list(new Date('2026-11-21T10:00:01Z'))).trash).toHaveLength(0);
    await expect(stat(path.join(dir, 'sessions', '.trash', 'take-0001'))).rejects.toThrow();
  });
});
