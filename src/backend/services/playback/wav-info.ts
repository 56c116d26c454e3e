/**
 * Reads what replay needs from a session's WAV file: where the samples are and how they are
 * stored. Walks the RIFF chunks instead of assuming a 44-byte header, and trusts the file size
 * over a data-chunk size left at 0 or too large by an interrupted recording.
 */
import type { FileHandle } from 'node:fs/promises';
import { chunkAt, dataChunkBytes, FIRST_CHUNK, fmtFields, isRiffWave } from '../audio/riff';

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

/** Parses the RIFF structure from the first bytes of the file (4 KiB is plenty for real files). */
export function parseWavInfo(head: Buffer, fileSize: number): WavInfo {
  if (!isRiffWave(head)) throw new WavReadError('The audio file is not a WAV file (no RIFF/WAVE header).');
  let offset = FIRST_CHUNK;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSec'> | null = null;
  while (offset + 8 <= head.length) {
    const { id, size, body, next } = chunkAt(head, offset);
    if (id === 'fmt ') {
      if (body + 16 > head.length) throw new WavReadError('The WAV format chunk is cut short.');
      const f = fmtFields(head.subarray(body, Math.min(head.length, body + size)));
      fmt = {
        audioFormat: f.formatTag,
        channels: f.channels,
        sampleRate: f.sampleRate,
        bitsPerSample: f.bitsPerSample,
      };
    } else if (id === 'data') {
      if (!fmt) throw new WavReadError('The WAV file has its data before its format chunk.');
      if (fmt.channels < 1 || fmt.sampleRate < 1 || fmt.bitsPerSample < 8) {
        throw new WavReadError('The WAV format chunk is invalid (no channels, sample rate or sample size).');
      }
      const dataBytes = dataChunkBytes(size, Math.max(0, fileSize - body));
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      const whole = dataBytes - (dataBytes % frameBytes);
      return { ...fmt, dataOffset: body, dataBytes: whole, durationSec: whole / frameBytes / fmt.sampleRate };
    }
    offset = next;
  }
  throw new WavReadError('The WAV file has no data chunk.');
}

export async function readWavInfo(handle: FileHandle): Promise<WavInfo> {
  const stat = await handle.stat();
  const head = Buffer.alloc(Math.min(65536, stat.size));
  await handle.read(head, 0, head.length, 0);
  return parseWavInfo(head, stat.size);
}
