/**
 * Reads what replay needs from a session's WAV file: where the samples are and how they are
 * stored. Walks the RIFF chunks instead of assuming a 44-byte header, and trusts the file size
 * over a data-chunk size left at 0 or too large by an interrupted recording.
 */
import type { FileHandle } from 'node:fs/promises';

export interface WavInfo {
  /** 1 = integer PCM, 3 = IEEE float. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Bytes of sample data actually present in the file. */
  dataBytes: number;
  durationSec: number;
}

export class WavReadError extends Error {
  override name = 'WavReadError';
}

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Parses the RIFF structure from the first bytes of the file (4 KiB is plenty for real files). */
export function parseWavInfo(head: Buffer, fileSize: number): WavInfo {
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavReadError('The audio file is not a WAV file (no RIFF/WAVE header).');
  }
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSec'> | null = null;
  while (offset + 8 <= head.length) {
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) throw new WavReadError('The WAV format chunk is cut short.');
      let audioFormat = head.readUInt16LE(body);
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE && size >= 26 && body + 26 <= head.length) {
        // The sub-format GUID starts with the real format code.
        audioFormat = head.readUInt16LE(body + 24);
      }
      fmt = {
        audioFormat,
        channels: head.readUInt16LE(body + 2),
        sampleRate: head.readUInt32LE(body + 4),
        bitsPerSample: head.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new WavReadError('The WAV file has its data before its format chunk.');
      if (fmt.channels < 1 || fmt.sampleRate < 1 || fmt.bitsPerSample < 8) {
        throw new WavReadError('The WAV format chunk is invalid (no channels, sample rate or sample size).');
      }
      const present = Math.max(0, fileSize - body);
      // An interrupted recording may leave size 0 (or a size past the end): the file size wins.
      const dataBytes = size === 0 || size > present ? present : size;
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      const whole = dataBytes - (dataBytes % frameBytes);
      return { ...fmt, dataOffset: body, dataBytes: whole, durationSec: whole / frameBytes / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new WavReadError('The WAV file has no data chunk.');
}

export async function readWavInfo(handle: FileHandle): Promise<WavInfo> {
  const stat = await handle.stat();
  const head = Buffer.alloc(Math.min(65536, stat.size));
  await handle.read(head, 0, head.length, 0);
  return parseWavInfo(head, stat.size);
}
