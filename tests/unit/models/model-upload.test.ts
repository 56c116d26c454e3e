import type { Events } from '../../../src/shared/contract';
import type { HandlerContext } from '../../../src/shared/contract-types';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runModels } from '../../../src/cli/commands/models';
import { modelUploadHandlers } from '../../../src/backend/handlers/models';
import { OFFICIAL_CATALOG } from '../../../src/backend/services/models/catalog';
import { hashFile } from '../../../src/backend/services/models/hashing';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { ModelUploadService, safeFileName, uploadDiskError } from '../../../src/backend/services/models/model-upload';
import { MODEL_UPLOAD_PART_BYTES, modelsChannels } from '../../../src/shared/channels/models';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';

let root = '';
let model = '';
let dataDir = '';
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coach-upload-'));
  // ~7 MB: four parts of 2 MB, so ordering and the early header check are exercised.
  model = (await writeRandomWhisperModel(join(root, 'my-finetune.bin'), 'tiny-tiny', 7)).path;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  dataDir = join(root, `data-${n++}`);
});

function setup(
  options: { allowCustomShapes?: boolean; freeBytes?: () => Promise<number | null>; idleMs?: number } = {},
) {
  const manager = new ModelManager({
    dataDir,
    catalog: OFFICIAL_CATALOG,
    allowCustomShapes: options.allowCustomShapes ?? true,
  });
  const uploads = new ModelUploadService({
    manager,
    ...(options.freeBytes ? { freeBytes: options.freeBytes } : {}),
    ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
  });
  return { manager, uploads };
}

