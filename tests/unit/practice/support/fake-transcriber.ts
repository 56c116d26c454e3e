import type { Transcript } from '../../../../src/core/transcript/types';
import type {
  TranscriptionJobOptions,
  TranscriptionStream,
  Transcriber,
} from '../../../../src/backend/services/recording/transcriber-port';

/**
 * A transcriber test double that records what it was fed and answers with a given transcript,
 * so recording and processing can be tested without Whisper weights.
 */
export class FakeTranscriber implements Transcriber {
  readonly streams: FakeStream[] = [];
  readonly files: string[] = [];
  streamingAvailable = true;

  constructor(public answer: (samples: number) => Transcript) {}

  openStream(options: { onPartial(t: Transcript): void }): TranscriptionStream {
    if (!this.streamingAvailable) throw new Error('no model');
    const stream = new FakeStream(this, options.onPartial);
    this.streams.push(stream);
    return stream;
  }

  async transcribeFile(wavFile: string, options: TranscriptionJobOptions): Promise<Transcript> {
    this.files.push(wavFile);
    return runJob(options, () => this.answer(-1));
  }
}

export class FakeStream implements TranscriptionStream {
  samples = 0;
  cancelled = false;
  finished = false;
  constructor(
    private readonly owner: FakeTranscriber,
    private readonly onPartial: (t: Transcript) => void,
  ) {}

  push(samples: Int16Array): void {
    this.samples += samples.length;
    this.onPartial(this.owner.answer(this.samples));
  }

  async finish(options: TranscriptionJobOptions): Promise<Transcript> {
    this.finished = true;
    return runJob(options, () => this.owner.answer(this.samples));
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/** Reports progress in steps and honours the abort signal, like a real engine job. */
async function runJob(options: TranscriptionJobOptions, result: () => Transcript, steps = 4): Promise<Transcript> {
  for (let i = 1; i <= steps; i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (options.signal.aborted) throw new Error('aborted by the caller');
    options.onProgress(i / steps);
  }
  return result();
}

/** A tone-burst "speech" signal: 16 kHz samples alternating loud and quiet every 200 ms. */
export function speechLike(samples: number, start = 0): Int16Array {
  const out = new Int16Array(samples);
  for (let i = 0; i < samples; i++) {
    const t = (start + i) / 16000;
    const on = Math.floor(t / 0.2) % 2 === 0;
    out[i] = Math.round((on ? 8000 : 60) * Math.sin(2 * Math.PI * 220 * t));
  }
  return out;
}

export function bytesOf(samples: Int16Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}
