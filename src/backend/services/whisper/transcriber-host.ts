import type { NativeBenchResult, NativeSegment, NativeTranscribeResult, NativeVadOptions } from './addon-types';
import { DEFAULT_LANGUAGE, SAMPLE_RATE, defaultThreads } from './defaults';
import { EngineCrashedError, ModelLoadError, TranscriptionCancelledError } from './errors';
import type { HostToWorker, WorkerReady, WorkerToHost } from './protocol';
import type { ModelKind } from '../models/catalog';
import { assertModelKind } from '../models/ggml-validate';
import { isModelValidationError } from '../models/model-errors';
import { forkSpawner, type WorkerProcess, type WorkerSpawner } from './spawner';

/**
 * Runs Whisper in its own process and keeps the model loaded between jobs.
 *
 * - Transcriptions are queued and run one at a time (whisper.cpp's context is single-job); VAD
 *   requests go straight through (own context in the worker).
 * - Crash: the running job fails with EngineCrashedError, the worker is restarted, queued jobs go
 *   on. Jobs carry a copy of their audio, so the caller still has every sample to retry with.
 *   More than `maxRestarts` crashes within `restartWindowMs` stops the automatic restarts (a model
 *   that crashes on load would otherwise loop); the next request tries again.
 * - Cancel: an AbortSignal per job; a queued job never starts, a running one is stopped by
 *   whisper.cpp's abort callback (native build); the prebuilt ignores it, so the worker is ended after
 *   1.5 s and restarted (the model reloads in well under a second).
 */
export interface TranscriberHostOptions {
  modelPath: string;
  vadModelPath?: string;
  threads?: number;
  /**
   * Flash attention in the encoder/decoder (default true, like whisper.cpp's own tools; the
   * whisper.node binding turns it off unless asked).
   */
  flashAttn?: boolean;
  spawner?: WorkerSpawner;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Diagnostics (crash, restart); default: none. */
  onEvent?: (event: HostEvent) => void;
}

export type HostEvent =
  | { type: 'ready'; info: WorkerReady }
  | { type: 'crash'; detail: string; willRestart: boolean }
  | { type: 'restart'; count: number };

export interface TranscribeJobOptions {
  language?: string;
  prompt?: string;
  /** Word-level times (default true). */
  tokenTimestamps?: boolean;
  temperatureInc?: number;
  /** 0..1, smooth: driven by each new segment's end time, not only by 30-s windows. */
  onProgress?: (fraction: number) => void;
  /** Each batch of new segments as whisper.cpp emits them (times in ms from the job's start). */
  onSegments?: (segments: NativeSegment[]) => void;
  signal?: AbortSignal;
}

export interface TranscribeJobResult {
  result: NativeTranscribeResult;
  elapsedMs: number;
  durationSec: number;
}

/** Speech span in seconds from the start of the audio given. */
export interface SpeechSpan {
  start: number;
  end: number;
}

interface QueuedJob {
  id: number;
  pcm: Int16Array;
  options: TranscribeJobOptions;
  resolve: (r: TranscribeJobResult) => void;
  reject: (e: Error) => void;
  progress: number;
  cancelTimer?: NodeJS.Timeout;
  detachAbort?: () => void;
}

interface Pending {
  resolve: (m: WorkerToHost) => void;
  reject: (e: Error) => void;
}

/** The native build aborts inside whisper.cpp at once; the prebuilt only stops when its process ends. */
const CANCEL_GRACE_MS = 1500;

export class TranscriberHost {
  private readonly spawner: WorkerSpawner;
  private readonly threads: number;
  private worker: WorkerProcess | null = null;
  private ready: Promise<WorkerReady> | null = null;
  private readyInfo: WorkerReady | null = null;
  private readonly queue: QueuedJob[] = [];
  private active: QueuedJob | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashTimes: number[] = [];
  private restartCount = 0;
  private disposed = false;
  private releasing = false;
  /** A worker we ended on purpose (cancel of a job the prebuilt can't abort): not a crash. */
  private killedForCancel: WorkerProcess | null = null;

  constructor(private readonly options: TranscriberHostOptions) {
    this.spawner = options.spawner ?? forkSpawner();
    this.threads = options.threads ?? defaultThreads();
  }

  /** Build, CPU features and load time of the running worker (null before start). */
  get info(): WorkerReady | null {
    return this.readyInfo;
  }

  get restarts(): number {
    return this.restartCount;
  }

  get workerPid(): number | undefined {
    return this.worker?.pid;
  }

