import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { MAX_SESSION_DOCUMENT_BYTES } from '../../../src/shared/channels/analysis';
import type { SessionDocument } from '../../../src/shared/session-document';

let dir: string;
let store: SessionStore;

function doc(id: string, createdAt: string): SessionDocument {
  return {
    schemaVersion: 1,
    id,
    createdAt,
    updatedAt: createdAt,
    kind: 'recorded',
    status: 'ready',
    question: 'Tell me about an incident you owned',
    story: 'Feature store default',
    targetSec: 180,
    audio: { file: 'audio.wav', sampleRate: 16000, durationSec: 171.5 },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-store-'));
  store = new SessionStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SessionStore', () => {
  it('lists nothing in a fresh data folder', async () => {
    expect(await store.list()).toEqual({ sessions: [], unreadable: [] });
  });

  it('saves atomically and lists newest first', async () => {
    await store.save(doc('take-a', '2026-11-01T10:00:00.000Z'));
    await store.save(doc('take-b', '2026-11-02T10:00:00.000Z'));
    const listing = await store.list();
    expect(listing.sessions.map((s) => s.id)).toEqual(['take-b', 'take-a']);
    expect(listing.sessions[0]?.durationSec).toBe(171.5);
    // No temporary files are left beside the document.
    expect(await readdir(path.join(dir, 'sessions', 'take-a'))).toEqual(['session.json']);
    const json = JSON.parse(await readFile(path.join(dir, 'sessions', 'take-a', 'session.json'), 'utf8')) as {
      schemaVersion: number;
    };
    expect(json.schemaVersion).toBe(1);
  });

  it('reports a corrupt or future-version file and keeps listing the others', async () => {
    await store.save(doc('take-good', '2026-11-01T10:00:00.000Z'));
    await mkdir(path.join(dir, 'sessions', 'take-cut'), { recursive: true });
    await writeFile(path.join(dir, 'sessions', 'take-cut', 'session.json'), '{"schemaVersion": 1, "id": "take-');
    await mkdir(path.join(dir, 'sessions', 'take-future'), { recursive: true });
    await writeFile(
      path.join(dir, 'sessions', 'take-future', 'session.json'),
      JSON.stringify({ ...doc('take-future', 'x'), schemaVersion: 99 }),
    );
    const listing = await store.list();
    expect(listing.sessions.map((s) => s.id)).toEqual(['take-good']);
    expect(listing.unreadable).toHaveLength(2);
    expect(listing.unreadable.map((u) => u.reason).join(' ')).toMatch(/not valid JSON/);
    expect(listing.unreadable.map((u) => u.reason).join(' ')).toMatch(/schema version 99/);
    await expect(store.get('take-cut')).rejects.toThrow(/could not be read/);
  });

  it('refuses a file over the size limit by its size, before it is read or parsed', async () => {
    await store.save(doc('take-good', '2026-11-01T10:00:00.000Z'));
    const file = path.join(dir, 'sessions', 'take-huge', 'session.json');
    await mkdir(path.dirname(file), { recursive: true });
    // Not JSON at all: had it been read and parsed, the reason would be "not valid JSON".
    await writeFile(file, '{"schemaVersion": 1, "id": "take-');
    await truncate(file, MAX_SESSION_DOCUMENT_BYTES + 1);
    const sizeReason = 'the file is 32.1 MB; session documents are limited to 32 MB';
    const listing = await store.list();
    expect(listing.sessions.map((s) => s.id)).toEqual(['take-good']);
    expect(listing.unreadable).toEqual([{ file, reason: sizeReason }]);
    await expect(store.get('take-huge')).rejects.toThrow(`Session "take-huge" could not be read: ${sizeReason}`);
  });

  it('reads a document of exactly the size limit', async () => {
    const file = path.join(dir, 'sessions', 'take-full', 'session.json');
    await mkdir(path.dirname(file), { recursive: true });
    const padded = Buffer.alloc(MAX_SESSION_DOCUMENT_BYTES, ' ');
    padded.write(JSON.stringify(doc('take-full', '2026-11-01T10:00:00.000Z')));
    await writeFile(file, padded);
    expect((await store.get('take-full')).story).toBe('Feature store default');
  });

  it('refuses to save a document it could not read back, and writes nothing', async () => {
    const huge = { ...doc('take-huge', '2026-11-01T10:00:00.000Z'), analysis: 'x'.repeat(MAX_SESSION_DOCUMENT_BYTES) };
    await expect(store.save(huge)).rejects.toMatchObject({
      code: 'too_large',
      message: 'The session is 32.1 MB; session documents are limited to 32 MB; it was not saved.',
    });
    expect(await readdir(path.join(dir, 'sessions')).catch(() => [])).toEqual([]);
  });

  it('rejects ids that could escape the sessions folder', async () => {
    await expect(store.get('../../etc')).rejects.toThrow(/not a session id/);
    await expect(store.get('take-missing')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to save an invalid document', async () => {
    await expect(store.save({ ...doc('take-x', 'now'), targetSec: -1 })).rejects.toThrow();
  });
});
