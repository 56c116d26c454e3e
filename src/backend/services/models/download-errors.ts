import { CoachError } from '../../../shared/coach-error';
import type { CoachErrorCode } from '../../../shared/contract-types';

/**
 * Why a model download failed. `offerImport` tells the UI/CLI to offer "import a file instead"
 * (offline, blocked by a proxy, or the server/mirror does not have the file).
 */
export type DownloadProblem =
  | 'offline'
  | 'blocked'
  | 'http'
  | 'not_found'
  | 'size_mismatch'
  | 'checksum_mismatch'
  | 'not_a_model'
  | 'cancelled'
  | 'interrupted'
  | 'busy';

const CODES: Record<DownloadProblem, CoachErrorCode> = {
  offline: 'offline',
  blocked: 'forbidden',
  http: 'offline',
  not_found: 'not_found',
  size_mismatch: 'model_invalid',
  checksum_mismatch: 'model_invalid',
  not_a_model: 'model_invalid',
  cancelled: 'cancelled',
  interrupted: 'offline',
  busy: 'conflict',
};

export class ModelDownloadError extends CoachError {
  readonly problem: DownloadProblem;
  readonly offerImport: boolean;
  constructor(problem: DownloadProblem, message: string) {
    super(CODES[problem], message);
    this.name = 'ModelDownloadError';
    this.problem = problem;
    this.offerImport =
      problem === 'offline' ||
      problem === 'blocked' ||
      problem === 'not_found' ||
      problem === 'interrupted' ||
      problem === 'http';
  }
}
