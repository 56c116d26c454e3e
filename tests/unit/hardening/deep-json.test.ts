import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';
import { encodeWire } from '../../../src/shared/wire';
import { corpusSession, STORY_IDS } from '../report/corpus-fixture';

/** Deeply nested JSON arriving in a session export or a copied-in session folder. */
let dataDir: string;
let backend: Backend;
let dispatch: ReturnType<typeof createDispatcher<typeof contract, Events>>;
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-deep-'));
  backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null });
  dispatch = createDispatcher(contract, backend.handlers);
});
afterEach(async () => {
  await backend.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

function nested(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
}

function exportWithTranscript(transcriptJson: string): string {
  const doc = { ...corpusSession(STORY_IDS[0]).document, id: 'deep-0001' } as Record<string, unknown>;
  delete doc.analysis;
  return JSON.stringify({ ...doc, transcript: '__T__' }).replace('"__T__"', transcriptJson);
}

describe('deeply nested documents', () => {
  it.each([3_000, 5_000, 100_000])('an export nested %i levels is refused and nothing is written', async (levels) => {
    const result = await dispatch('export.importJson', { json: exportWithTranscript(nested(levels)) }, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('nested deeper than 64 levels') },
    });
    const sessions = await readdir(path.join(dataDir, 'sessions')).catch(() => []);
    expect(sessions).toEqual([]);
  });

  it('a copied-in session folder holding one is listed as unreadable, and opening it answers an error', async () => {
    const folder = path.join(dataDir, 'sessions', 'deep-0002');
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, 'session.json'),
      exportWithTranscript(nested(5_000)).replace('deep-0001', 'deep-0002'),
    );
    const list = await dispatch('history.list', {}, ctx);
    expect(list.ok).toBe(true);
    const opened = await dispatch('results.get', { id: 'deep-0002' }, ctx);
    expect(opened).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('nested deeper than 64 levels') },
    });
    // The answer itself can be encoded for the wire.
    expect(() => encodeWire(opened)).not.toThrow();
  });
});
