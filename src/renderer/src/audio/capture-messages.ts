/** Messages between the capture AudioWorklet and the page (both sides import these types). */

export const CAPTURE_PROCESSOR = 'coach-capture';

/** Page → worklet. */
export type ToWorklet =
  /** Start (true) or stop (false) producing 16 kHz chunks; levels are always reported. */
  | { type: 'record'; on: boolean }
  /** Send what is buffered now (the partial last chunk), then answer `flushed`. */
  | { type: 'flush' };

/** Worklet → page. */
export type FromWorklet =
  | { type: 'level'; rms: number; peak: number; clipped: number; seconds: number }
  /** 16-bit mono PCM at 16 kHz (transferred buffer); `chunkSamples` long except the last. */
  | { type: 'chunk'; pcm: ArrayBuffer }
  | { type: 'flushed' };

export interface CaptureProcessorOptions {
  /** Samples per chunk at 16 kHz (4000 = 250 ms). */
  chunkSamples: number;
  targetRate: number;
}
