import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';

/**
 * `root/name` when `name` (from a document, a request or an argument) stays inside `root`, or
 * null. A file name is refused outright when it is absolute, holds a separator or a NUL, or walks
 * out through `..`: checking the resolved path alone would still accept `sub/../x`, and we never
 * need more than one level below the folders we own.
 */
export function containedFile(root: string, name: string): string | null {
  if (name === '' || name === '.' || name === '..' || name.includes('\0')) return null;
  if (name.includes('/') || name.includes('\\') || path.isAbsolute(name)) return null;
  const resolvedRoot = path.resolve(root);
  const full = path.resolve(resolvedRoot, name);
  return path.dirname(full) === resolvedRoot ? full : null;
}

/**
 * The same check, throwing a message for the user. The message names the folder's role and the
 * name as given, never a resolved absolute path, so an error can't tell whether some outside
 * file exists.
 */
export function requireContainedFile(root: string, name: string, what: string): string {
  const full = containedFile(root, name);
  if (full === null) {
    throw new CoachError(
      'invalid_input',
      `${what} names a file outside its folder ("${name.slice(0, 80)}"); it was not opened.`,
    );
  }
  return full;
}

/**
 * `requireContainedFile`, then the same check on the real path, so a link planted in a copied-in
 * folder can't point the read elsewhere. A file that does not exist yet passes: there is nothing
 * to follow, and the read that comes next reports it missing.
 */
export async function requireRealContainedFile(root: string, name: string, what: string): Promise<string> {
  const full = requireContainedFile(root, name, what);
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return full;
  }
  if (path.dirname(real) !== (await realpath(root))) {
    throw new CoachError(
      'invalid_input',
      `${what} links "${name.slice(0, 80)}" to a file outside its folder; it was not opened.`,
    );
  }
  return full;
}
