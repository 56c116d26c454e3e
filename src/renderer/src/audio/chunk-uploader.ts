/**
 * Sends captured 16 kHz PCM to the back end in order, one request at a time, each chunk at most
 * 250 ms and tagged with its position in the take. Audio stays in memory until the back end
 * acknowledges it (synced to disk), so nothing is lost when the back end is briefly unreachable or
 * restarts: the uploader retries, resumes the take on the new back end and resends from the last
 * acknowledged sample (the back end drops any overlap).
 */
import type { CoachErrorInfo, Result } from '../../../shared/contract-types';

export interface UploaderApi {
  chunk(input: {
    sessionId: string;
    offsetSamples: number;
    pcm: Uint8Array<ArrayBuffer>;
  }): Promise<Result<{ writtenSamples: number; capReached: boolean }>>;
  resume(input: { sessionId: string }): Promise<Result<{ writtenSamples: number; hardCapSec: number }>>;
}

export type UploadState =
  | { kind: 'ok' }
  /** The back end is unreachable; audio is held in memory and sent when it is back. */
  | { kind: 'retrying'; message: string }
  | { kind: 'failed'; error: CoachErrorInfo };

export interface UploaderEvents {
  onState?(state: UploadState): void;
  onAck?(ackedSamples: number): void;
  /** The back end restarted mid-take and the take was resumed on it. */
  onResumed?(writtenSamples: number): void;
  onCapReached?(): void;
}

export interface UploaderOptions {
  maxChunkSamples: number;
  retryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const TRANSIENT_INTERNAL_RETRIES = 3;

export class ChunkUploader {
  private queue: Int16Array[] = [];
  /** Take position of queue[0][0]. */
  private queueStart = 0;
  private pushed = 0;
  private acked = 0;
  private running = false;
  private failed: CoachErrorInfo | null = null;
  private capped = false;
  private abandoned = false;
  private waiters: { resolve(): void; reject(e: CoachErrorInfo): void }[] = [];
  private state: UploadState = { kind: 'ok' };
  private readonly retryMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly sessionId: string,
    private readonly api: UploaderApi,
    private readonly options: UploaderOptions,
    private readonly events: UploaderEvents = {},
  ) {
    this.retryMs = options.retryMs ?? 1000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get ackedSamples(): number {
    return this.acked;
  }

  get pushedSamples(): number {
    return this.pushed;
  }

  get currentState(): UploadState {
    return this.state;
  }

  push(samples: Int16Array): void {
    if (this.failed || this.capped || this.abandoned || samples.length === 0) return;
    this.queue.push(samples);
    this.pushed += samples.length;
    void this.pump();
  }

  /** Resolves once everything pushed is acknowledged (or the cap cut it); rejects on failure. */
  drain(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.acked >= this.pushed || this.capped) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * The take was discarded: nothing more is sent and nothing is reported. A chunk already on its
   * way finds the take gone, and that must not read as the take failing after the user left it.
   */
  abandon(): void {
    this.abandoned = true;
    this.queue = [];
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  private setState(state: UploadState): void {
    if (this.abandoned) return;
    if (state.kind === this.state.kind && state.kind !== 'failed') return;
    this.state = state;
    this.events.onState?.(state);
  }

  /** Up to maxChunkSamples of unacknowledged audio starting at `from`. */
  private slice(from: number): Int16Array<ArrayBuffer> {
    const out = new Int16Array(Math.min(this.options.maxChunkSamples, this.pushed - from));
    let filled = 0;
    let pos = this.queueStart;
    for (const part of this.queue) {
      const end = pos + part.length;
      if (end > from && filled < out.length) {
        const start = Math.max(0, from + filled - pos);
        const take = part.subarray(start, start + (out.length - filled));
        out.set(take, filled);
        filled += take.length;
      }
      pos = end;
      if (filled >= out.length) break;
    }
    return out;
  }

  private trim(): void {
    while (this.queue.length > 0 && this.queueStart + (this.queue[0]?.length ?? 0) <= this.acked) {
      this.queueStart += this.queue[0]?.length ?? 0;
      this.queue.shift();
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let internalRetries = 0;
    try {
      while (this.acked < this.pushed && !this.failed && !this.capped && !this.abandoned) {
        const offset = this.acked;
        const samples = this.slice(offset);
        const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
        const result = await this.api.chunk({ sessionId: this.sessionId, offsetSamples: offset, pcm });
        if (this.abandoned) break;
        if (result.ok) {
          internalRetries = 0;
          this.acked = Math.max(this.acked, result.value.writtenSamples);
          this.trim();
          this.setState({ kind: 'ok' });
          this.events.onAck?.(this.acked);
          if (result.value.capReached) {
            this.capped = true;
            this.queue = [];
            this.events.onCapReached?.();
          }
          continue;
        }
        const error = result.error;
        if (error.code === 'offline' || (error.code === 'internal' && internalRetries++ < TRANSIENT_INTERNAL_RETRIES)) {
          this.setState({ kind: 'retrying', message: error.message });
          await this.sleep(this.retryMs);
          continue;
        }
        if (error.code === 'conflict' || error.code === 'not_found') {
          const resumed = await this.api.resume({ sessionId: this.sessionId });
          if (this.abandoned) break;
          if (resumed.ok) {
            if (resumed.value.writtenSamples < this.queueStart) {
              // Audio it had confirmed as synced is gone and no longer held here: never paper over it.
              const lost = (this.queueStart - resumed.value.writtenSamples) / 16000;
              this.fail({
                code: 'internal',
                message: `After restarting, the back end is missing ${lost.toFixed(2)} s it had confirmed as saved. The take was stopped; check it in Sessions.`,
              });
              break;
            }
            this.acked = resumed.value.writtenSamples;
            this.trim();
            this.setState({ kind: 'ok' });
            this.events.onResumed?.(resumed.value.writtenSamples);
            continue;
          }
          if (resumed.error.code === 'offline') {
            this.setState({ kind: 'retrying', message: resumed.error.message });
            await this.sleep(this.retryMs);
            continue;
          }
          this.fail(error);
          break;
        }
        this.fail(error);
      }
    } finally {
      this.running = false;
    }
    if (this.failed) return;
    if (this.acked >= this.pushed || this.capped) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.resolve();
    }
  }

  private fail(error: CoachErrorInfo): void {
    this.failed = error;
    this.queue = [];
    this.setState({ kind: 'failed', error });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(error);
  }
}
