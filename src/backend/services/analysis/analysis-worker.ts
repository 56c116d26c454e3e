/**
 * Runs the coaching engine on a worker thread for transcripts long enough to hold up the back
 * end's event loop. Same pure function as on the main thread, so the results are identical.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeTranscript } from '../../../core/analysis/analyze';
import type { AnalysisRequest, AnalysisReply } from './analysis-protocol';

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, ok: true, analysis: analyzeTranscript(request.transcript, request.options) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
