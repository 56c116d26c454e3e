/**
 * Bounds what a .docx unpacks to before mammoth (through JSZip) inflates any of it. A .docx is a
 * zip: a file within the 5 MB upload limit can declare entries of gigabytes, or hold a deflate
 * stream that inflates far past what its entry declares (a zip bomb). JSZip only notices a wrong
 * size after it has inflated the whole entry into memory.
 *
 * The central directory is read first (sizes as declared, ZIP64 included); over the limit, nothing
 * is inflated. Then each entry is inflated once with its declared size as a hard ceiling, so no
 * entry can produce more than it declares, and the whole never more than the limit.
 */
import { inflateRawSync } from 'node:zlib';
import { CoachError } from '../../../shared/coach-error';

/** Largest total a .docx may unpack to: text of 300 pages is well under 20 MB of Word XML. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Most entries a .docx may hold (Word writes a few dozen, plus one per picture). */
export const MAX_DOCX_ENTRIES = 10_000;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

class Damaged extends Error {}

/** A little-endian reader that treats every read past the end as damage, never as a crash. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private at(offset: number, size: number): number {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.length) throw new Damaged();
    return offset;
  }
  u16(offset: number): number {
    return this.view.getUint16(this.at(offset, 2), true);
  }
  u32(offset: number): number {
    return this.view.getUint32(this.at(offset, 4), true);
  }
  u64(offset: number): number {
    const value = this.view.getBigUint64(this.at(offset, 8), true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Damaged();
    return Number(value);
  }
}

/** Where the central directory is and how many entries it lists. */
function directoryOf(zip: Reader): { offset: number; entries: number } {
  const last = zip.bytes.length - 22;
  for (let end = last; end >= Math.max(0, last - 0xffff); end--) {
    if (zip.u32(end) !== END_OF_DIRECTORY) continue;
    const entries = zip.u16(end + 10);
    const offset = zip.u32(end + 16);
    if (entries !== 0xffff && offset !== 0xffffffff) return { offset, entries };
    // ZIP64: the real values are in the ZIP64 end record the locator points to.
    if (zip.u32(end - 20) !== ZIP64_LOCATOR) throw new Damaged();
    const end64 = zip.u64(end - 20 + 8);
    if (zip.u32(end64) !== ZIP64_END_OF_DIRECTORY) throw new Damaged();
    return { offset: zip.u64(end64 + 48), entries: zip.u64(end64 + 32) };
  }
  throw new Damaged();
}

/** The sizes and offset of one central-directory entry, with ZIP64 values where the entry has them. */
function entryAt(zip: Reader, at: number): { entry: ZipEntry; next: number } {
  if (zip.u32(at) !== DIRECTORY_ENTRY) throw new Damaged();
  const nameLength = zip.u16(at + 28);
  const extraLength = zip.u16(at + 30);
  const entry: ZipEntry = {
    method: zip.u16(at + 10),
    compressedSize: zip.u32(at + 20),
    uncompressedSize: zip.u32(at + 24),
    localHeader: zip.u32(at + 42),
  };
  const extraEnd = at + 46 + nameLength + extraLength;
  for (let field = at + 46 + nameLength; field + 4 <= extraEnd; field += 4 + zip.u16(field + 2)) {
    if (zip.u16(field) !== ZIP64_EXTRA) continue;
    // Present in this order, and only for the values the fixed fields mark as 0xffffffff.
    let value = field + 4;
    for (const key of ['uncompressedSize', 'compressedSize', 'localHeader'] as const) {
      if (entry[key] !== 0xffffffff) continue;
      entry[key] = zip.u64(value);
      value += 8;
    }
  }
  return { entry, next: extraEnd + zip.u16(at + 32) };
}

function entriesOf(zip: Reader, name: string): ZipEntry[] {
  const directory = directoryOf(zip);
  if (directory.entries > MAX_DOCX_ENTRIES) {
    throw new CoachError(
      'too_large',
      `${name} holds ${directory.entries.toLocaleString('en')} files; a Word (.docx) document read here holds at most ${MAX_DOCX_ENTRIES.toLocaleString('en')}.`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    const { entry, next } = entryAt(zip, at);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function tooLarge(name: string, bytes: number): CoachError {
  return new CoachError(
    'too_large',
    `${name} unpacks to ${(bytes / 1024 / 1024).toFixed(1)} MB or more; a Word (.docx) document may unpack to at most ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB.`,
  );
}

/** Inflates one entry with its declared size as the ceiling; throws when it would produce more. */
function checkEntry(zip: Reader, entry: ZipEntry, name: string): void {
  if (zip.u32(entry.localHeader) !== LOCAL_HEADER) throw new Damaged();
  const start = entry.localHeader + 30 + zip.u16(entry.localHeader + 26) + zip.u16(entry.localHeader + 28);
  if (start + entry.compressedSize > zip.bytes.length) throw new Damaged();
  const data = zip.bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new Damaged();
    return;
  }
  if (entry.method !== DEFLATED) throw new Damaged();
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw new Damaged();
    throw new CoachError(
      'too_large',
      `${name} holds a part that unpacks to more than its zip header declares; a Word (.docx) document may unpack to at most ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB, so it was not read.`,
    );
  }
  if (inflated.length !== entry.uncompressedSize) throw new Damaged();
}

/**
 * Throws `too_large` when the .docx would unpack to more than MAX_DOCX_UNPACKED_BYTES (as declared
 * or as inflated) and `unsupported` ("may be damaged") when its zip structure does not hold up.
 */
export function checkDocxUnpackedSize(bytes: Uint8Array, name: string): void {
  const zip = new Reader(bytes);
  try {
    const entries = entriesOf(zip, name);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_DOCX_UNPACKED_BYTES) throw tooLarge(name, declared);
    for (const entry of entries) checkEntry(zip, entry, name);
  } catch (error) {
    if (error instanceof Damaged) throw damagedDocx(name);
    throw error;
  }
}

export function damagedDocx(name: string): CoachError {
  return new CoachError('unsupported', `${name} could not be read as a Word (.docx) document: it may be damaged.`);
}
