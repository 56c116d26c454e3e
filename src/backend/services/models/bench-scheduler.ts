/**
 * Runs the one-time model bench in the background (the recommended default comes from a
 * bench on the user's machine, without the user having to ask). The bench loads each model in
 * its own worker and keeps both cores busy for seconds per model, so it runs only while the
 * transcription engine is idle and stands aside the moment a take or a transcription starts:
 * the run is aborted and retried once the engine has been quiet again for `quietMs`.
 */
export type BenchState = 'idle' | 'waiting' | 'running';

export interface BenchSchedulerOptions {
  /** One incremental bench (models already measured on this machine are skipped). */
  run(signal: AbortSignal): Promise<void>;
  /** Whether the transcription engine has work in flight. */
  isBusy(): boolean;
  /** Quiet time before a run starts: app start-up and the end of a take stay snappy. */
  quietMs?: number;
  /** False: requests are ignored (the user's explicit "Measure this machine" still works). */
  enabled?: boolean;
  log?(message: string, error?: unknown): void;
}

export class BenchScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private current: { controller: AbortController; done: Promise<void> } | null = null;
  /** A run was asked for and has not completed since. */
  private pending = false;
  private disposed = false;
  private readonly quietMs: number;

  constructor(private readonly options: BenchSchedulerOptions) {
    this.quietMs = options.quietMs ?? 10_000;
  }

  state(): BenchState {
    if (this.current) return 'running';
    return this.pending ? 'waiting' : 'idle';
  }

  /** A model was installed, or the app started: measure what is not measured yet. */
  request(): void {
    if (this.disposed || this.options.enabled === false) return;
    this.pending = true;
    // During a run, the run's end re-arms for the model installed meanwhile.
    if (!this.current) this.arm();
  }

  /** The engine took on work: get out of its way. */
  engineBusy(): void {
    this.clearTimer();
    if (this.current) {
      this.current.controller.abort();
      this.pending = true;
    }
  }

  /** The engine finished its work: resume a pending bench after the quiet time. */
  engineIdle(): void {
    if (this.pending && !this.current) this.arm();
  }

  /** Waits for a run in progress (tests, shutdown). */
  async settled(): Promise<void> {
    await this.current?.done;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.pending = false;
    this.clearTimer();
    this.current?.controller.abort();
    await this.current?.done;
  }

  private arm(): void {
    if (this.disposed || !this.pending) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, this.quietMs);
    // A pending bench never keeps a CLI or test process alive.
    this.timer.unref?.();
  }

  private start(): void {
    if (this.disposed || this.current || !this.pending) return;
    if (this.options.isBusy()) return; // engineIdle() re-arms
    const controller = new AbortController();
    this.pending = false;
    const done = this.options
      .run(controller.signal)
      .catch((error: unknown) => {
        if (controller.signal.aborted) {
          this.pending = true; // stood aside for the engine: retry when it is idle
        } else {
          this.options.log?.('[coach] background model bench failed', error);
        }
      })
      .finally(() => {
        this.current = null;
        if (this.pending && !this.options.isBusy()) this.arm();
      });
    this.current = { controller, done };
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
