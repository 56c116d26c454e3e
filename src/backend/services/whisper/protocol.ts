import type {
  NativeBenchResult,
  NativeSegment,
  NativeTranscribeResult,
  NativeVadOptions,
  NativeVadSegment,
} from './addon-types';
import type { WhisperBuildKind } from './load-addon';

/**
 * Messages between the transcriber host (app process) and its worker process. Sent with
 * structured clone (fork `serialization: 'advanced'`, or Electron utilityProcess postMessage), so
 * Int16Array audio travels as-is. Audio is always a COPY: the caller keeps its samples, which is
 * how a job survives a worker crash (the host re-sends it to the restarted worker).
 */
interface WorkerTranscribeOptions {
  language: string;
  threads: number;
  prompt?: string;
  /** Word times: split output into one segment per token (maxLen 1 + token timestamps). */
  tokenTimestamps: boolean;
  /** 0 disables whisper's temperature fallback (re-decoding when output looks unlikely). */
  temperatureInc?: number;
}

export type HostToWorker =
  | { type: 'init'; modelPath: string; vadModelPath?: string; threads: number; flashAttn: boolean }
  | { type: 'transcribe'; jobId: number; pcm: Int16Array; options: WorkerTranscribeOptions }
  | { type: 'vad'; jobId: number; pcm: Int16Array; options: NativeVadOptions }
  | { type: 'bench'; jobId: number; threads: number }
  | { type: 'cancel'; jobId: number }
  | { type: 'release' };

export interface WorkerReady {
  type: 'ready';
  build: WhisperBuildKind;
  file: string;
  systemInfo: string | null;
  fallbackReason: string;
  modelLoadMs: number;
  vadLoaded: boolean;
  pid: number;
}

export type WorkerToHost =
  | WorkerReady
  | { type: 'init-error'; message: string; log: string[] }
  | { type: 'progress'; jobId: number; percent: number }
  | { type: 'segments'; jobId: number; segments: NativeSegment[] }
  | { type: 'result'; jobId: number; result: NativeTranscribeResult; elapsedMs: number }
  | { type: 'vad-result'; jobId: number; segments: NativeVadSegment[]; elapsedMs: number }
  | { type: 'bench-result'; jobId: number; result: NativeBenchResult }
  | { type: 'error'; jobId: number; message: string; cancelled: boolean }
  | { type: 'released' };
