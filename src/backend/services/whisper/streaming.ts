import { setMaxListeners } from 'node:events';
import type { Transcript, TranscriptSegment, TranscriptWord } from '../../../core/transcript/types';
import type { NativeVadOptions } from './addon-types';
import { DEFAULT_FILLER_PROMPT, DEFAULT_LANGUAGE, SAMPLE_RATE } from './defaults';
import { EngineCrashedError, TranscriptionCancelledError } from './errors';
import { filterHallucinations, type Removed } from './hallucination';
import { DEFAULT_CUTS, planCuts, type CutOptions } from './streaming-cuts';
import type { SpeechSpan, TranscribeJobOptions, TranscribeJobResult } from './transcriber-host';
import { tokensToWords, wordsToSegments } from './words';

/**
 * Transcription while recording. Audio arrives as 16 kHz mono chunks; every `vadIntervalSec` of
 * new audio, Silero VAD looks at what has not been transcribed yet, finished utterances are cut
 * (streaming-cuts.ts) and queued for Whisper while recording goes on, with their times offset to
 * the recording. On stop only the tail is left to do. A whole file (import, re-run with a bigger
 * model) goes through the same path: push everything, then stop.
 *
 * The session keeps every sample it was given, so an utterance whose job died with the engine is
 * simply sent again (once) after the host restarted the worker.
 */
export interface SpeechEngine {
  detectSpeech(pcm: Int16Array, options?: NativeVadOptions): Promise<SpeechSpan[]>;
  transcribe(pcm: Int16Array, options?: TranscribeJobOptions): Promise<TranscribeJobResult>;
}

export interface UtteranceInfo {
  index: number;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  speechSec: number;
}

export interface UtteranceResult extends UtteranceInfo {
  words: TranscriptWord[];
  removed: Removed[];
  elapsedMs: number;
}

export interface StreamingOptions {
  language?: string;
  /** Initial prompt (keeps fillers); '' for none. */
  prompt?: string;
  /** Whisper's temperature fallback step (default 0.2); 0 = greedy only, deterministic. */
  temperatureInc?: number;
  /** Run VAD after this much new audio (live mode). */
  vadIntervalSec?: number;
  cuts?: Partial<Omit<CutOptions, 'final'>>;
  vad?: NativeVadOptions;
  /** false: no work until stop() (batch). Default true. */
  live?: boolean;
  onUtterance?: (u: UtteranceInfo) => void;
  onUtteranceDone?: (u: UtteranceResult) => void;
  /** The transcript so far (finished utterances), each time it grows. */
  onPartial?: (t: Transcript) => void;
  /** Errors of background work during recording (they also fail stop()). */
  onError?: (error: Error) => void;
}

export interface StopOptions {
  signal?: AbortSignal;
  /** 0..1 of the work left at stop. */
  onProgress?: (fraction: number) => void;
}

export interface StreamingResult {
  transcript: Transcript;
  /** True when VAD found no speech, or nothing survived the hallucination filter. */
  noSpeech: boolean;
  utterances: UtteranceResult[];
  durationSec: number;
}

interface Job extends UtteranceInfo {
  progress: number;
}

export class StreamingTranscription {
  private audio = new Int16Array(SAMPLE_RATE * 60);
  private length = 0;
  /** Samples before this are transcribed or known silence. */
  private cutPos = 0;
  private vadAt = 0;
  private vadRunning: Promise<void> | null = null;
  private readonly jobs: Job[] = [];
  /** Outcome of each job, same order as `jobs`. */
  private readonly outcomes: Promise<UtteranceResult>[] = [];
  private readonly done: UtteranceResult[] = [];
  private failure: Error | null = null;
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly cuts: Omit<CutOptions, 'final'>;
  private stopProgress: ((fraction: number) => void) | undefined;
  /** Jobs still unfinished when stop() was called: what stop progress is measured against. */
  private stopJobs: Job[] | null = null;

