import type { CoachErrorCode, CoachErrorInfo } from './contract-types';

/**
 * Thrown by services and handlers for failures the user must understand (bad model file, no
 * speech, disk full). The dispatcher turns it into a typed `Result` error instead of a crash.
 */
export class CoachError extends Error {
  readonly code: CoachErrorCode;
  constructor(code: CoachErrorCode, message: string) {
    super(message);
    this.name = 'CoachError';
    this.code = code;
  }

  toInfo(): CoachErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isCoachError(value: unknown): value is CoachError {
  return value instanceof CoachError;
}
