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

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'disk_full';
}
