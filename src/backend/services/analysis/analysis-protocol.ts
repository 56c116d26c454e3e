import type { SentenceVectors } from '../../../core/analysis/sentence-vectors';
import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import type { Corrections } from '../../../core/corrections';
import type { DocumentAudit, OutlineMinutes } from '../../../core/document/audit-schema';
import type { Transcript } from '../../../core/transcript/types';
import type { CoachErrorCode } from '../../../shared/contract-types';
import type { DocumentFile } from '../documents/audit-file';

/** The analyses that may run on the worker thread, and what each answers. */
export type AnalysisJob =
  | { kind: 'analyze'; transcript: Transcript; options: AnalysisOptions }
  /** The stored transcript re-analysed with the user's corrections (the corrected analysis). */
  | { kind: 'correct'; transcript: Transcript; corrections: Corrections; options: AnalysisOptions }
  | { kind: 'audit'; file: DocumentFile; minutes: OutlineMinutes }
  /** Sentence vectors of these texts (the sentence encoder lives on the worker thread only). */
  | { kind: 'encode'; texts: string[] };

/** The jobs of the coaching engine and the audit (not the encoder's). */
export type EngineJob = Exclude<AnalysisJob, { kind: 'encode' }>;

export interface JobResults {
  analyze: Analysis;
  correct: Analysis;
  audit: DocumentAudit;
  encode: SentenceVectors;
}

export interface AnalysisRequest {
  id: number;
  job: AnalysisJob;
}

/** A failure keeps its CoachError code across the thread (a limit stays `too_large`). */
export type AnalysisReply =
  | { id: number; ok: true; value: JobResults[AnalysisJob['kind']] }
  | { id: number; ok: false; message: string; code: CoachErrorCode | null };
