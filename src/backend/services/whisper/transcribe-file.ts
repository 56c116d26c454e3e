import { decodeAudioFileToPcm16 } from '../audio/decode-audio';
import { DEFAULT_FILLER_PROMPT, SAMPLE_RATE } from './defaults';
import type { WorkerReady } from './protocol';
import type { WorkerSpawner } from './spawner';
import { transcribePcm, type StreamingResult } from './streaming';
import { TranscriberHost } from './transcriber-host';

/**
 * One-shot transcription of an audio file (CLI, analyze): decode (WAV/MP3/FLAC → 16 kHz mono),
 * start a worker, run the batch path (VAD cuts → Whisper → filters), stop the worker.
 * The app keeps a long-lived TranscriberHost instead (whisper-transcriber.ts).
 */
export interface TranscribeFileOptions {
  modelPath: string;
  vadModelPath: string;
  threads?: number;
  language?: string;
  prompt?: string;
  spawner?: WorkerSpawner;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** One-line status messages (which build is loaded, decode done…). */
  onStatus?: (line: string) => void;
}

export interface TranscribeFileResult extends StreamingResult {
  engine: WorkerReady;
  audioDescription: string;
  decodeMs: number;
  transcribeMs: number;
}

export async function transcribeAudioFile(file: string, options: TranscribeFileOptions): Promise<TranscribeFileResult> {
  const t0 = performance.now();
  const audio = await decodeAudioFileToPcm16(file);
  const decodeMs = performance.now() - t0;
  options.onStatus?.(`Audio: ${audio.description}`);
  const host = new TranscriberHost({
    modelPath: options.modelPath,
    vadModelPath: options.vadModelPath,
    threads: options.threads,
    spawner: options.spawner,
  });
  try {
    const engine = await host.start();
    options.onStatus?.(
      `Whisper: ${engine.build === 'native' ? 'native build' : 'prebuilt binary'}${engine.systemInfo ? ` (${engine.systemInfo.replace(/\s*\|\s*$/, '')})` : ''}${engine.fallbackReason ? ` — ${engine.fallbackReason}` : ''}`,
    );
    const t1 = performance.now();
    const result = await transcribePcm(host, audio.samples, {
      prompt: options.prompt ?? DEFAULT_FILLER_PROMPT,
      ...(options.language ? { language: options.language } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const transcribeMs = performance.now() - t1;
    options.onStatus?.(
      `Transcribed ${(audio.samples.length / SAMPLE_RATE).toFixed(1)} s in ${(transcribeMs / 1000).toFixed(1)} s (${result.utterances.length} utterances)`,
    );
    return { ...result, engine, audioDescription: audio.description, decodeMs, transcribeMs };
  } finally {
    await host.dispose();
  }
}
