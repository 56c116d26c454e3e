/**
 * Runs the coaching engine and the document audit on a worker thread for input long enough to
 * hold up the back end's event loop, and the sentence encoder for every take. Same functions as
 * on the main thread, so the results are identical.
 *
 * The engine is imported by the first job that needs it: a take short enough to be analysed in
 * place only sends its sentences here to be encoded, and the thread then holds the encoder alone.
 */
import { parentPort } from 'node:worker_threads';
import { isCoachError } from '../../../shared/coach-error';
import type { AnalysisJob, AnalysisReply, AnalysisRequest, JobResults } from './analysis-protocol';
import { collectWhenQuiet, garbageCollector, THREAD_QUIET_MS } from './collect-garbage';
import { createSentenceEncoder, type SentenceEncoder } from './sentence-encoder';

let encoder: SentenceEncoder | null = null;
const collector = collectWhenQuiet(garbageCollector(), THREAD_QUIET_MS);

function run(job: AnalysisJob): Promise<JobResults[AnalysisJob['kind']]> {
  if (job.kind === 'encode') {
    encoder ??= createSentenceEncoder();
    return encoder.encode(job.texts);
  }
  return import('./analysis-jobs').then(({ runJob }) => runJob(job));
}

parentPort?.on('message', (request: AnalysisRequest) => {
  collector.jobStarted();
  void run(request.job)
    .then(
      (value): AnalysisReply => ({ id: request.id, ok: true, value }),
      (error: unknown): AnalysisReply => ({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        code: isCoachError(error) ? error.code : null,
      }),
    )
    .then((reply) => {
      parentPort?.postMessage(reply);
      collector.jobAnswered();
    });
});
