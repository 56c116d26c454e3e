/**
 * The native interface of an @fugood/whisper.node 1.1.3 binary (index.node), as declared in the
 * package's lib/binding.ts. We load the .node file directly (load-addon.ts), not through the
 * package's JS entry, so we declare what we use here. Times: transcription t0/t1 are
 * milliseconds; VAD t0/t1 are centiseconds.
 */
interface NativeTranscribeOptions {
  language?: string;
  translate?: boolean;
  maxThreads?: number;
  maxContext?: number;
  /** Max characters per segment; 1 with tokenTimestamps gives one segment per token. */
  maxLen?: number;
  tokenTimestamps?: boolean;
  wordThold?: number;
  offset?: number;
  duration?: number;
  temperature?: number;
  temperatureInc?: number;
  beamSize?: number;
  bestOf?: number;
  prompt?: string;
  onProgress?: (progress: number) => void;
  onNewSegments?: (result: NativeNewSegments) => void;
}

export interface NativeSegment {
  text: string;
  /** milliseconds */
  t0: number;
  /** milliseconds */
  t1: number;
}

interface NativeNewSegments {
  nNew: number;
  totalNNew: number;
  result: string;
  segments: NativeSegment[];
}

export interface NativeTranscribeResult {
  language?: string;
  result: string;
  segments: NativeSegment[];
  isAborted: boolean;
}

export interface NativeJob {
  stop: () => Promise<void>;
  promise: Promise<NativeTranscribeResult>;
}

export interface NativeBenchResult {
  config: string;
  nThreads: number;
  encodeMs: number;
  decodeMs: number;
  batchdMs: number;
  promptMs: number;
}

export interface NativeWhisperContext {
  transcribeFile(filePath: string, options?: NativeTranscribeOptions): NativeJob;
  /** 16-bit little-endian mono PCM at 16 kHz. */
  transcribeData(pcm16: ArrayBuffer, options?: NativeTranscribeOptions): NativeJob;
  bench(nThreads: number): Promise<NativeBenchResult>;
  release(): Promise<void>;
  getModelInfo(): object;
}

export interface NativeVadOptions {
  threshold?: number;
  minSpeechDurationMs?: number;
  minSilenceDurationMs?: number;
  maxSpeechDurationS?: number;
  speechPadMs?: number;
  samplesOverlap?: number;
}

export interface NativeVadSegment {
  /** centiseconds */
  t0: number;
  /** centiseconds */
  t1: number;
}

export interface NativeVadContext {
  /** 16-bit little-endian mono PCM at 16 kHz. */
  detectSpeechData(pcm16: ArrayBuffer, options?: NativeVadOptions): Promise<NativeVadSegment[]>;
  release(): Promise<void>;
}

export interface WhisperAddon {
  WhisperContext: new (options: { filePath: string; useGpu?: boolean; useFlashAttn?: boolean }) => NativeWhisperContext;
  WhisperVadContext: new (options: { filePath: string; useGpu?: boolean; nThreads?: number }) => NativeVadContext;
  /** Only in our native build (scripts/whisper-native/wn_system_info.cpp). */
  systemInfo?: () => string;
}
