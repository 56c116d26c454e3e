/**
 * Microphone capture for the page: one MediaStream, one AudioContext at the device's rate, and
 * the capture worklet. The same Capture serves the level check before a take and the take itself,
 * so starting to record is instant and needs no second permission prompt.
 */
import { MAX_CHUNK_SAMPLES, RECORDING_SAMPLE_RATE } from '../../../core/practice/recording-limits';
import type { BlockLevel } from '../../../core/practice/signal';
import { toDb } from '../../../core/practice/signal';
import { CAPTURE_PROCESSOR, type CaptureProcessorOptions, type FromWorklet, type ToWorklet } from './capture-messages';
import workletUrl from './capture.worklet.ts?worker&url';
import { MicError, openMicrophone } from './microphone';

export interface CaptureEvents {
  onLevel(level: BlockLevel, seconds: number): void;
  onChunk(samples: Int16Array): void;
  /** The device went away (unplugged, disabled, or taken by the system). */
  onDeviceLost(): void;
}

export class Capture {
  private flushWaiters: (() => void)[] = [];
  private closed = false;

  private constructor(
    readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    private readonly source: MediaStreamAudioSourceNode,
    readonly deviceLabel: string,
    readonly deviceId: string | null,
    private events: CaptureEvents,
  ) {
    node.port.onmessage = (event: MessageEvent<FromWorklet>) => this.onMessage(event.data);
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', () => {
        if (!this.closed) this.events.onDeviceLost();
      });
    }
  }

  static async open(deviceId: string | null, events: CaptureEvents): Promise<Capture> {
    const stream = await openMicrophone(deviceId);
    let context: AudioContext | null = null;
    try {
      // No sampleRate: the context runs at the device's rate and the worklet resamples to 16 kHz.
      context = new AudioContext({ latencyHint: 'interactive' });
      await context.audioWorklet.addModule(workletUrl);
      const source = context.createMediaStreamSource(stream);
      const options: CaptureProcessorOptions = { chunkSamples: MAX_CHUNK_SAMPLES, targetRate: RECORDING_SAMPLE_RATE };
      const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        processorOptions: options,
      });
      source.connect(node);
      // The worklet writes silence; connecting it keeps the graph pulling it on every engine.
      node.connect(context.destination);
      if (context.state === 'suspended') await context.resume();
      const track = stream.getAudioTracks()[0];
      const settings = track?.getSettings();
      return new Capture(
        stream,
        context,
        node,
        source,
        track?.label ?? 'Microphone',
        settings?.deviceId ?? deviceId,
        events,
      );
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      await context?.close().catch(() => {});
      throw new MicError(
        'unknown',
        `The audio engine could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  get sampleRate(): number {
    return this.context.sampleRate;
  }

  setEvents(events: CaptureEvents): void {
    this.events = events;
  }

  private send(message: ToWorklet): void {
    this.node.port.postMessage(message);
  }

  private onMessage(message: FromWorklet): void {
    if (message.type === 'level') {
      this.events.onLevel(
        { rms: message.rms, rmsDb: toDb(message.rms), peak: message.peak, clipped: message.clipped, samples: 0 },
        message.seconds,
      );
    } else if (message.type === 'chunk') {
      this.events.onChunk(new Int16Array(message.pcm));
    } else if (message.type === 'flushed') {
      const waiters = this.flushWaiters;
      this.flushWaiters = [];
      for (const w of waiters) w();
    }
  }

  startRecording(): void {
    this.send({ type: 'record', on: true });
  }

  /** Stops producing chunks and delivers the partial last one before resolving. */
  async stopRecording(): Promise<void> {
    this.send({ type: 'record', on: false });
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.flushWaiters.push(resolve);
      this.send({ type: 'flush' });
      // A context that died with its device never answers; don't hang the stop.
      setTimeout(resolve, 1000);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.source.disconnect();
    this.node.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    await this.context.close().catch(() => {});
  }
}
