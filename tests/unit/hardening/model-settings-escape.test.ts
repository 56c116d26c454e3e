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
 * channel may then read, list, measure or delete that file, and no message may reveal its path.
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
  ])('file name "%s": refused on every models channel, and the file is left alone', async (name) => {
    const given = name === 'ABSOLUTE' ? outside : name;
    await writeModelList(given);
    for (const [channel, input] of [
      ['models.list', {}],
      ['models.remove', { id: 'evil' }],
      ['models.setDefault', { id: 'evil' }],
    ] as const) {
      const result = await call(channel, input);
      expect(result.ok, channel).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${channel}: ${result.error.message}`).toBe('invalid_input');
      expect(result.error.message).toContain('outside its folder');
      // The name is quoted as the list gives it; nothing else (no resolved path) is said.
      expect(result.error.message.replace(given, '<name>')).not.toContain(root);
    }
    // Not deleted, not changed, and transcription has no default model to open.
    expect(await readFile(outside, 'utf8')).toBe(CONTENT);
    await expect(backend.services.models.getDefault()).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await stat(outside)).size).toBe(CONTENT.length);
  });
});
