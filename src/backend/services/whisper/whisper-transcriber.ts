import type { Transcript } from '../../../core/transcript/types';
import type { Transcriber, TranscriptionJobOptions, TranscriptionStream } from '../recording/transcriber-port';
import { decodeAudioFileToPcm16 } from '../audio/decode-audio';
import type { NativeVadOptions } from './addon-types';
import type { WorkerReady } from './protocol';
import type { WorkerSpawner } from './spawner';
import { StreamingTranscription, transcribePcm, type SpeechEngine, type StreamingOptions } from './streaming';
import {
  TranscriberHost,
  type HostEvent,
  type SpeechSpan,
  type TranscribeJobOptions,
  type TranscribeJobResult,
} from './transcriber-host';

/**
 * The app's transcription engine behind the recording/processing port (transcriber-port.ts): one
 * long-lived worker with the model loaded, shared by live streams and file jobs. The model is
 * resolved on each use (the user may change the default in Settings); a different file restarts
 * the worker with it.
 */
export interface ModelPaths {
  modelPath: string;
  vadModelPath: string;
}

export interface WhisperTranscriberOptions {
  /** Current model + VAD files; throw a CoachError('model_missing', …) when there is none. */
  resolveModels: () => Promise<ModelPaths>;
  /** child_process.fork by default; the Electron shell passes a utilityProcess spawner. */
  spawner?: WorkerSpawner;
  threads?: number;
  streaming?: Pick<StreamingOptions, 'language' | 'prompt' | 'temperatureInc' | 'vadIntervalSec' | 'cuts' | 'vad'>;
  onEvent?: (event: HostEvent) => void;
}

export class WhisperTranscriber implements Transcriber {
  private host: TranscriberHost | null = null;
  private hostKey = '';
  private switching: Promise<TranscriberHost> | null = null;

  constructor(private readonly options: WhisperTranscriberOptions) {}

  /** The running engine's build, CPU features and model load time (null before first use). */
  get engineInfo(): WorkerReady | null {
    return this.host?.info ?? null;
  }

  /** The host for the current model, (re)started if the model changed. */
  async engine(): Promise<TranscriberHost> {
    while (this.switching) await this.switching.catch(() => undefined);
    const paths = await this.options.resolveModels();
    const key = `${paths.modelPath}\n${paths.vadModelPath}`;
    if (this.host && this.hostKey === key) return this.host;
    this.switching = (async () => {
      const old = this.host;
      this.host = null;
      await old?.dispose();
      const host = new TranscriberHost({
        ...paths,
        spawner: this.options.spawner,
        threads: this.options.threads,
        onEvent: this.options.onEvent,
      });
      await host.start();
      this.host = host;
      this.hostKey = key;
      return host;
    })();
    try {
      return await this.switching;
    } finally {
      this.switching = null;
    }
  }

  /** A SpeechEngine that resolves the host lazily, so openStream() never blocks the recorder. */
  private lazyEngine(): SpeechEngine {
    return {
      detectSpeech: async (pcm: Int16Array, o?: NativeVadOptions): Promise<SpeechSpan[]> =>
        (await this.engine()).detectSpeech(pcm, o),
      transcribe: async (pcm: Int16Array, o?: TranscribeJobOptions): Promise<TranscribeJobResult> =>
        (await this.engine()).transcribe(pcm, o),
    };
  }

  openStream(options: { onPartial(transcript: Transcript): void }): TranscriptionStream {
    const session = new StreamingTranscription(this.lazyEngine(), {
      ...this.options.streaming,
      onPartial: options.onPartial,
    });
    // Start the worker now so the first utterance doesn't wait for the model to load.
    this.engine().catch(() => undefined);
    return {
      push: (samples) => session.push(samples),
      finish: async (job: TranscriptionJobOptions) =>
        (await session.stop({ signal: job.signal, onProgress: job.onProgress })).transcript,
      cancel: () => session.cancel(),
    };
  }

  async transcribeFile(wavFile: string, job: TranscriptionJobOptions): Promise<Transcript> {
    const audio = await decodeAudioFileToPcm16(wavFile);
    const result = await transcribePcm(this.lazyEngine(), audio.samples, {
      ...this.options.streaming,
      signal: job.signal,
      onProgress: job.onProgress,
    });
    return result.transcript;
  }

  async dispose(): Promise<void> {
    while (this.switching) await this.switching.catch(() => undefined);
    await this.host?.dispose();
    this.host = null;
  }
}
