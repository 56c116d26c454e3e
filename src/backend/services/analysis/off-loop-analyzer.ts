import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeTranscript } from '../../../core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import { transcriptSize } from '../../../core/transcript/size';
import type { Transcript } from '../../../core/transcript/types';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol';

/**
 * Above this many words an analysis takes tens of milliseconds or more (about 50 ms at 5,000 on
 * the reference machine); it then runs on a worker thread so calls, events and audio chunks of
 * other requests keep flowing. Below it the thread hop would cost more than it saves.
 */
const OFF_LOOP_WORDS = 5_000;

/** Either the engine itself or the off-loop analyser: callers await both alike. */
export type AnalyzeAsync = (transcript: Transcript, options?: AnalysisOptions) => Analysis | Promise<Analysis>;

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
  if (path.extname(here) !== '.ts') return new Worker(path.join(path.dirname(here), 'analysis-worker.js'));
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = pathToFileURL(path.join(path.dirname(here), 'analysis-worker.ts')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * Short transcripts are analysed in place; long ones on one lazily started worker thread, one at
 * a time. The thread is unref'd while idle, so it never keeps the process alive.
 */
export class OffLoopAnalyzer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();

  constructor(private readonly thresholdWords = OFF_LOOP_WORDS) {}

  readonly analyze = (transcript: Transcript, options: AnalysisOptions = {}): Promise<Analysis> => {
    if (transcriptSize(transcript).words < this.thresholdWords) {
      try {
        return Promise.resolve(analyzeTranscript(transcript, options));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise<Analysis>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const request: AnalysisRequest = { id, transcript, options };
      const worker = this.thread();
      // Held while an answer is awaited (a CLI run must not exit under it), released when idle.
      worker.ref();
      worker.postMessage(request);
    });
  };

  async dispose(): Promise<void> {
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
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.analysis);
      else waiting.reject(new Error(reply.message));
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
