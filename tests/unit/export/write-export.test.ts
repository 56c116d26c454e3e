import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeExportFile } from '../../../src/backend/services/export/write-export';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeExportFile', () => {
  it('writes a new file and leaves no temporary files behind', async () => {
    const file = path.join(dir, 'report.md');
    await writeExportFile(file, '# hello\n', { overwrite: false });
    expect(await readFile(file, 'utf8')).toBe('# hello\n');
    expect(await readdir(path.dirname(file))).toEqual(['report.md']);
  });

  it('creates only the file: a missing folder is reported, not created; a folder is not a file name', async () => {
    const missing = path.join(dir, 'no-such-folder', 'report.md');
    for (const overwrite of [false, true]) {
      await expect(writeExportFile(missing, 'x', { overwrite })).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('does not exist'),
      });
      await expect(readdir(path.join(dir, 'no-such-folder'))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(writeExportFile(dir, 'x', { overwrite })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('is a folder'),
      });
    }
  });

  it('never replaces an existing file without overwrite', async () => {
    const file = path.join(dir, 'report.md');
    await writeFile(file, 'mine');
    await expect(writeExportFile(file, 'new', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError);
    await expect(writeExportFile(file, 'new', { overwrite: false })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('replaces it with overwrite', async () => {
    const file = path.join(dir, 'report.md');
    await writeFile(file, 'mine');
    await writeExportFile(file, new TextEncoder().encode('new'), { overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('lets exactly one of two racing writers create the file', async () => {
    const file = path.join(dir, 'race.md');
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((c) => writeExportFile(file, c.repeat(100_000), { overwrite: false })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const content = await readFile(file, 'utf8');
    expect(content).toMatch(/^(a+|b+|c+|d+)$/);
    expect(content).toHaveLength(100_000);
    expect(await readdir(dir)).toEqual(['race.md']);
  });
});
