/**
 * Messages between the results store and the analysis worker, and a client that falls back to
 * computing on the main thread where workers are unavailable.
 */
import { analyzeTranscript } from '../../../core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import { analyzeWithCorrections, type Corrections, type WorkingSentence } from '../../../core/corrections';
import type { Transcript } from '../../../core/transcript/types';

export interface RecomputeRequest {
  seq: number;
  /** Present when a take is (re)loaded: the worker analyses it and keeps it. */
  transcript?: Transcript;
  options: AnalysisOptions;
  corrections: Corrections | null;
}

export type RecomputeResponse =
  | {
      seq: number;
      ok: true;
      /** The analysis as recognised; only sent back on load. */
      original: Analysis | null;
      corrected: Analysis;
      sentences: WorkingSentence[];
      applied: boolean;
      stale: boolean;
      ms: number;
    }
  | { seq: number; ok: false; message: string };

type RecomputeResult = Extract<RecomputeResponse, { ok: true }>;

export interface Recomputer {
  /** Loads a take: analyses it as recognised and with `corrections`. */
  load(transcript: Transcript, options: AnalysisOptions, corrections: Corrections | null): Promise<RecomputeResult>;
  /** Re-analyses the loaded take with new corrections. Superseded calls reject with "superseded". */
  apply(corrections: Corrections | null): Promise<RecomputeResult>;
}

export class SupersededError extends Error {
  override name = 'SupersededError';
}

/**
 * The worker-backed recomputer; only the latest request's answer is delivered. If the worker
 * cannot start (a shell that refuses module workers), the work falls back to the main thread.
 */
export function createRecomputer(): Recomputer {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./recompute.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  const fallback = mainThreadRecomputer();
  if (!worker) return fallback;
  let broken = false;
  let seq = 0;
  let options: AnalysisOptions = {};
  let loadedTranscript: Transcript | null = null;
  const pending = new Map<
    number,
    { request: Omit<RecomputeRequest, 'seq'>; resolve(r: RecomputeResult): void; reject(e: Error): void }
  >();

  const viaFallback = async (request: Omit<RecomputeRequest, 'seq'>): Promise<RecomputeResult> => {
    if (request.transcript) return fallback.load(request.transcript, request.options, request.corrections);
    if (loadedTranscript) await fallback.load(loadedTranscript, options, null);
    return fallback.apply(request.corrections);
  };

  worker.addEventListener('message', (event: MessageEvent<RecomputeResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.seq);
    pending.delete(response.seq);
    if (!waiter) return;
    if (response.ok) waiter.resolve(response);
    else waiter.reject(new Error(response.message));
  });
  worker.addEventListener('error', () => {
    broken = true;
    worker?.terminate();
    for (const [id, waiter] of pending) {
      pending.delete(id);
      viaFallback(waiter.request).then(waiter.resolve, waiter.reject);
    }
  });

  const send = (request: Omit<RecomputeRequest, 'seq'>): Promise<RecomputeResult> => {
    if (request.transcript) loadedTranscript = request.transcript;
    if (broken || !worker) return viaFallback(request);
    seq += 1;
    const id = seq;
    // An older request still running is superseded: its answer would be out of date.
    for (const [older, waiter] of pending) {
      if (older < id) {
        pending.delete(older);
        waiter.reject(new SupersededError('superseded'));
      }
    }
    const target = worker;
    return new Promise((resolve, reject) => {
      pending.set(id, { request, resolve, reject });
      target.postMessage({ ...request, seq: id } satisfies RecomputeRequest);
    });
  };
  return {
    load: (transcript, o, corrections) => {
      options = o;
      return send({ transcript, options, corrections });
    },
    apply: (corrections) => send({ options, corrections }),
  };
}

/** Same contract on the main thread (no Worker support). */
export function mainThreadRecomputer(): Recomputer {
  let loaded: { transcript: Transcript; options: AnalysisOptions; original: Analysis } | null = null;
  const run = (corrections: Corrections | null, withOriginal: boolean): RecomputeResult => {
    if (!loaded) throw new Error('No take is loaded.');
    const started = performance.now();
    const r = analyzeWithCorrections(
      analyzeTranscript,
      loaded.transcript,
      corrections,
      loaded.options,
      loaded.original,
    );
    return {
      seq: 0,
      ok: true,
      original: withOriginal ? r.original : null,
      corrected: r.corrected,
      sentences: r.sentences,
      applied: r.applied,
      stale: r.stale,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
  };
  return {
    load: async (transcript, options, corrections) => {
      loaded = { transcript, options, original: analyzeTranscript(transcript, options) };
      return run(corrections, true);
    },
    apply: async (corrections) => run(corrections, false),
  };
}
