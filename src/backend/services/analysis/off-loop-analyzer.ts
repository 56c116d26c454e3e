import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { sentenceTexts } from '../../../core/analysis/analyze';
import type { SentenceVectors } from '../../../core/analysis/sentence-vectors';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import type { Corrections } from '../../../core/corrections';
import type { DocumentAudit, OutlineMinutes } from '../../../core/document/audit-schema';
import type { Transcript } from '../../../core/transcript/types';
import { CoachError } from '../../../shared/coach-error';
import type { DocumentFile } from '../documents/audit-file';
import { requireWithinAnalysisLimits, runJob } from './analysis-jobs';
import type { AnalysisJob, AnalysisReply, AnalysisRequest, EngineJob, JobResults } from './analysis-protocol';

/**
 * Where each kind of input starts to hold up the loop. Above 5,000 words an analysis takes tens
 * of milliseconds or more (about 50 ms at 5,000 on the reference machine); auditing a document
 * costs about as much from 4,000 characters (10 to 15 ms a thousand). Larger input runs on a
 * worker thread so calls, events and audio chunks of other requests keep flowing; below it the
 * thread hop would cost more than it saves.
 */
export interface OffLoopThresholds {
  /** Words of a transcript (analysis, corrections). */
  words: number;
  /** Bytes of a document file or of pasted text (a .docx is hardly ever smaller). */
  documentBytes: number;
}

const OFF_LOOP: OffLoopThresholds = { words: 5_000, documentBytes: 4_000 };
/** How long the thread waits for another job before it stops and frees its memory. */
const IDLE_MS = 60_000;

/** Either the engine itself or the off-loop analyser: callers await both alike. */
export type AnalyzeAsync = (transcript: Transcript, options?: AnalysisOptions) => Analysis | Promise<Analysis>;

/** The sentence encoder as services call it: packed vectors of the texts, by text. */
export type EncodeSentences = (texts: readonly string[]) => Promise<SentenceVectors>;

/**
 * The thread's young generation, kept small. An analysis of a long take leaves about 100 MB of
 * short-lived objects behind; the thread collects once its jobs pause (`collect-garbage.ts`), but a
 * full collection does not shrink the young generation itself: with V8's default the thread that
 * only analyses a 15-minute take holds 120-170 MB, with 8 MB about 90 MB, at the same speed
 * (`npm run bench:analyze` measures both).
 */
export const THREAD_RESOURCES: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * The worker: the built .js beside the main bundle, or under tsx/vitest the .ts source, loaded
 * after registering tsx inside the thread (loader flags given to a worker thread do not reach its
 * module resolution on the Node versions we support).
 */
function tsxEsmApi(): string {
  // require.resolve would pick the CommonJS build; the thread needs the ES module one.
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  return path.join(path.dirname(manifest), exports['./esm/api']?.import?.default ?? 'dist/esm/api/index.mjs');
}

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const resourceLimits = THREAD_RESOURCES;
  if (path.extname(here) !== '.ts')
    return new Worker(path.join(path.dirname(here), 'analysis-worker.js'), { resourceLimits });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = pathToFileURL(path.join(path.dirname(here), 'analysis-worker.ts')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/**
 * Short input is analysed in place; long input on one lazily started worker thread, so the event
 * loop stays free while it runs (long jobs share that thread: a second one waits for the first).
 * Transcripts over ANALYSIS_LIMITS are refused with `too_large` before either. The thread is
 * unref'd while idle, so it never keeps the process alive, and stopped after `idleMs` without a
 * job: the sentence encoder it holds costs about 125 MB, which an idle app should not keep (the
 * next take starts it again in about two seconds).
 */
export class OffLoopAnalyzer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  private readonly thresholds: OffLoopThresholds;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(thresholds: Partial<OffLoopThresholds> = {}, idleMs = IDLE_MS) {
    this.thresholds = { ...OFF_LOOP, ...thresholds };
    this.idleMs = idleMs;
  }

  /** Whether the thread is running (tests). */
  get threadRunning(): boolean {
    return this.worker !== null;
  }

  /** The running thread's resource limits, as V8 applies them (tests); null when none runs. */
  get threadLimits(): ResourceLimits | null {
    return this.worker?.resourceLimits ?? null;
  }

  /** The analysis, its sentences read with their vectors (encoded first, on the thread). */
  readonly analyze = async (transcript: Transcript, options: AnalysisOptions = {}): Promise<Analysis> => {
    const offLoop = this.offLoop(transcript);
    const sentenceVectors = await this.vectorsFor(sentenceTexts(transcript, options), options.sentenceVectors);
    return this.run({ kind: 'analyze', transcript, options: { ...options, sentenceVectors } }, offLoop);
  };

  /**
   * The analysis of a stored transcript with the user's corrections applied. Sentences the user
   * merged, split or edited are only known once corrected: they are encoded then, and labelled again.
   */
  readonly correct = async (
    transcript: Transcript,
    corrections: Corrections,
    options: AnalysisOptions = {},
  ): Promise<Analysis> => {
    const offLoop = this.offLoop(transcript);
    const known = await this.vectorsFor(sentenceTexts(transcript, options), options.sentenceVectors);
    const job = (sentenceVectors: SentenceVectors) =>
      this.run({ kind: 'correct', transcript, corrections, options: { ...options, sentenceVectors } }, offLoop);
    const first = await job(known);
    const edited = first.sentences.map((s) => s.text).filter((t) => !Object.hasOwn(known, t));
    return edited.length === 0 ? first : job(await this.vectorsFor(edited, known));
  };

  /** Sentence vectors of `texts` (on the thread, where the encoder is loaded once), with `known`. */
  readonly encode = (texts: readonly string[]): Promise<SentenceVectors> =>
    texts.length === 0 ? Promise.resolve({}) : this.run({ kind: 'encode', texts: [...texts] }, true);

  private async vectorsFor(texts: readonly string[], known: SentenceVectors = {}): Promise<SentenceVectors> {
    const missing = texts.filter((t) => !Object.hasOwn(known, t));
    return missing.length === 0 ? known : { ...known, ...(await this.encode(missing)) };
  }

  readonly audit = (file: DocumentFile, minutes: OutlineMinutes): Promise<DocumentAudit> =>
    this.run({ kind: 'audit', file, minutes }, file.bytes.length >= this.thresholds.documentBytes);

  /** Whether `transcript` is long enough for the thread; throws `too_large` over the limits, before any work. */
  private offLoop(transcript: Transcript): boolean {
    return requireWithinAnalysisLimits(transcript).words >= this.thresholds.words;
  }

  private run<J extends AnalysisJob>(job: J, offLoop: boolean): Promise<JobResults[J['kind']]> {
    // The encoder lives on the thread only.
    if (!offLoop && job.kind !== 'encode') return runJob(job as Extract<J, EngineJob>);
    this.cancelIdleStop();
    return new Promise<JobResults[J['kind']]>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const request: AnalysisRequest = { id, job };
      const worker = this.thread();
      // Held while an answer is awaited (a CLI run must not exit under it), released when idle.
      worker.ref();
      worker.postMessage(request);
    });
  }

  private cancelIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private stopWhenIdle(worker: Worker): void {
    this.cancelIdleStop();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  async dispose(): Promise<void> {
    this.cancelIdleStop();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (reply: AnalysisReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        worker.unref();
        this.stopWhenIdle(worker);
      }
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(reply.code === null ? new Error(reply.message) : new CoachError(reply.code, reply.message));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`the analysis thread stopped (exit code ${code})`));
      else if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
