/**
 * Streaming WAV reader: walks the RIFF chunks, reads "fmt " (PCM 8/16/24/32-bit, IEEE float
 * 32/64-bit, WAVE_FORMAT_EXTENSIBLE) and streams "data" in blocks into the sink.
 *
 * Hand-written rather than a library: the common npm WAV packages (wavefile, node-wav) decode
 * the whole file into memory at once (wavefile as Float64, 8 bytes per sample: ~2.6 GB for an
 * hour of 48 kHz stereo), while this streams in 1 MB blocks; and the RIFF walk is small and
 * gives the specific errors the import needs (unsupported encoding named, truncated, no data).
 */
import type { FileHandle } from 'node:fs/promises';
import { AudioDecodeError } from './audio-errors';
import type { PcmSink } from './pcm-sink';
import {
  chunkAt,
  dataChunkBytes,
  FIRST_CHUNK,
  fmtFields,
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_FLOAT,
  WAVE_FORMAT_PCM,
} from './riff';
import type { DecodeContext, SourceInfo } from './source-info';

const FORMAT_NAMES: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'µ-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x00ff: 'AAC',
  0x1610: 'AAC',
  0x2000: 'AC-3',
};

const BLOCK_BYTES = 1 << 20;

interface WavFormat {
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign: number;
}

async function readAt(fh: FileHandle, at: number, len: number): Promise<Buffer> {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(b, got, len - got, at + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return b.subarray(0, got);
}

function parseFmt(b: Buffer, name: string): WavFormat {
  if (b.length < 16)
    throw new AudioDecodeError(
      'corrupt',
      `${name} is a damaged WAV file: its format chunk is ${b.length} bytes (at least 16 needed).`,
    );
  if (b.readUInt16LE(0) === WAVE_FORMAT_EXTENSIBLE && b.length < 40)
    throw new AudioDecodeError('corrupt', `${name} is a damaged WAV file: truncated WAVE_FORMAT_EXTENSIBLE header.`);
  const { formatTag: tag, channels, sampleRate, blockAlign, bitsPerSample: bits } = fmtFields(b);
  if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_FLOAT) {
    const what = FORMAT_NAMES[tag] ?? `format code 0x${tag.toString(16).padStart(4, '0')}`;
    throw new AudioDecodeError(
      'unsupported_format',
      `${name} is a WAV file with ${what} encoding, which is not supported. Convert it to PCM WAV, MP3 or FLAC.`,
    );
  }
  const encoding = tag === WAVE_FORMAT_PCM ? 'pcm' : 'float';
  const okBits = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
  if (!okBits.includes(bits)) {
    throw new AudioDecodeError(
      'unsupported_format',
      `${name} is a ${bits}-bit ${encoding === 'pcm' ? 'integer' : 'float'} WAV file, which is not supported (PCM 8/16/24/32-bit or float 32/64-bit).`,
    );
  }
  if (channels < 1 || channels > 32)
    throw new AudioDecodeError('corrupt', `${name} is a damaged WAV file: ${channels} channels.`);
  if (sampleRate < 1000 || sampleRate > 768000)
    throw new AudioDecodeError('corrupt', `${name} is a damaged WAV file: sample rate ${sampleRate} Hz.`);
  if (blockAlign !== (channels * bits) / 8) {
    throw new AudioDecodeError(
      'corrupt',
      `${name} is a damaged WAV file: block size ${blockAlign} does not match ${channels} channels of ${bits} bits.`,
    );
  }
  return { encoding, channels, sampleRate, bits, blockAlign };
}

/** Convert `frames` interleaved frames of `b` into per-channel Float32 in [-1, 1). */
function deinterleave(b: Buffer, f: WavFormat, frames: number): Float32Array[] {
  const out = Array.from({ length: f.channels }, () => new Float32Array(frames));
  const bps = f.bits / 8;
  for (let c = 0; c < f.channels; c++) {
    const ch = out[c] as Float32Array;
    let at = c * bps;
    const step = f.blockAlign;
    if (f.encoding === 'float') {
      if (f.bits === 32) for (let i = 0; i < frames; i++, at += step) ch[i] = b.readFloatLE(at);
      else for (let i = 0; i < frames; i++, at += step) ch[i] = b.readDoubleLE(at);
    } else if (f.bits === 16) {
      for (let i = 0; i < frames; i++, at += step) ch[i] = b.readInt16LE(at) / 32768;
    } else if (f.bits === 24) {
      for (let i = 0; i < frames; i++, at += step) ch[i] = b.readIntLE(at, 3) / 8388608;
    } else if (f.bits === 32) {
      for (let i = 0; i < frames; i++, at += step) ch[i] = b.readInt32LE(at) / 2147483648;
    } else {
      for (let i = 0; i < frames; i++, at += step) ch[i] = ((b[at] as number) - 128) / 128; // 8-bit is unsigned
    }
  }
  return out;
}

export async function decodeWav(fh: FileHandle, size: number, sink: PcmSink, ctx: DecodeContext): Promise<SourceInfo> {
  const name = ctx.name;
  const warnings: string[] = [];
  let pos = FIRST_CHUNK;
  let fmt: WavFormat | null = null;
  let data: { at: number; bytes: number } | null = null;
  while (pos + 8 <= size && !(fmt && data)) {
    const { id, size: len, body, next } = chunkAt(await readAt(fh, pos, 8), 0, pos);
    if (id === 'fmt ') {
      fmt = parseFmt(await readAt(fh, body, Math.min(len, 64)), name);
    } else if (id === 'data') {
      const rest = size - body;
      const bytes = dataChunkBytes(len, rest);
      if (len !== 0xffffffff && len > rest)
        warnings.push(
          `the file is shorter than its header says (${rest} of ${len} audio bytes); decoded what is there`,
        );
      data = { at: body, bytes };
      if (len === 0xffffffff || len > rest) break;
    }
    pos = next;
  }
  if (!fmt) throw new AudioDecodeError('corrupt', `${name} is a damaged WAV file: it has no format ("fmt ") chunk.`);
  if (!data) throw new AudioDecodeError('no_audio', `${name} contains no audio: the WAV file has no "data" chunk.`);
  const frames = Math.floor(data.bytes / fmt.blockAlign);
  if (frames === 0) throw new AudioDecodeError('no_audio', `${name} contains no audio (0 samples).`);
  if (data.bytes % fmt.blockAlign !== 0) warnings.push('the last, incomplete sample frame was ignored');

  const framesPerBlock = Math.max(1, Math.floor(BLOCK_BYTES / fmt.blockAlign));
  for (let done = 0; done < frames;) {
    if (ctx.signal?.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    const n = Math.min(framesPerBlock, frames - done);
    const b = await readAt(fh, data.at + done * fmt.blockAlign, n * fmt.blockAlign);
    const got = Math.floor(b.length / fmt.blockAlign);
    if (got === 0) break;
    sink.push(deinterleave(b, fmt, got), fmt.sampleRate, got);
    done += got;
    ctx.onProgress?.((data.at + done * fmt.blockAlign) / size);
  }
  return {
    container: 'wav',
    codec: fmt.encoding === 'pcm' ? `PCM ${fmt.bits}-bit` : `float ${fmt.bits}-bit`,
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    bitsPerSample: fmt.bits,
    warnings,
  };
}