  /** Spawns the worker and loads the model (idempotent). Rejects with ModelLoadError on a bad model. */
  start(): Promise<WorkerReady> {
    if (this.disposed) return Promise.reject(new Error('transcriber host was disposed'));
    if (this.ready) return this.ready;
    const ready = this.checkModels().then(() => this.load());
    this.ready = ready;
    ready.catch((error: unknown) => {
      if (this.ready === ready && this.worker === null) {
        this.ready = null;
        this.failQueued(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return ready;
  }

  /** whisper.cpp aborts its process on a file of the wrong kind: the header is read first. */
  private async checkModels(): Promise<void> {
    const check = async (file: string, kind: ModelKind, what: string) => {
      try {
        await assertModelKind(file, kind);
      } catch (error) {
        if (isModelValidationError(error)) throw new ModelLoadError(`Could not load the ${what}: ${error.message}`);
        throw error;
      }
    };
    await check(this.options.modelPath, 'whisper', 'speech model');
    if (this.options.vadModelPath) await check(this.options.vadModelPath, 'vad', 'voice-activity (VAD) model');
  }

  private load(): Promise<WorkerReady> {
    if (this.disposed) return Promise.reject(new Error('transcriber host was disposed'));
    const worker = this.spawner();
    this.worker = worker;
    let loaded = false;
    const loading = new Promise<WorkerReady>((resolve, reject) => {
      worker.onMessage((m) => {
        if (m.type === 'ready') {
          loaded = true;
          this.readyInfo = m;
          this.options.onEvent?.({ type: 'ready', info: m });
          resolve(m);
          this.pump();
        } else if (m.type === 'init-error') {
          const tail = m.log
            .filter((l) => l.trim())
            .slice(-3)
            .join(' | ');
          reject(new ModelLoadError(`Could not load the speech model: ${m.message}${tail ? ` (${tail})` : ''}`));
          worker.kill();
        } else {
          this.onWorkerMessage(m);
        }
      });
      worker.onExit((code, signal) => {
        // Dying while loading the model is not retried (it would just crash again).
        if (!loaded) {
          reject(
            new EngineCrashedError(
              `it exited while loading the model: ${signal ? `signal ${signal}` : `exit code ${code}`}`,
              false,
            ),
          );
          return;
        }
        this.onWorkerExit(worker, code, signal);
      });
    });
    const init: HostToWorker = {
      type: 'init',
      modelPath: this.options.modelPath,
      threads: this.threads,
      flashAttn: this.options.flashAttn ?? true,
    };
    if (this.options.vadModelPath) init.vadModelPath = this.options.vadModelPath;
    worker.postMessage(init);
    // A failed start leaves no worker behind; the next call starts afresh.
    loading.catch((error: unknown) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      this.failQueued(error instanceof Error ? error : new Error(String(error)));
    });
    return loading;
  }

  /** Transcribes 16 kHz mono 16-bit PCM. The array is copied; the caller keeps its audio. */
  transcribe(pcm: Int16Array, options: TranscribeJobOptions = {}): Promise<TranscribeJobResult> {
    if (this.disposed) return Promise.reject(new Error('transcriber host was disposed'));
    if (options.signal?.aborted) return Promise.reject(new TranscriptionCancelledError());
    return new Promise<TranscribeJobResult>((resolve, reject) => {
      const job: QueuedJob = { id: this.nextId++, pcm, options, resolve, reject, progress: 0 };
      if (options.signal) {
        const signal = options.signal;
        const onAbort = () => this.cancel(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detachAbort = () => signal.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.start().catch(() => undefined); // errors reach the job through failQueued
      this.pump();
    });
  }

  /** Silero VAD speech spans (seconds). Needs `vadModelPath`. */
  async detectSpeech(pcm: Int16Array, options: NativeVadOptions = {}): Promise<SpeechSpan[]> {
    const m = await this.request((jobId) => ({ type: 'vad', jobId, pcm, options }));
    if (m.type !== 'vad-result') throw new Error(`unexpected reply ${m.type}`);
    // whisper.node returns VAD times in centiseconds.
    return m.segments.map((s) => ({ start: s.t0 / 100, end: s.t1 / 100 }));
  }

  /** whisper.cpp's own benchmark (encoder on one 30-s window, decoder passes). */
  async bench(threads: number = this.threads): Promise<NativeBenchResult> {
    const m = await this.request((jobId) => ({ type: 'bench', jobId, threads }));
    if (m.type !== 'bench-result') throw new Error(`unexpected reply ${m.type}`);
    return m.result;
  }

  /** Stops the worker (model memory is freed). Queued and running jobs are cancelled. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.failQueued(new TranscriptionCancelledError());
    if (this.active) this.finish(this.active, new TranscriptionCancelledError());
    const worker = this.worker;
    if (!worker) return;
    this.releasing = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        worker.kill();
        resolve();
      }, 3000);
      worker.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'release' });
    });
  }

  private async request(make: (jobId: number) => HostToWorker): Promise<WorkerToHost> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new EngineCrashedError('worker not running', true);
    const jobId = this.nextId++;
    return new Promise<WorkerToHost>((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      worker.postMessage(make(jobId));
    });
  }

  private pump(): void {
    if (this.active || !this.readyInfo || !this.worker || this.queue.length === 0) return;
    const job = this.queue.shift();
    if (!job) return;
    this.active = job;
    const o = job.options;
    this.worker.postMessage({
      type: 'transcribe',
      jobId: job.id,
      pcm: job.pcm,
      options: {
        language: o.language ?? DEFAULT_LANGUAGE,
        threads: this.threads,
        tokenTimestamps: o.tokenTimestamps ?? true,
        ...(o.prompt ? { prompt: o.prompt } : {}),
        ...(o.temperatureInc !== undefined ? { temperatureInc: o.temperatureInc } : {}),
      },
    });
  }

  private cancel(job: QueuedJob): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.finish(job, new TranscriptionCancelledError());
      return;
    }
    if (this.active !== job || !this.worker) return;
    const worker = this.worker;
    worker.postMessage({ type: 'cancel', jobId: job.id });
    // whisper.cpp checks its abort flag between decoder steps; a stuck encoder gets killed.
    job.cancelTimer = setTimeout(() => {
      if (this.active !== job) return;
      this.killedForCancel = worker;
      worker.kill();
    }, CANCEL_GRACE_MS);
  }

  private finish(job: QueuedJob, outcome: TranscribeJobResult | Error): void {
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    job.detachAbort?.();
    if (this.active === job) this.active = null;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }

  private onWorkerMessage(m: WorkerToHost): void {
    if (m.type === 'ready' || m.type === 'init-error' || m.type === 'released') return;
    const job = this.active && this.active.id === m.jobId ? this.active : null;
    if (job) {
      const durationMs = (job.pcm.length / SAMPLE_RATE) * 1000;
      if (m.type === 'progress') {
        // Only the result means done: whisper says 100 % before its last segments arrive.
        this.report(job, Math.min(0.99, Math.max(0, m.percent / 100)));
      } else if (m.type === 'segments') {
        job.options.onSegments?.(m.segments);
        const end = Math.max(...m.segments.map((s) => s.t1));
        if (durationMs > 0 && Number.isFinite(end)) this.report(job, Math.min(0.99, end / durationMs));
      } else if (m.type === 'result') {
        this.report(job, 1);
        this.finish(job, { result: m.result, elapsedMs: m.elapsedMs, durationSec: durationMs / 1000 });
        this.pump();
      } else if (m.type === 'error') {
        const cancelled = m.cancelled || job.options.signal?.aborted === true;
        this.finish(
          job,
          cancelled ? new TranscriptionCancelledError() : new Error(`Transcription failed: ${m.message}`),
        );
        this.pump();
      }
      return;
    }
    const p = this.pending.get(m.jobId);
    if (!p) return;
    this.pending.delete(m.jobId);
    if (m.type === 'error') p.reject(new Error(m.message));
    else p.resolve(m);
  }

  private report(job: QueuedJob, fraction: number): void {
    if (fraction <= job.progress) return;
    job.progress = fraction;
    job.options.onProgress?.(fraction);
  }

  private onWorkerExit(worker: WorkerProcess, code: number | null, signal: string | null): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    this.readyInfo = null;
    if (this.disposed || this.releasing) return;
    if (this.killedForCancel === worker) {
      this.killedForCancel = null;
      if (this.active) this.finish(this.active, new TranscriptionCancelledError());
      this.rejectPending(new EngineCrashedError('it was restarted to stop a cancelled transcription', true));
      this.restartCount++;
      this.options.onEvent?.({ type: 'restart', count: this.restartCount });
      this.start().catch(() => undefined);
      return;
    }

    const detail = signal ? `signal ${signal}` : `exit code ${code}`;
    const now = Date.now();
    const window = this.options.restartWindowMs ?? 60_000;
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < window), now];
    const willRestart = this.crashTimes.length <= (this.options.maxRestarts ?? 3);
    this.options.onEvent?.({ type: 'crash', detail, willRestart });

    const crashed = new EngineCrashedError(detail, willRestart);
    const active = this.active;
    if (active) {
      // A job killed on purpose after a cancel is a cancellation, not a crash.
      this.finish(active, active.options.signal?.aborted ? new TranscriptionCancelledError() : crashed);
    }
    this.rejectPending(crashed);
    if (!willRestart) {
      this.failQueued(crashed);
      return;
    }
    this.restartCount++;
    this.options.onEvent?.({ type: 'restart', count: this.restartCount });
    this.start().catch(() => undefined);
  }

  private rejectPending(error: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(error);
    }
  }

  private failQueued(error: Error): void {
    for (const job of this.queue.splice(0)) this.finish(job, error);
  }
}
