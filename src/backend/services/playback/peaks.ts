/**
 * Waveform peaks computed in the back end, so the renderer draws a 30-minute recording without
 * decoding 30 minutes of audio in the page (wavesurfer.js accepts precomputed peaks + duration
 * and then only streams the media element for playback).
 */
import type { FileHandle } from 'node:fs/promises';
import type { WavInfo } from './wav-info';

/** Peaks per second of audio, capped so long sessions stay a small message. */
const PEAKS_PER_SECOND = 50;
const MAX_PEAKS = 12_000;

export function peakCount(durationSec: number): number {
  return Math.max(1, Math.min(MAX_PEAKS, Math.ceil(durationSec * PEAKS_PER_SECOND)));
}

/** Reads one sample (channel 0) as a float in [-1, 1]; null when the format is not supported. */
function sampleReader(info: WavInfo): ((buf: Buffer, at: number) => number) | null {
  if (info.audioFormat === 1 && info.bitsPerSample === 16) return (b, at) => b.readInt16LE(at) / 32768;
  if (info.audioFormat === 1 && info.bitsPerSample === 24) return (b, at) => b.readIntLE(at, 3) / 8388608;
  if (info.audioFormat === 1 && info.bitsPerSample === 32) return (b, at) => b.readInt32LE(at) / 2147483648;
  if (info.audioFormat === 1 && info.bitsPerSample === 8) return (b, at) => (b.readUInt8(at) - 128) / 128;
  if (info.audioFormat === 3 && info.bitsPerSample === 32) return (b, at) => b.readFloatLE(at);
  return null;
}

/**
 * Max absolute amplitude per bucket (what wavesurfer draws), rounded to 3 decimals. Reads the file
 * in 1 MiB blocks: memory stays flat whatever the length. Returns null for sample formats the
 * reader does not know (the renderer then lets the browser decode the audio itself).
 */
export async function computePeaks(
  handle: FileHandle,
  info: WavInfo,
  count = peakCount(info.durationSec),
): Promise<number[] | null> {
  const read = sampleReader(info);
  if (!read) return null;
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const frames = Math.floor(info.dataBytes / frameBytes);
  const peaks = new Array<number>(count).fill(0);
  if (frames === 0) return peaks;
  const framesPerBlock = Math.max(1, Math.floor((1 << 20) / frameBytes));
  const buffer = Buffer.alloc(framesPerBlock * frameBytes);
  for (let frame = 0; frame < frames; frame += framesPerBlock) {
    const n = Math.min(framesPerBlock, frames - frame);
    const { bytesRead } = await handle.read(buffer, 0, n * frameBytes, info.dataOffset + frame * frameBytes);
    const got = Math.floor(bytesRead / frameBytes);
    for (let i = 0; i < got; i++) {
      const value = Math.abs(read(buffer, i * frameBytes));
      const bucket = Math.min(count - 1, Math.floor(((frame + i) * count) / frames));
      if (value > (peaks[bucket] ?? 0)) peaks[bucket] = value;
    }
    if (got < n) break;
  }
  return peaks.map((p) => Math.round(Math.min(1, p) * 1000) / 1000);
}
