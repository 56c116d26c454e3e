/**
 * The canonical 44-byte PCM WAV header the recorder writes, and a strict reader for it. Only the
 * layout this app writes is accepted here (RIFF, "fmt " of 16 bytes, then "data"): recovery must
 * never guess at a foreign file. Imports of arbitrary WAV files go through the audio decoder.
 */
import { fmtFields, isRiffWave, WAVE_FORMAT_PCM } from '../audio/riff';

export const WAV_HEADER_BYTES = 44;

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: 16;
}

export function wavHeader(format: PcmFormat, dataBytes: number): Buffer {
  const blockAlign = (format.channels * format.bitsPerSample) / 8;
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Bytes of the two size fields, for rewriting them in place after each append. */
export function sizeFields(dataBytes: number): { riff: Buffer; data: Buffer } {
  const riff = Buffer.alloc(4);
  riff.writeUInt32LE(36 + dataBytes, 0);
  const data = Buffer.alloc(4);
  data.writeUInt32LE(dataBytes, 0);
  return { riff, data };
}

export interface ParsedHeader extends PcmFormat {
  /** What the header claims; may disagree with the file size after a crash. */
  declaredDataBytes: number;
  blockAlign: number;
}

export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

export function parseWavHeader(header: Uint8Array): ParsedHeader {
  if (header.length < WAV_HEADER_BYTES) {
    throw new WavFormatError(
      `the file is ${header.length} bytes long, shorter than a WAV header (${WAV_HEADER_BYTES})`,
    );
  }
  const buf = Buffer.from(header.buffer, header.byteOffset, WAV_HEADER_BYTES);
  const tag = (at: number) => buf.toString('ascii', at, at + 4);
  if (!isRiffWave(buf)) throw new WavFormatError('not a RIFF/WAVE file');
  if (tag(12) !== 'fmt ' || buf.readUInt32LE(16) !== 16)
    throw new WavFormatError('unexpected fmt chunk (not written by this app)');
  const { formatTag, channels, sampleRate, blockAlign, bitsPerSample: bits } = fmtFields(buf.subarray(20, 36));
  if (formatTag !== WAVE_FORMAT_PCM) throw new WavFormatError('not PCM audio');
  if (tag(36) !== 'data') throw new WavFormatError('no data chunk right after the format chunk');
  if (bits !== 16) throw new WavFormatError(`${bits}-bit samples (this app records 16-bit)`);
  if (channels < 1 || sampleRate < 1 || blockAlign !== channels * 2)
    throw new WavFormatError('inconsistent format fields');
  return { sampleRate, channels, bitsPerSample: 16, blockAlign, declaredDataBytes: buf.readUInt32LE(40) };
}

export function durationOf(dataBytes: number, format: Pick<PcmFormat, 'sampleRate' | 'channels'>): number {
  return dataBytes / (format.sampleRate * format.channels * 2);
}
