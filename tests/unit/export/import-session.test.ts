import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSession, parseSessionJson } from '../../../src/backend/services/export/import-session';
import { renderExport } from '../../../src/backend/services/export/render-export';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { corpusSession, STORY_IDS } from '../report/corpus-fixture';

const deps = { pdf: null, generator: 'test' };
let dirs: string[] = [];
async function freshStore(): Promise<SessionStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-import-'));
  dirs.push(dir);
  return new SessionStore(dir);
}
beforeEach(() => {
  dirs = [];
});
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function exportJson(doc: Parameters<typeof renderExport>[0]): Promise<string> {
  return new TextDecoder().decode((await renderExport(doc, 'json', [], deps)).bytes);
}

describe.each(STORY_IDS)('JSON round trip of %s', (id) => {
  it('export → import into another data folder → export gives the same bytes and document', async () => {
    const { document } = corpusSession(id);
    const first = await exportJson({ kind: 'session', document });
    const store = await freshStore();
    const outcome = await importSession(store, parseSessionJson(first));
    expect(outcome).toMatchObject({ id: document.id, status: 'imported' });
    const stored = await store.get(document.id);
    expect(stored).toEqual(document);
    expect(await exportJson({ kind: 'session', document: stored })).toBe(first);
    expect((await store.list()).sessions.map((s) => s.id)).toEqual([document.id]);
  });
});

describe('importSession', () => {
  it('leaves an identical session alone and imports a different one under a new id', async () => {
    const { document } = corpusSession(STORY_IDS[0]);
    const store = await freshStore();
    await importSession(store, document);
    expect(await importSession(store, document)).toMatchObject({ id: document.id, status: 'already_present' });
    const edited = { ...document, title: 'Second take' };
    const copy = await importSession(store, edited);
    expect(copy).toMatchObject({ id: `${document.id}-2`, status: 'imported_as_copy' });
    expect((await store.get(`${document.id}-2`)).title).toBe('Second take');
    expect(await importSession(store, edited)).toMatchObject({ id: `${document.id}-2`, status: 'already_present' });
    expect((await store.get(document.id)).title).toBeUndefined();
  });
});

describe('parseSessionJson', () => {
  const good = corpusSession(STORY_IDS[0]).document;
  const text = (v: unknown) => JSON.stringify(v);

  it.each([
    ['not JSON', '{"schemaVersion": 1,', /not valid JSON/],
    ['an array', '[1,2]', /expected a JSON object/],
    ['an analysis', text(corpusSession(STORY_IDS[0]).analysis), /This is an analysis, not a session/],
    ['no version', text({ hello: 1 }), /no schemaVersion/],
    ['a newer version', text({ ...good, schemaVersion: 9 }), /schema version 9.*reads version 1/],
    ['a path as id', text({ ...good, id: '../../etc' }), /not a valid session id/],
    ['a missing field', text({ ...good, question: undefined }), /question/],
    [
      'a damaged analysis',
      text({ ...good, analysis: { ...corpusSession(STORY_IDS[0]).analysis, tier: 'wizard' } }),
      /analysis in this session file is damaged/,
    ],
    ['a take still recording', text({ ...good, status: 'recording' }), /still recording/],
  ])('rejects %s with a specific message', (_name, input, message) => {
    expect(() => parseSessionJson(input)).toThrow(message);
  });
});
