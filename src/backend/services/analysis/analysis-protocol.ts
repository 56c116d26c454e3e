import type { Analysis, AnalysisOptions } from '../../../core/analysis/types';
import type { Transcript } from '../../../core/transcript/types';

export interface AnalysisRequest {
  id: number;
  transcript: Transcript;
  options: AnalysisOptions;
}

export type AnalysisReply = { id: number; ok: true; analysis: Analysis } | { id: number; ok: false; message: string };
