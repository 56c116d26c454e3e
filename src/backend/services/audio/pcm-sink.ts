import { downmixToMono } from '../../../core/audio/downmix';
import { createResampler, type StreamResampler } from '../../../core/audio/resample';

export const TARGET_SAMPLE_RATE = 16000;

/**
 * Collects decoded blocks (any rate, any channel count) as 16 kHz mono Float32: downmix first
 * (cheaper: one channel to filter), then the windowed-sinc resampler from src/core/audio. A rate
 * change mid-stream (concatenated MP3s) flushes the old resampler and starts a new one.
 */
export class PcmSink {
  private resampler: StreamResampler | null = null;
  private readonly parts: Float32Array[] = [];
  private length = 0;
  /** Source frames received (per channel). */
  sourceFrames = 0;

  push(channels: readonly Float32Array[], sampleRate: number, frames?: number): void {
    const n = frames ?? channels[0]?.length ?? 0;
    if (n === 0) return;
    const mono = downmixToMono(channels.map((c) => (c.length === n ? c : c.subarray(0, n))));
    if (this.resampler && this.resampler.fromRate !== sampleRate) this.add(this.resampler.flush());
    if (!this.resampler || this.resampler.fromRate !== sampleRate)
      this.resampler = createResampler(sampleRate, TARGET_SAMPLE_RATE);
    this.sourceFrames += n;
    this.add(this.resampler.process(mono));
  }

  private add(block: Float32Array): void {
    if (block.length === 0) return;
    this.parts.push(block);
    this.length += block.length;
  }

  finish(): Float32Array {
    if (this.resampler) this.add(this.resampler.flush());
    this.resampler = null;
    const out = new Float32Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    this.parts.length = 0;
    return out;
  }
}