/** Sends a file the way the page does: 2 MB parts in order, then finish. */
async function upload(uploads: ModelUploadService, file: string, fileName = basename(file)) {
  const bytes = await readFile(file);
  const { uploadId, partBytes } = await uploads.begin({ fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += partBytes) {
    await uploads.part({ uploadId, offset, bytes: bytes.subarray(offset, offset + partBytes) });
  }
  return uploads.finish({ uploadId });
}

/** What "coach models import FILE" prints on stderr for this file, with the same shape setting. */
async function cliImportError(file: string, allowCustomShapes = true): Promise<string> {
  const err: string[] = [];
  const manager = new ModelManager({ dataDir: join(root, `cli-${n++}`), catalog: OFFICIAL_CATALOG, allowCustomShapes });
  const io = { stdout: () => undefined, stderr: (s: string) => err.push(s) };
  expect(await runModels(['import', file], io, { manager })).not.toBe(0);
  return err.join('');
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

async function modelsFolder(manager: ModelManager): Promise<string[]> {
  return (await readdir(manager.modelsDir).catch(() => [] as string[])).sort();
}

/** Handlers take the caller's context; these calls emit nothing. */
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };

describe('model upload', () => {
  it('installs an uploaded model under the user file name and leaves no temporary file', async () => {
    const { manager, uploads } = setup();
    const entry = await upload(uploads, model);
    expect(entry).toMatchObject({ id: 'my-finetune', source: 'imported', status: 'installed' });
    expect(entry.label).toBe('my-finetune.bin (imported)');
    expect(entry.path).toBe(join(manager.modelsDir, 'imported-my-finetune.bin'));
    expect((await hashFile(entry.path as string)).sha256).toBe((await hashFile(model)).sha256);
    expect(await modelsFolder(manager)).toEqual(['imported-my-finetune.bin']);
    expect((await manager.list()).filter((e) => e.source === 'imported').map((e) => e.id)).toEqual(['my-finetune']);
  });

  it('refuses a part at the wrong offset with a clear error and goes on from the right one', async () => {
    const { manager, uploads } = setup();
    const bytes = await readFile(model);
    const { uploadId } = await uploads.begin({ fileName: 'my-finetune.bin', size: bytes.length });
    const first = bytes.subarray(0, MODEL_UPLOAD_PART_BYTES);
    expect(await uploads.part({ uploadId, offset: 0, bytes: first })).toEqual({ received: MODEL_UPLOAD_PART_BYTES });

    const again = await errorOf(uploads.part({ uploadId, offset: 0, bytes: first }));
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(
      `Expected the part at byte ${MODEL_UPLOAD_PART_BYTES} of my-finetune.bin, got one at byte 0: parts must be sent in order, each once.`,
    );
    const ahead = await errorOf(
      uploads.part({
        uploadId,
        offset: 2 * MODEL_UPLOAD_PART_BYTES,
        bytes: bytes.subarray(2 * MODEL_UPLOAD_PART_BYTES),
      }),
    );
    expect(ahead.message).toMatch(/Expected the part at byte 2097152 .* got one at byte 4194304/);

    const early = await errorOf(uploads.finish({ uploadId }));
    expect(early).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Only 2097152 of \d+ bytes/),
    });

    for (let offset = MODEL_UPLOAD_PART_BYTES; offset < bytes.length; offset += MODEL_UPLOAD_PART_BYTES) {
      await uploads.part({ uploadId, offset, bytes: bytes.subarray(offset, offset + MODEL_UPLOAD_PART_BYTES) });
    }
    const tooMuch = await errorOf(uploads.part({ uploadId, offset: bytes.length, bytes: new Uint8Array(1) }));
    expect(tooMuch.message).toMatch(/larger than the \d+ bytes announced/);
    expect((await uploads.finish({ uploadId })).status).toBe('installed');
    expect(await modelsFolder(manager)).toEqual(['imported-my-finetune.bin']);
  });

  it('cancel deletes the temporary file, and the upload is gone', async () => {
    const { manager, uploads } = setup();
    const bytes = await readFile(model);
    const { uploadId } = await uploads.begin({ fileName: 'my-finetune.bin', size: bytes.length });
    await uploads.part({ uploadId, offset: 0, bytes: bytes.subarray(0, MODEL_UPLOAD_PART_BYTES) });
    const temp = join(manager.modelsDir, `${uploadId}.upload`, 'my-finetune.bin');
    expect((await readFile(temp)).length).toBe(MODEL_UPLOAD_PART_BYTES);

    expect(await uploads.cancel({ uploadId })).toEqual({ cancelled: true });
    expect(await modelsFolder(manager)).toEqual([]);
    expect(await uploads.cancel({ uploadId })).toEqual({ cancelled: false });
    const late = await errorOf(uploads.part({ uploadId, offset: MODEL_UPLOAD_PART_BYTES, bytes: new Uint8Array(1) }));
    expect(late).toMatchObject({ code: 'not_found', message: expect.stringMatching(/no longer in progress/) });
  });

  it('a truncated model gets the CLI import message, and nothing is installed or left behind', async () => {
    const { manager, uploads } = setup();
    const cut = join(root, 'cut-finetune.bin');
    await copyFile(model, cut);
    await truncate(cut, 3 * 1024 * 1024);
    const error = await errorOf(upload(uploads, cut));
    expect(error.code).toBe('model_invalid');
    expect(error.message).toMatch(/^cut-finetune\.bin is truncated/);
    expect(`coach models import: ${error.message}\n`).toBe(await cliImportError(cut));
    expect(await modelsFolder(manager)).toEqual([]);
    expect((await manager.list()).some((e) => e.source === 'imported')).toBe(false);
  });

  it('a file that is no model is refused at its first part with the CLI message', async () => {
    const { manager, uploads } = setup();
    const notes = join(root, 'notes.bin');
    await writeFile(notes, 'These are my notes, not a model.\n'.repeat(200_000)); // ~6.6 MB
    const bytes = await readFile(notes);
    const { uploadId } = await uploads.begin({ fileName: 'notes.bin', size: bytes.length });
    const error = await errorOf(
      uploads.part({ uploadId, offset: 0, bytes: bytes.subarray(0, MODEL_UPLOAD_PART_BYTES) }),
    );
    expect(error.code).toBe('model_invalid');
    expect(error.message).toMatch(/^notes\.bin is not a whisper\.cpp model: it looks like/);
    expect(`coach models import: ${error.message}\n`).toBe(await cliImportError(notes));
    expect(await modelsFolder(manager)).toEqual([]);
    // The upload is over: the page's next part is told so instead of writing anywhere.
    const next = await errorOf(
      uploads.part({ uploadId, offset: MODEL_UPLOAD_PART_BYTES, bytes: bytes.subarray(MODEL_UPLOAD_PART_BYTES) }),
    );
    expect(next.code).toBe('not_found');
  });

  it('a small wrong file, an empty file and a wrong-shape model get the CLI messages at finish', async () => {
    const html = join(root, 'ggml-base.en.bin');
    await writeFile(html, '<!DOCTYPE html><html><body>Sign in to continue</body></html>\n');
    const empty = join(root, 'empty.bin');
    await writeFile(empty, '');
    for (const [file, allowCustom, pattern] of [
      [html, true, /is not a whisper\.cpp model: it looks like/],
      [empty, true, /^empty\.bin is empty \(0 bytes\)/],
      [model, false, /^my-finetune\.bin has a shape that matches no official Whisper model/],
    ] as const) {
      const { manager, uploads } = setup({ allowCustomShapes: allowCustom });
      const error = await errorOf(upload(uploads, file));
      expect(error.message).toMatch(pattern);
      expect(`coach models import: ${error.message}\n`).toBe(await cliImportError(file, allowCustom));
      expect(await modelsFolder(manager)).toEqual([]);
      dataDir = join(root, `data-${n++}`);
    }
  });

  it('refuses an upload the disk has no room for before any byte is sent', async () => {
    const { manager, uploads } = setup({ freeBytes: async () => 1024 * 1024 });
    const error = await errorOf(uploads.begin({ fileName: 'big.bin', size: 1.5 * 1024 ** 3 }));
    expect(error.code).toBe('disk_full');
    expect(error.message).toBe(
      `Not enough free space for big.bin: it needs 1.50 GB and only 1 MB are free in ${manager.modelsDir}. Free some space and try again.`,
    );
    expect(await modelsFolder(manager)).toEqual([]);
  });

  it('says the disk is full when a write fails for want of space', async () => {
    const { manager, uploads } = setup({ freeBytes: async () => 3 * 1024 * 1024 });
    // Space an upload still needs is counted as taken: a second one would not fit beside it.
    await uploads.begin({ fileName: 'first.bin', size: 2 * 1024 * 1024 });
    expect((await errorOf(uploads.begin({ fileName: 'second.bin', size: 2 * 1024 * 1024 }))).message).toMatch(
      /^Not enough free space for second\.bin: it needs 2 MB and only 1 MB are free/,
    );
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const error = uploadDiskError(full, manager.modelsDir, 'big.bin', 3 * 1024 ** 3, 3.2 * 1024 ** 3);
    expect(error).toMatchObject({
      code: 'disk_full',
      message: `The disk is full: big.bin could not be saved (stopped after 3.00 GB of 3.20 GB). Free some space in ${manager.modelsDir} and try again.`,
    });
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(uploadDiskError(denied, manager.modelsDir, 'big.bin', 0, 1)).toMatchObject({ code: 'forbidden' });
    await uploads.dispose();
    expect(await modelsFolder(manager)).toEqual([]);
  });

  it('drops an upload that stopped receiving parts, with its bytes', async () => {
    // The idle clock is fake and the disk real: on a loaded machine the part alone can take
    // longer than a short real idle time, and the drop removes the bytes in the background.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { manager, uploads } = setup({ idleMs: 30 });
      const { uploadId } = await uploads.begin({ fileName: 'm.bin', size: 10 });
      await uploads.part({ uploadId, offset: 0, bytes: new Uint8Array(4) });
      vi.advanceTimersByTime(30);
      expect((await errorOf(uploads.part({ uploadId, offset: 4, bytes: new Uint8Array(4) }))).code).toBe('not_found');
      vi.useRealTimers();
      await vi.waitFor(async () => expect(await modelsFolder(manager)).toEqual([]), { timeout: 10_000, interval: 20 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('cleans upload leftovers of an earlier run at start and keeps everything else', async () => {
    const { manager, uploads } = setup();
    const dir = manager.modelsDir;
    const old = join(dir, 'mup-0123456789abcdef.upload');
    await mkdir(old, { recursive: true });
    await writeFile(join(old, 'half.bin'), 'x');
    await writeFile(join(dir, 'stray.upload'), 'x');
    const fresh = join(dir, 'mup-fedcba9876543210.upload');
    await mkdir(fresh);
    await writeFile(join(fresh, 'busy.bin'), 'x');
    await writeFile(join(dir, 'ggml-base.en.bin'), 'x');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const p of [join(old, 'half.bin'), old, join(dir, 'stray.upload')]) await utimes(p, hourAgo, hourAgo);

    // Another app sharing the data folder may be uploading: recent leftovers are not touched.
    expect((await uploads.cleanLeftovers()).sort()).toEqual(['mup-0123456789abcdef.upload', 'stray.upload']);
    expect(await modelsFolder(manager)).toEqual(['ggml-base.en.bin', 'mup-fedcba9876543210.upload']);
    const eager = new ModelUploadService({ manager, leftoverAgeMs: 0 });
    await eager.cleanLeftovers();
    expect(await modelsFolder(manager)).toEqual(['ggml-base.en.bin']);
  });

  it('keeps the user file name but never a path in it', () => {
    expect(safeFileName('ggml-base.en.bin')).toBe('ggml-base.en.bin');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\model.bin')).toBe('model.bin');
    expect(safeFileName('a:b?<c>.bin')).toBe('a_b__c_.bin');
    expect(safeFileName('..')).toBe('model.bin');
    expect(safeFileName(' ')).toBe('model.bin');
    const long = safeFileName(`${'é'.repeat(200)}.bin`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('.bin')).toBe(true);
  });
});

describe('models.upload* channels', () => {
  it('return what the contract accepts and report the installed model', async () => {
    const { uploads } = setup();
    let installed = 0;
    const h = modelUploadHandlers(uploads, () => installed++);
    const bytes = await readFile(model);
    const begun = modelsChannels['models.uploadBegin'].output.parse(
      await h['models.uploadBegin']({ fileName: 'my-finetune.bin', size: bytes.length }, ctx),
    );
    expect(modelsChannels['models.uploadPart'].input.safeParse({ ...begun, offset: 0, bytes }).success).toBe(false);
    for (let offset = 0; offset < bytes.length; offset += begun.partBytes) {
      const input = modelsChannels['models.uploadPart'].input.parse({
        uploadId: begun.uploadId,
        offset,
        bytes: bytes.subarray(offset, offset + begun.partBytes),
      });
      modelsChannels['models.uploadPart'].output.parse(await h['models.uploadPart'](input, ctx));
    }
    const done = modelsChannels['models.uploadFinish'].output.parse(
      await h['models.uploadFinish']({ uploadId: begun.uploadId }, ctx),
    );
    expect(done.model.id).toBe('my-finetune');
    expect(installed).toBe(1);
    expect(
      modelsChannels['models.uploadCancel'].output.parse(
        await h['models.uploadCancel']({ uploadId: begun.uploadId }, ctx),
      ),
    ).toEqual({
      cancelled: false,
    });
  });

  it('validate their inputs', () => {
    const begin = modelsChannels['models.uploadBegin'].input;
    expect(begin.safeParse({ fileName: 'm.bin', size: 0 }).success).toBe(true);
    expect(begin.safeParse({ fileName: 'm.bin', size: -1 }).success).toBe(false);
    expect(begin.safeParse({ fileName: 'm.bin', size: 5 * 1024 ** 3 }).error?.issues[0]?.message).toBe(
      'Model files up to 4 GB can be imported.',
    );
    expect(begin.safeParse({ fileName: '', size: 1 }).success).toBe(false);
    const part = modelsChannels['models.uploadPart'].input;
    const id = 'mup-0123456789abcdef';
    expect(part.safeParse({ uploadId: id, offset: 0, bytes: new Uint8Array(1) }).success).toBe(true);
    expect(part.safeParse({ uploadId: id, offset: 0, bytes: new Uint8Array(0) }).success).toBe(false);
    expect(part.safeParse({ uploadId: id, offset: 0, bytes: [1, 2] }).success).toBe(false);
    expect(part.safeParse({ uploadId: '../x', offset: 0, bytes: new Uint8Array(1) }).success).toBe(false);
  });
});
