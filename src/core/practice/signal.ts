/**
 * Input-signal measures for the recording screen and the back end: block levels, the "silent"
 * and "clipping" warnings, and a cheap energy-based speech check used to say "no speech
 * detected" before any transcription is attempted. Pure: fed with samples, returns numbers.
 */

/** dBFS reported for digital silence (log of 0). */
const FLOOR_DB = -100;
/** A sample at or above this magnitude (full scale 1.0) counts as clipped. */
export const CLIP_LEVEL = 0.99;

export interface BlockLevel {
  /** Root mean square in full-scale units (0..1). */
  rms: number;
  rmsDb: number;
  /** Largest magnitude in the block (0..1). */
  peak: number;
  /** Samples at or above CLIP_LEVEL. */
  clipped: number;
  samples: number;
}

export function toDb(amplitude: number): number {
  return amplitude <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20 * Math.log10(amplitude));
}

/** Level of a block of float samples (-1..1) or 16-bit integer samples. */
export function measureLevel(samples: Float32Array | Int16Array): BlockLevel {
  const scale = samples instanceof Int16Array ? 1 / 32768 : 1;
  let sum = 0;
  let peak = 0;
  let clipped = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = (samples[i] ?? 0) * scale;
    const a = Math.abs(x);
    sum += x * x;
    if (a > peak) peak = a;
    if (a >= CLIP_LEVEL) clipped++;
  }
  const rms = samples.length > 0 ? Math.sqrt(sum / samples.length) : 0;
  return { rms, rmsDb: toDb(rms), peak, clipped, samples: samples.length };
}

/**
 * Meter position 0..1 for a level in dBFS: -60 dB and below is empty, 0 dB is full. Speech at a
 * sensible distance lands around the middle.
 */
export function meterFraction(db: number, floorDb = -60): number {
  if (!Number.isFinite(db) || db <= floorDb) return 0;
  return Math.min(1, (db - floorDb) / -floorDb);
}

export interface SignalWarnings {
  /** Nothing above the silence threshold for `silentAfterSec`. */
  silent: boolean;
  /** Clipped samples seen within the last `clipHoldSec`. */
  clipping: boolean;
}

export interface SignalWatchOptions {
  /** Below this the input counts as silent (a live microphone's room noise sits above it). */
  silenceDb?: number;
  silentAfterSec?: number;
  /** Clipped samples needed within one block to count as clipping (one stray sample is fine). */
  clipSamples?: number;
  clipHoldSec?: number;
}

/**
 * Decides the recording screen's warnings from successive block levels. "Silent" needs several
 * seconds of near-digital silence (a muted or dead microphone), so normal pauses never trigger
 * it; "clipping" holds for a moment after the last clipped block so the warning is readable.
 */
export class SignalWatch {
  private readonly silenceDb: number;
  private readonly silentAfterSec: number;
  private readonly clipSamples: number;
  private readonly clipHoldSec: number;
  private quietSec = 0;
  private sinceClipSec = Number.POSITIVE_INFINITY;

  constructor(options: SignalWatchOptions = {}) {
    this.silenceDb = options.silenceDb ?? -65;
    this.silentAfterSec = options.silentAfterSec ?? 3;
    this.clipSamples = options.clipSamples ?? 3;
    this.clipHoldSec = options.clipHoldSec ?? 1.5;
  }

  /** Feed one block (its level and its length in seconds); returns the current warnings. */
  feed(level: BlockLevel, seconds: number): SignalWarnings {
    if (level.rmsDb < this.silenceDb) this.quietSec += seconds;
    else this.quietSec = 0;
    if (level.clipped >= this.clipSamples) this.sinceClipSec = 0;
    else this.sinceClipSec += seconds;
    return this.current();
  }

  current(): SignalWarnings {
    // The epsilon absorbs float drift from summing block lengths (60 × 0.05 s is 2.9999…).
    return { silent: this.quietSec >= this.silentAfterSec - 1e-9, clipping: this.sinceClipSec <= this.clipHoldSec };
  }

  reset(): void {
    this.quietSec = 0;
    this.sinceClipSec = Number.POSITIVE_INFINITY;
  }
}

/**
 * Energy-based speech estimate over a whole recording, fed incrementally (constant memory).
 * Frames of 20 ms are binned by level; the noise floor is a low percentile of those levels and
 * a frame counts as voiced when it is clearly above both the floor and an absolute threshold.
 * Stationary noise (a fan, room tone) stays near the floor, so it does not count as speech.
 */
export class SpeechActivity {
  private readonly frameSamples: number;
  private readonly histogram = new Uint32Array(101); // 1-dB bins, -100..0 dBFS
  private frames = 0;
  private partialSum = 0;
  private partialCount = 0;

  constructor(readonly sampleRate: number) {
    this.frameSamples = Math.max(1, Math.round(sampleRate * 0.02));
  }

  push(samples: Int16Array): void {
    for (let i = 0; i < samples.length; i++) {
      const x = (samples[i] ?? 0) / 32768;
      this.partialSum += x * x;
      this.partialCount++;
      if (this.partialCount === this.frameSamples) {
        const db = toDb(Math.sqrt(this.partialSum / this.partialCount));
        this.histogram[Math.min(100, Math.max(0, Math.round(db) + 100))]! += 1;
        this.frames++;
        this.partialSum = 0;
        this.partialCount = 0;
      }
    }
  }

  /** Level (dBFS) below which `fraction` of the frames lie. */
  percentileDb(fraction: number): number {
    if (this.frames === 0) return FLOOR_DB;
    const target = Math.max(1, Math.ceil(this.frames * fraction));
    let seen = 0;
    for (let bin = 0; bin < this.histogram.length; bin++) {
      seen += this.histogram[bin] ?? 0;
      if (seen >= target) return bin - 100;
    }
    return 0;
  }

  /** Seconds of frames that look like speech. */
  voicedSeconds(options: { minDb?: number; aboveFloorDb?: number } = {}): number {
    const minDb = options.minDb ?? -50;
    const threshold = Math.max(minDb, this.percentileDb(0.1) + (options.aboveFloorDb ?? 15));
    let voiced = 0;
    for (let bin = 0; bin < this.histogram.length; bin++) {
      if (bin - 100 >= threshold) voiced += this.histogram[bin] ?? 0;
    }
    return (voiced * this.frameSamples) / this.sampleRate;
  }

  totalSeconds(): number {
    return (this.frames * this.frameSamples + this.partialCount) / this.sampleRate;
  }
}

/** Minimum voiced time for a recording to be worth transcribing. */
export const MIN_SPEECH_SECONDS = 0.5;
