/**
 * Runs the coaching engine and the document audit on a worker thread for input long enough to
 * hold up the back end's event loop. Same functions as on the main thread, so the results are
 * identical.
 */
import { parentPort } from 'node:worker_threads';
import { isCoachError } from '../../../shared/coach-error';
import { runJob } from './analysis-jobs';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol';

parentPort?.on('message', (request: AnalysisRequest) => {
  void runJob(request.job)
    .then(
      (value): AnalysisReply => ({ id: request.id, ok: true, value }),
      (error: unknown): AnalysisReply => ({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        code: isCoachError(error) ? error.code : null,
      }),
    )
    .then((reply) => parentPort?.postMessage(reply));
});
