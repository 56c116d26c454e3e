import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A file's text, or the size that made it too large to read (at least `maxBytes + 1`). */
type BoundedRead = { ok: true; text: string } | { ok: false; bytes: number };

/**
 * Reads a UTF-8 file only if it holds at most `maxBytes`. Its size is checked before anything is
 * read, and the read itself stops after `maxBytes + 1` bytes, so a file that grew since, or a
 * device that reports no size, can't slip past the limit either. Errors (a missing file, a
 * folder, no permission) are thrown as `readFile` throws them.
 */
export async function readTextFileWithin(file: string, maxBytes: number): Promise<BoundedRead> {
  const { size } = await stat(file);
  if (size > maxBytes) return { ok: false, bytes: size };
  const chunks: Buffer[] = [];
  let total = 0;
  // `end` is inclusive: one byte past the limit is enough to know the file is over it.
  for await (const chunk of createReadStream(file, { start: 0, end: maxBytes })) {
    const bytes = chunk as Buffer;
    chunks.push(bytes);
    total += bytes.length;
  }
  if (total > maxBytes) return { ok: false, bytes: total };
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}
