/**
 * Numbers the renderer (capture) and the back end (WAV writer) must agree on. Whisper wants
 * 16 kHz mono; chunks are short so a crash loses at most a quarter of a second.
 */
export const RECORDING_SAMPLE_RATE = 16_000;
const MAX_CHUNK_MS = 250;
export const MAX_CHUNK_SAMPLES = (RECORDING_SAMPLE_RATE * MAX_CHUNK_MS) / 1000;
/** 16-bit little-endian PCM. */
const BYTES_PER_SAMPLE = 2;
export const MAX_CHUNK_BYTES = MAX_CHUNK_SAMPLES * BYTES_PER_SAMPLE;

/** Longest recording the back end accepts, whatever the target (about 115 MB of audio). */
const ABSOLUTE_CAP_SEC = 60 * 60;

/**
 * Hard cap for one take: reaching the target only gives a gentle signal, recording goes on, but
 * a forgotten recording must not fill the disk. Twice the target, at least two minutes of
 * overtime, never past the absolute cap.
 */
export function hardCapSeconds(targetSec: number): number {
  return Math.min(ABSOLUTE_CAP_SEC, Math.max(targetSec * 2, targetSec + 120));
}

// The recording handler still imports the clock from here.
export { formatClock } from '../time/clock';
