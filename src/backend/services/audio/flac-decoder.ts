/**
 * FLAC through `@wasm-audio-decoders/flac`: libFLAC compiled to WebAssembly, same maintained family
 * as the MP3 decoder (pure wasm, streaming, all bit depths and rates). STREAMINFO is parsed here
 * to describe the file, to tell "no audio" from "damaged", and to know how many samples to expect:
 * the library's frame splitter drops the last frame of about one file in 250 (when its last data
 * byte is 0xFF, the search for a next frame runs past the end while flushing), and
 * `recoverLastFrame` decodes what it left.
 */
import type { FileHandle } from 'node:fs/promises';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { AudioDecodeError } from './audio-errors';
import { withQuietDecoderLogs } from './quiet-console';
import type { StreamDecoder } from './source-info';

const CHUNK = 256 * 1024;
/** Far enough back to hold any frame this decoder's splitter accepts (512 KiB). */
const TAIL_WINDOW = 512 * 1024;
/** The most samples one FLAC frame holds: more missing than this is a cut file, not one lost frame. */
const MAX_BLOCK_SIZE = 65535;

interface FlacStreamInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 0 = unknown (allowed by the format for streamed encodes). */
  totalSamples: number;
}

/** Parse STREAMINFO, the mandatory first metadata block after "fLaC". */
function parseFlacStreamInfo(b: Uint8Array): FlacStreamInfo | undefined {
  if (b.length < 8 + 34) return undefined;
  if (((b[4] as number) & 0x7f) !== 0) return undefined; // first block must be STREAMINFO
  const s = 8;
  const sampleRate = ((b[s + 10] as number) << 12) | ((b[s + 11] as number) << 4) | ((b[s + 12] as number) >> 4);
  const channels = (((b[s + 12] as number) >> 1) & 7) + 1;
  const bitsPerSample = ((((b[s + 12] as number) & 1) << 4) | ((b[s + 13] as number) >> 4)) + 1;
  const totalSamples =
    ((b[s + 13] as number) & 0x0f) * 2 ** 32 +
    (((b[s + 14] as number) << 24) >>> 0) +
    ((b[s + 15] as number) << 16) +
    ((b[s + 16] as number) << 8) +
    (b[s + 17] as number);
  return { sampleRate, channels, bitsPerSample, totalSamples };
}

type Decoded = Awaited<ReturnType<FLACDecoder['decodeFrames']>>;

/**
 * The bytes after the last frame the splitter returned are the frame it dropped: the latest frame
 * sync from which the rest of the file decodes cleanly (libFLAC checks both CRCs) to exactly the
 * samples STREAMINFO still promises. A damaged or truncated end matches nothing and is left as it
 * was, so the "shorter than its header says" warning still tells the user.
 */
async function recoverLastFrame(
  fh: FileHandle,
  offset: number,
  size: number,
  missing: number,
  decoder: FLACDecoder,
): Promise<Decoded | null> {
  const start = Math.max(offset, size - TAIL_WINDOW);
  const tail = Buffer.alloc(size - start);
  const { bytesRead } = await fh.read(tail, 0, tail.length, start);
  for (let at = bytesRead - 2; at >= 0; at--) {
    if (tail[at] !== 0xff || ((tail[at + 1] as number) & 0xfe) !== 0xf8) continue;
    const decoded = await decoder.decodeFrames([tail.subarray(at, bytesRead)]);
    await decoder.reset();
    if (decoded.errors.length === 0 && decoded.samplesDecoded === missing) return decoded;
    // From an earlier frame on, more than the missing samples come out: the end is damaged.
    if (decoded.samplesDecoded > missing) return null;
  }
  return null;
}

export const decodeFlac: StreamDecoder = async (fh, size, offset, sink, ctx) => {
  const head = Buffer.alloc(64);
  await fh.read(head, 0, 64, offset);
  const info = parseFlacStreamInfo(head);
  if (!info || info.sampleRate === 0)
    throw new AudioDecodeError(
      'corrupt',
      `${ctx.name} is a damaged FLAC file: its STREAMINFO header is missing or invalid.`,
    );

  const decoder = new FLACDecoder();
  await decoder.ready;
  let errors = 0;
  let firstError = '';
  const take = (r: {
    channelData: Float32Array[];
    samplesDecoded: number;
    sampleRate: number;
    errors: { message: string }[];
  }): void => {
    if (r.errors.length > 0) {
      errors += r.errors.length;
      firstError ||= r.errors[0]?.message ?? '';
    }
    if (r.samplesDecoded > 0) sink.push(r.channelData, r.sampleRate, r.samplesDecoded);
  };
  try {
    await withQuietDecoderLogs(async () => {
      for (let pos = offset; pos < size;) {
        if (ctx.signal?.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
        const buf = Buffer.alloc(Math.min(CHUNK, size - pos));
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) break;
        take(await decoder.decode(buf.subarray(0, bytesRead)));
        pos += bytesRead;
        ctx.onProgress?.(pos / size);
      }
      take(await decoder.flush());
      const missing = info.totalSamples - sink.sourceFrames;
      const lostOneFrame = missing > 0 && missing <= MAX_BLOCK_SIZE && errors === 0;
      const last = lostOneFrame ? await recoverLastFrame(fh, offset, size, missing, decoder) : null;
      if (last) take(last);
    });
  } finally {
    decoder.free();
  }
  if (sink.sourceFrames === 0) {
    if (info.totalSamples === 0 && errors === 0)
      throw new AudioDecodeError('no_audio', `${ctx.name} contains no audio (the FLAC stream has 0 samples).`);
    throw new AudioDecodeError(
      'corrupt',
      `${ctx.name} is a damaged FLAC file: no frame could be decoded${firstError ? ` (${firstError})` : ''}.`,
    );
  }
  const warnings: string[] = [];
  if (errors > 0) warnings.push(`${errors} damaged FLAC frame(s) were skipped`);
  if (info.totalSamples > 0 && sink.sourceFrames < info.totalSamples * 0.99) {
    warnings.push(
      `the file is shorter than its header says (${sink.sourceFrames} of ${info.totalSamples} samples); decoded what is there`,
    );
  }
  return {
    container: 'flac',
    codec: `FLAC ${info.bitsPerSample}-bit`,
    sampleRate: info.sampleRate,
    channels: info.channels,
    bitsPerSample: info.bitsPerSample,
    warnings,
  };
};
