/**
 * Audio import: WAV, MP3 or FLAC file → 16 kHz mono Float32 (what Whisper takes), streaming the
 * file so long recordings never sit in memory at their source rate. The container is recognised
 * from its bytes, not the extension; anything else, a damaged file, or a file without audio gets
 * an AudioDecodeError naming the problem.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatClock } from '../../../core/time/clock';
import { AudioDecodeError } from './audio-errors';
import { decodeFlac } from './flac-decoder';
import { decodeMp3 } from './mp3-decoder';
import { PcmSink, TARGET_SAMPLE_RATE } from './pcm-sink';
import { sniffAudio } from './sniff-audio';
import type { SourceInfo } from './source-info';
import { decodeWav } from './wav-decoder';

export interface DecodedAudio16k {
  /** 16 kHz mono samples in [-1, 1]. */
  samples: Float32Array;
  sampleRate: typeof TARGET_SAMPLE_RATE;
  durationSec: number;
  source: SourceInfo & { durationSec: number; bytes: number };
  /** For the user, e.g. "MP3 (MPEG Layer III), 44100 Hz, stereo, 3:12". */
  description: string;
}

export interface DecodeAudioOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function channelWord(n: number): string {
  return n === 1 ? 'mono' : n === 2 ? 'stereo' : `${n} channels`;
}

export async function decodeAudioFile(file: string, options: DecodeAudioOptions = {}): Promise<DecodedAudio16k> {
  const name = path.basename(file);
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new AudioDecodeError('unsupported_format', `${name} is not a file.`);
    size = st.size;
  } catch (error) {
    if (error instanceof AudioDecodeError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AudioDecodeError('not_found', `Audio file not found: ${file}`);
    throw error;
  }
  if (size === 0) throw new AudioDecodeError('empty', `${name} is empty (0 bytes).`);

  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    await fh.read(head, 0, head.length, 0);
    const sniffed = sniffAudio(head);
    if (sniffed.kind === 'unsupported') {
      throw new AudioDecodeError(
        'unsupported_format',
        `${name} is ${sniffed.name}, which cannot be imported. Supported: WAV, MP3 and FLAC.`,
      );
    }
    const sink = new PcmSink();
    const ctx = { name, onProgress: options.onProgress, signal: options.signal };
    let info: SourceInfo;
    if (sniffed.container === 'wav') {
      if (size < 44)
        throw new AudioDecodeError(
          'corrupt',
          `${name} is a damaged WAV file: only ${size} bytes, shorter than a WAV header.`,
        );
      info = await decodeWav(fh, size, sink, ctx);
    } else if (sniffed.container === 'mp3') {
      info = await decodeMp3(fh, size, sniffed.offset, sink, ctx);
    } else {
      info = await decodeFlac(fh, size, sniffed.offset, sink, ctx);
    }
    const sourceFrames = sink.sourceFrames;
    const samples = sink.finish();
    const durationSec = samples.length / TARGET_SAMPLE_RATE;
    const sourceDuration = sourceFrames / info.sampleRate;
    const label =
      info.container === 'wav'
        ? `WAV (${info.codec})`
        : info.container === 'mp3'
          ? `MP3 (${info.codec})`
          : `FLAC (${info.bitsPerSample ?? '?'}-bit)`;
    return {
      samples,
      sampleRate: TARGET_SAMPLE_RATE,
      durationSec,
      source: { ...info, durationSec: sourceDuration, bytes: size },
      description: `${label}, ${info.sampleRate} Hz, ${channelWord(info.channels)}, ${formatClock(sourceDuration)}`,
    };
  } finally {
    await fh.close();
  }
}

/** Float [-1, 1] → 16-bit PCM with rounding and clipping. */
function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round((samples[i] as number) * 32767);
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return out;
}

/**
 * The shape the session importer (src/backend/services/imports) expects: 16 kHz mono 16-bit.
 * Wire it as `decode` of ImportService.
 */
export async function decodeAudioFileToPcm16(
  file: string,
): Promise<{ samples: Int16Array; format: string; description: string }> {
  const d = await decodeAudioFile(file);
  return { samples: floatToInt16(d.samples), format: d.source.container, description: d.description };
}
