import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import { isOutOfSpace } from './free-space';

/**
 * Replace `file` so that a crash at any moment leaves either the old or the new content, never a
 * torn file: write a temporary sibling, fsync it, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = tempSiblingOf(file);
  try {
    await writeSynced(tmp, data, 'w');
    await rename(tmp, file);
    await syncDir(dir);
  } catch (error) {
    await rm(tmp, { force: true });
    throw asDiskError(error, file);
  }
}

/** A hidden, randomly named file beside `file`, written first and then moved or linked into place. */
export function tempSiblingOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to `file` and waits until it is on the disk (`flag` 'wx' refuses an existing file). */
export async function writeSynced(file: string, data: string | Uint8Array, flag: 'w' | 'wx'): Promise<void> {
  const handle = await open(file, flag);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename or link in `dir` durable (Linux); a no-op where folders can't be opened. */
export async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename durable on Linux; Windows can't open folders, which is fine.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported on this platform */
  }
}

export function asDiskError(error: unknown, file: string): unknown {
  if (isOutOfSpace(error)) {
    return new CoachError(
      'disk_full',
      `The disk is full: could not write ${path.basename(file)}. Free some space and try again.`,
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CoachError('forbidden', `No permission to write ${file}.`);
  }
  return error;
}
