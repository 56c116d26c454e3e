/**
 * The RIFF/WAVE pieces every WAV reader here needs: the file tag, chunk headers, the "fmt "
 * fields and how long a data chunk really is. The readers differ in how strict they are (the
 * recorder's own header, replay, imports of any WAV), not in how they read the bytes.
 */

export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_FLOAT = 3;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Where the first chunk starts, after "RIFF", the size and "WAVE". */
export const FIRST_CHUNK = 12;

export function isRiffWave(head: Buffer): boolean {
  return head.length >= 12 && head.toString('ascii', 0, 4) === 'RIFF' && head.toString('ascii', 8, 12) === 'WAVE';
}

export interface RiffChunk {
  id: string;
  /** Declared size of the body. */
  size: number;
  /** Offset of the body in the file. */
  body: number;
  /** Offset of the next chunk: bodies are padded to even sizes. */
  next: number;
}

/** The chunk whose 8-byte header is at `at` in `b`, read as if `b` started at file offset `base`. */
export function chunkAt(b: Buffer, at: number, base = 0): RiffChunk {
  const size = b.readUInt32LE(at + 4);
  const body = base + at + 8;
  return { id: b.toString('latin1', at, at + 4), size, body, next: body + size + (size % 2) };
}

export interface FmtFields {
  /** With WAVE_FORMAT_EXTENSIBLE, the sub-format's code when the chunk is long enough to hold it. */
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

/** The fields of a "fmt " body of at least 16 bytes. */
export function fmtFields(b: Buffer): FmtFields {
  const tag = b.readUInt16LE(0);
  return {
    // The sub-format GUID starts with the real format code.
    formatTag: tag === WAVE_FORMAT_EXTENSIBLE && b.length >= 26 ? b.readUInt16LE(24) : tag,
    channels: b.readUInt16LE(2),
    sampleRate: b.readUInt32LE(4),
    blockAlign: b.readUInt16LE(12),
    bitsPerSample: b.readUInt16LE(14),
  };
}

/**
 * Bytes of audio a data chunk holds when `present` bytes follow its header. A size of 0 or
 * 0xFFFFFFFF (RF64, or a recorder that never finalised the header) or one past the end of the
 * file (an interrupted recording, a cut copy) all mean: the audio runs to the end of the file.
 */
export function dataChunkBytes(declared: number, present: number): number {
  return declared === 0 || declared === 0xffffffff || declared > present ? present : declared;
}
