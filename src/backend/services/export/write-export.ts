/**
 * Writes an exported file atomically. Without `overwrite` an existing file is never replaced, even
 * if it appears between our check and the write: the new content is written to a temporary
 * sibling, fsynced, and then hard-linked to the target name, which fails atomically when the name
 * is taken (rename would silently replace it). File systems without hard links (FAT, some network
 * shares) fall back to check-then-rename.
 */
import { link, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import { asDiskError, syncDir, tempSiblingOf, writeFileAtomic, writeSynced } from '../platform/atomic-write';

export class FileExistsError extends CoachError {
  readonly file: string;
  constructor(file: string) {
    super(
      'conflict',
      `${file} already exists. Choose another name, or confirm that it may be replaced (--force on the command line).`,
    );
    this.file = file;
  }
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Only the file is created: a mistyped folder would otherwise quietly appear somewhere the user
 * never meant to write to.
 */
async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info === null)
    throw new CoachError('not_found', `The folder ${dir} does not exist: create it first or choose another.`);
  if (!info.isDirectory()) throw new CoachError('invalid_input', `${dir} is a file, not a folder.`);
}

export async function writeExportFile(
  file: string,
  data: Uint8Array | string,
  options: { overwrite: boolean },
): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await requireFolder(dir);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new CoachError('invalid_input', `${target} is a folder: give a file name inside it.`);
  }
  if (options.overwrite) {
    await writeFileAtomic(target, data);
    return;
  }
  if (existing) throw new FileExistsError(target);
  const tmp = tempSiblingOf(target);
  try {
    await writeSynced(tmp, data, 'wx');
    try {
      await link(tmp, target);
      await rm(tmp, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(target);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS')
        throw error;
      // No hard links here: the narrow check-then-rename window is the best this file system offers.
      if (await fileExists(target)) throw new FileExistsError(target);
      await rename(tmp, target);
    }
    await syncDir(dir);
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof CoachError) throw error;
    throw asDiskError(error, target);
  }
}