  constructor(
    private readonly engine: SpeechEngine,
    private readonly options: StreamingOptions = {},
  ) {
    this.cuts = { ...DEFAULT_CUTS, ...options.cuts };
    // Every queued utterance listens to this signal (a 5-minute take queues ~25).
    setMaxListeners(0, this.abort.signal);
  }

  get durationSec(): number {
    return this.length / SAMPLE_RATE;
  }

  /** Utterances cut so far (queued, running or done). */
  get utterances(): UtteranceInfo[] {
    return this.jobs.map(({ index, start, end, speechSec }) => ({ index, start, end, speechSec }));
  }

  /** The transcript of the finished utterances. */
  get partial(): Transcript {
    return this.buildTranscript();
  }

  /**
   * Resolves once live cutting has looked at everything recorded so far (less than one VAD
   * interval may be left). Audio that arrives in real time is always this far along; audio pushed
   * faster than the engine runs (a file fed in bursts) catches up here.
   */
  async caughtUp(): Promise<void> {
    while (this.vadRunning) await this.vadRunning;
  }

  /** Appends recorded samples. Never blocks: VAD and Whisper run in the background. */
  push(samples: Int16Array): void {
    if (this.stopped) throw new Error('push() after stop(): the recording is finished');
    if (this.length + samples.length > this.audio.length) {
      const grown = new Int16Array(Math.max(this.audio.length * 2, this.length + samples.length));
      grown.set(this.audio.subarray(0, this.length));
      this.audio = grown;
    }
    this.audio.set(samples, this.length);
    this.length += samples.length;
    if (this.options.live !== false) this.maybeRunVad();
  }

  /** No more audio: cut and transcribe the tail, wait for every utterance, return the whole take. */
  async stop(options: StopOptions = {}): Promise<StreamingResult> {
    this.stopped = true;
    const onAbort = () => this.cancel();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.stopProgress = options.onProgress;
    try {
      if (options.signal?.aborted) throw new TranscriptionCancelledError();
      while (this.vadRunning) await this.vadRunning;
      this.throwIfFailed();
      await this.cutPending(true);
      this.throwIfFailed();
      this.stopJobs = this.jobs.filter((j) => j.progress < 1);
      this.reportStopProgress();
      const results = await Promise.all(this.outcomes);
      this.throwIfFailed();
      const transcript = this.buildTranscript();
      return {
        transcript,
        noSpeech: transcript.segments.length === 0,
        utterances: results,
        durationSec: this.durationSec,
      };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The take was discarded: stop background work (running Whisper jobs are aborted). */
  cancel(): void {
    this.stopped = true;
    this.fail(new TranscriptionCancelledError());
    this.abort.abort();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    if (!(error instanceof TranscriptionCancelledError)) this.options.onError?.(error);
  }

  private maybeRunVad(): void {
    const interval = (this.options.vadIntervalSec ?? 1.0) * SAMPLE_RATE;
    if (this.vadRunning || this.failure || this.length - this.vadAt < interval) return;
    this.vadRunning = this.cutPending(false)
      .catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.vadRunning = null;
        if (!this.stopped) this.maybeRunVad();
      });
  }

  /** One VAD pass over the untranscribed audio; queues the utterances it finds finished. */
  private async cutPending(final: boolean): Promise<void> {
    const end = this.length;
    this.vadAt = end;
    const from = this.cutPos;
    if (end - from < SAMPLE_RATE * 0.1) {
      this.cutPos = final ? end : this.cutPos;
      return;
    }
    const window = this.audio.slice(from, end);
    const vadOptions: NativeVadOptions = {
      maxSpeechDurationS: this.cuts.maxSec - 2 * this.cuts.padSec,
      ...this.options.vad,
    };
    let spans: SpeechSpan[];
    try {
      spans = await this.engine.detectSpeech(window, vadOptions);
    } catch (error) {
      // Engine restarted under us (crash, or another job's cancel): the audio is here, ask again.
      if (!(error instanceof EngineCrashedError) || !error.willRestart) throw error;
      spans = await this.engine.detectSpeech(window, vadOptions);
    }
    if (this.failure) return;
    const plan = planCuts(spans, window.length / SAMPLE_RATE, { ...this.cuts, final });
    for (const u of plan.utterances) {
      const startSample = from + Math.round(u.start * SAMPLE_RATE);
      const endSample = from + Math.round(u.end * SAMPLE_RATE);
      this.enqueue(
        {
          index: this.jobs.length,
          start: startSample / SAMPLE_RATE,
          end: endSample / SAMPLE_RATE,
          speechSec: u.speechSec,
        },
        startSample,
        endSample,
      );
    }
    this.cutPos = Math.max(this.cutPos, from + Math.round(plan.consumedSec * SAMPLE_RATE));
  }

