import { statfs } from 'node:fs/promises';

/** Free bytes for this user on the disk holding `dir`, or null where the platform can't tell. */
export async function freeBytesOf(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** The operating system's "no space left" (or over quota) on a write. */
export function isOutOfSpace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Out of space, raw from the system or already said to the user as `disk_full`. */
export function isDiskFull(error: unknown): boolean {
  return isOutOfSpace(error) || (error as { code?: unknown } | null)?.code === 'disk_full';
}
