/**
 * What each analysis job does. The same functions run in place (short input) and on the worker
 * thread (long input), so where a job ran never changes its result.
 */
import { analyzeTranscript } from '../../../core/analysis/analyze';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import { analyzeWithCorrections } from '../../../core/corrections';
import { transcriptSize, type TranscriptSize } from '../../../core/transcript/size';
import type { Transcript } from '../../../core/transcript/types';
import { CoachError } from '../../../shared/coach-error';
import { overAnalysisLimits } from '../../../shared/channels/analysis';
import { auditDocumentFile } from '../documents/audit-file';
import type { EngineJob, JobResults } from './analysis-protocol';

/**
 * Throws `too_large` with the limit (and `outcome`, when given) when a transcript is over
 * ANALYSIS_LIMITS; else its size, for callers that decide by it.
 */
export function requireWithinAnalysisLimits(
  transcript: Transcript,
  subject?: string,
  outcome?: string,
): TranscriptSize {
  const size = transcriptSize(transcript);
  const over = overAnalysisLimits(size, subject)[0];
  if (over !== undefined) throw new CoachError('too_large', outcome === undefined ? over : `${over} ${outcome}`);
  return size;
}

/** The engine, refusing a transcript over the limits (a corrected one may have grown). */
function boundedAnalyze(transcript: Transcript, options?: AnalysisOptions): Analysis {
  requireWithinAnalysisLimits(transcript);
  return analyzeTranscript(transcript, options);
}

/** An engine job (the sentence encoder's are the analysis thread's own: analysis-worker.ts). */
export async function runJob<J extends EngineJob>(job: J): Promise<JobResults[J['kind']]> {
  const result: JobResults[EngineJob['kind']] =
    job.kind === 'analyze'
      ? boundedAnalyze(job.transcript, job.options)
      : job.kind === 'correct'
        ? analyzeWithCorrections(boundedAnalyze, job.transcript, job.corrections, job.options).corrected
        : await auditDocumentFile(job.file, job.minutes);
  return result as JobResults[J['kind']];
}