  private enqueue(info: UtteranceInfo, startSample: number, endSample: number): void {
    const job: Job = { ...info, progress: 0 };
    const outcome = this.run(job, startSample, endSample);
    // Failures surface through fail()/stop(); keep Node from reporting them as unhandled here.
    outcome.catch(() => undefined);
    this.jobs.push(job);
    this.outcomes.push(outcome);
    this.options.onUtterance?.(info);
  }

  private async run(job: Job, startSample: number, endSample: number): Promise<UtteranceResult> {
    const pcm = this.audio.slice(startSample, endSample);
    const options: TranscribeJobOptions = {
      language: this.options.language ?? DEFAULT_LANGUAGE,
      tokenTimestamps: true,
      signal: this.abort.signal,
      onProgress: (f) => {
        job.progress = f;
        this.reportStopProgress();
      },
    };
    if (this.options.temperatureInc !== undefined) options.temperatureInc = this.options.temperatureInc;
    const prompt = this.options.prompt ?? DEFAULT_FILLER_PROMPT;
    if (prompt) options.prompt = prompt;
    try {
      let result: TranscribeJobResult;
      try {
        result = await this.engine.transcribe(pcm, options);
      } catch (error) {
        // The host restarted the engine; the audio is still here, so try this utterance once more.
        if (!(error instanceof EngineCrashedError) || !error.willRestart) throw error;
        result = await this.engine.transcribe(pcm, options);
      }
      const words = tokensToWords(result.result.segments, { offsetSec: job.start, durationSec: job.end - job.start });
      const filtered = filterHallucinations({ words, speechSec: job.speechSec });
      const done: UtteranceResult = {
        index: job.index,
        start: job.start,
        end: job.end,
        speechSec: job.speechSec,
        words: filtered.words,
        removed: filtered.removed,
        elapsedMs: result.elapsedMs,
      };
      job.progress = 1;
      this.done.push(done);
      this.done.sort((a, b) => a.index - b.index);
      this.options.onUtteranceDone?.(done);
      this.options.onPartial?.(this.buildTranscript());
      this.reportStopProgress();
      return done;
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      this.fail(e);
      throw e;
    }
  }

  private reportStopProgress(): void {
    if (!this.stopProgress || !this.stopJobs) return;
    const total = this.stopJobs.reduce((a, j) => a + (j.end - j.start), 0);
    const doneSec = this.stopJobs.reduce((a, j) => a + j.progress * (j.end - j.start), 0);
    this.stopProgress(total > 0 ? Math.min(1, doneSec / total) : 1);
  }

  private buildTranscript(): Transcript {
    const segments: TranscriptSegment[] = [];
    for (const u of this.done) segments.push(...wordsToSegments(u.words));
    return { segments, language: this.options.language ?? DEFAULT_LANGUAGE, durationSec: this.durationSec };
  }
}

/** Batch: a whole recording through the streaming path (VAD cuts, same filters, same offsets). */
export async function transcribePcm(
  engine: SpeechEngine,
  pcm: Int16Array,
  options: Omit<StreamingOptions, 'live'> & StopOptions = {},
): Promise<StreamingResult> {
  const session = new StreamingTranscription(engine, { ...options, live: false });
  session.push(pcm);
  const stop: StopOptions = {};
  if (options.signal) stop.signal = options.signal;
  if (options.onProgress) stop.onProgress = options.onProgress;
  return session.stop(stop);
}
