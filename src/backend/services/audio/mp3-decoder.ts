/**
 * MP3 (MPEG-1/2/2.5 Layer I/II/III) through `mpg123-decoder`: libmpg123 compiled to WebAssembly,
 * from the maintained wasm-audio-decoders family. Pure wasm — no native build, loads the same in
 * Node, Electron and a browser; streaming, gapless (LAME/Xing header aware). Chosen over
 * hand-written or native decoders for that reason.
 */
import { MPEGDecoder } from 'mpg123-decoder';
import { AudioDecodeError } from './audio-errors';
import { withQuietDecoderLogs } from './quiet-console';
import { isMpegFrameHeader } from './sniff-audio';
import type { StreamDecoder } from './source-info';

const CHUNK = 256 * 1024;

export const decodeMp3: StreamDecoder = async (fh, size, offset, sink, ctx) => {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  let errors = 0;
  let firstError = '';
  let rate = 0;
  let channels = 0;
  let layer = 3;
  try {
    await withQuietDecoderLogs(async () => {
      const buf = Buffer.alloc(CHUNK);
      for (let pos = offset; pos < size;) {
        if (ctx.signal?.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
        const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
        if (bytesRead === 0) break;
        const chunk = buf.subarray(0, bytesRead);
        if (channels === 0) {
          for (let i = 0; i + 4 <= chunk.length; i++) {
            if (isMpegFrameHeader(chunk, i)) {
              channels = (chunk[i + 3] as number) >> 6 === 3 ? 1 : 2;
              layer = 4 - (((chunk[i + 1] as number) >> 1) & 3);
              break;
            }
          }
        }
        // decode() copies the input into wasm memory, so reusing `buf` next round is safe.
        const r = decoder.decode(chunk);
        if (r.errors.length > 0) {
          errors += r.errors.length;
          firstError ||= r.errors[0]?.message ?? '';
        }
        if (r.samplesDecoded > 0) {
          rate = r.sampleRate;
          sink.push(r.channelData, r.sampleRate, r.samplesDecoded);
        }
        pos += bytesRead;
        ctx.onProgress?.(pos / size);
      }
    });
  } finally {
    decoder.free();
  }
  const frames = sink.sourceFrames;
  if (frames === 0) {
    if (errors > 0)
      throw new AudioDecodeError(
        'corrupt',
        `${ctx.name} is a damaged MP3 file: no frame could be decoded (${firstError}).`,
      );
    throw new AudioDecodeError('no_audio', `${ctx.name} contains no audio: the MP3 file has no audio frames.`);
  }
  // A few bad frames in a long file are skipped; more failures than good frames means the file
  // is mostly garbage and a transcript of the remains would mislead.
  const samplesPerFrame = layer === 1 ? 384 : rate > 0 && rate < 32000 && layer === 3 ? 576 : 1152;
  const goodFrames = frames / samplesPerFrame;
  if (errors > 0 && errors >= goodFrames) {
    throw new AudioDecodeError(
      'corrupt',
      `${ctx.name} is a damaged MP3 file: ${errors} frames failed to decode (${firstError}).`,
    );
  }
  const warnings = errors > 0 ? [`${errors} damaged MP3 frame(s) were skipped`] : [];
  return {
    container: 'mp3',
    codec: `MPEG Layer ${'I'.repeat(Math.max(1, Math.min(3, layer)))}`,
    sampleRate: rate,
    channels: channels || 2,
    bitsPerSample: null,
    warnings,
  };
};
