/**
 * The capture AudioWorklet: runs on the audio thread, so capture never stutters when the page is
 * busy. It downmixes to mono, reports the input level every ~50 ms, and while recording turns the
 * device-rate signal into 16 kHz with the core's windowed-sinc resampler (a real anti-alias
 * filter, not sample dropping), posting 16-bit chunks of at most 250 ms to the page.
 */
import { CLIP_LEVEL } from '../../../core/practice/signal';
import type { CaptureProcessorOptions, FromWorklet, ToWorklet } from './capture-messages';
import { CAPTURE_PROCESSOR } from './capture-messages';
import { createStreamResampler, type StreamResampler } from './resampler';

// AudioWorkletGlobalScope names (TypeScript ships no lib for this scope); module-local.
declare const sampleRate: number;
declare function registerProcessor(
  name: string,
  ctor: new (options: { processorOptions: CaptureProcessorOptions }) => unknown,
): void;
declare const AudioWorkletProcessor: { prototype: object; new (): { readonly port: MessagePort } };

const LEVEL_INTERVAL_SEC = 0.05;

class CaptureProcessor extends AudioWorkletProcessor {
  private recording = false;
  private resampler: StreamResampler | null = null;
  private readonly chunkSamples: number;
  private readonly targetRate: number;
  private chunk: Int16Array;
  private filled = 0;
  private mono = new Float32Array(128);
  // Level accumulators (device rate).
  private sumSquares = 0;
  private peak = 0;
  private clipped = 0;
  private counted = 0;
  private readonly levelFrames = Math.max(1, Math.round(sampleRate * LEVEL_INTERVAL_SEC));

  constructor(options: { processorOptions: CaptureProcessorOptions }) {
    super();
    this.chunkSamples = options.processorOptions.chunkSamples;
    this.targetRate = options.processorOptions.targetRate;
    this.chunk = new Int16Array(this.chunkSamples);
    this.port.onmessage = (event: MessageEvent<ToWorklet>) => this.onMessage(event.data);
  }

  private post(message: FromWorklet, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  private onMessage(message: ToWorklet): void {
    if (message.type === 'record') {
      if (message.on && !this.recording) {
        // A fresh filter state per take: no audio from the level check leaks into the recording.
        this.resampler = createStreamResampler(sampleRate, this.targetRate);
        this.chunk = new Int16Array(this.chunkSamples);
        this.filled = 0;
      }
      this.recording = message.on;
    } else if (message.type === 'flush') {
      // The filter holds a few milliseconds of input; flushing emits them so the take is complete.
      if (!this.recording && this.resampler) {
        this.appendSamples(this.resampler.flush());
        this.resampler = null;
      }
      this.sendChunk();
      this.post({ type: 'flushed' });
    }
  }

  private sendChunk(): void {
    if (this.filled === 0) return;
    const out = this.filled === this.chunk.length ? this.chunk : this.chunk.slice(0, this.filled);
    this.post({ type: 'chunk', pcm: out.buffer as ArrayBuffer }, [out.buffer as ArrayBuffer]);
    this.chunk = new Int16Array(this.chunkSamples);
    this.filled = 0;
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    // Outputs stay silent: the node is connected only so the graph keeps pulling it.
    void outputs;
    const channels = inputs[0];
    const first = channels?.[0];
    if (!channels || !first) return true;
    const frames = first.length;
    if (this.mono.length !== frames) this.mono = new Float32Array(frames);
    const mono = this.mono;
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (const channel of channels) sum += channel[i] ?? 0;
      const x = sum / channels.length;
      mono[i] = x;
      const a = Math.abs(x);
      this.sumSquares += x * x;
      if (a > this.peak) this.peak = a;
      if (a >= CLIP_LEVEL) this.clipped++;
    }
    this.counted += frames;
    if (this.counted >= this.levelFrames) {
      this.post({
        type: 'level',
        rms: Math.sqrt(this.sumSquares / this.counted),
        peak: this.peak,
        clipped: this.clipped,
        seconds: this.counted / sampleRate,
      });
      this.sumSquares = 0;
      this.peak = 0;
      this.clipped = 0;
      this.counted = 0;
    }
    if (this.recording && this.resampler) this.appendSamples(this.resampler.process(mono));
    return true;
  }

  /** Converts to 16-bit and cuts into chunks of `chunkSamples`. */
  private appendSamples(resampled: Float32Array): void {
    for (let i = 0; i < resampled.length; i++) {
      const s = Math.max(-1, Math.min(1, resampled[i] ?? 0));
      this.chunk[this.filled++] = Math.round(s < 0 ? s * 32768 : s * 32767);
      if (this.filled === this.chunk.length) this.sendChunk();
    }
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
