import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { modelSettingsPath } from '../../../src/backend/services/models/model-settings';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext, Result } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';

/**
 * The model list in the data folder's settings (`settings/models.json`) names each imported
 * model's file. A copied-in or hand-edited list may name a file outside the models folder: no
 * channel may then read, measure or delete that file, no message may reveal its path, and the
 * entry must still be listed so the user can remove it.
 */
let root: string;
let dataDir: string;
let outside: string;
let backend: Backend;
let call: (channel: string, input: unknown) => Promise<Result<unknown>>;
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };
const CONTENT = 'not yours to read or delete';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'coach-model-settings-'));
  dataDir = path.join(root, 'data');
  outside = path.join(root, 'outside.bin');
  await writeFile(outside, CONTENT);
  backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null, autoBench: false });
  const dispatch = createDispatcher(contract, backend.handlers);
  call = (channel, input) => dispatch(channel, input, ctx);
});
afterEach(async () => {
  await backend.dispose();
  await rm(root, { recursive: true, force: true });
});

async function writeModelList(fileName: string): Promise<void> {
  const file = modelSettingsPath(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const imported = {
    id: 'evil',
    kind: 'whisper',
    fileName,
    bytes: CONTENT.length,
    sha256: '0'.repeat(64),
    shape: 'custom',
    originalName: 'evil.bin',
    importedAt: '2026-11-20T10:00:00.000Z',
  };
  await writeFile(
    file,
    JSON.stringify({ version: 1, defaultModel: 'evil', mirrorUrl: null, imported: [imported], bench: null }),
  );
}

describe('settings/models.json naming a file outside the models folder', () => {
  it.each([
    ['../../outside.bin'],
    ['../outside.bin'],
    ['sub/../../../outside.bin'],
    ['..\\..\\outside.bin'],
    ['ABSOLUTE'],
  ])('file name "%s": listed as damaged, never opened, and removable from the app', async (name) => {
    const given = name === 'ABSOLUTE' ? outside : name;
    await writeModelList(given);
    // The list still answers (one bad entry must not hide the others or the way out).
    const listed = await call('models.list', {});
    expect(listed.ok).toBe(true);
    const entries = listed.ok
      ? (listed.value as { models: { id: string; status: string; path: string | null }[] }).models
      : [];
    expect(entries.find((e) => e.id === 'evil')).toMatchObject({ status: 'damaged', path: null });
    expect(entries.some((e) => e.id === 'tiny.en')).toBe(true);
    // It can't become the default, and transcription has no default model to open.
    const asDefault = await call('models.setDefault', { id: 'evil' });
    expect(asDefault.ok).toBe(false);
    if (!asDefault.ok) expect(asDefault.error.message).not.toContain(root);
    expect(await backend.services.models.getDefault()).toBeNull();
    // Removing it drops the entry and leaves the file it named alone.
    expect((await call('models.remove', { id: 'evil' })).ok).toBe(true);
    const after = await call('models.list', {});
    expect(after.ok && (after.value as { models: { id: string }[] }).models.some((e) => e.id === 'evil')).toBe(false);
    expect(await readFile(outside, 'utf8')).toBe(CONTENT);
    expect((await stat(outside)).size).toBe(CONTENT.length);
  });
});
