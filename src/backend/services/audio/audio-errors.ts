import { CoachError } from '../../../shared/coach-error';
import type { CoachErrorCode } from '../../../shared/contract-types';

/** Why an audio file could not be imported; each has its own message for the user. */
export type AudioProblem = 'not_found' | 'empty' | 'unsupported_format' | 'corrupt' | 'no_audio';

const CODES: Record<AudioProblem, CoachErrorCode> = {
  not_found: 'not_found',
  empty: 'invalid_input',
  unsupported_format: 'unsupported',
  corrupt: 'invalid_input',
  no_audio: 'invalid_input',
};

export class AudioDecodeError extends CoachError {
  readonly problem: AudioProblem;
  constructor(problem: AudioProblem, message: string) {
    super(CODES[problem], message);
    this.name = 'AudioDecodeError';
    this.problem = problem;
  }
}
