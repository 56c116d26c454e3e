import { CoachError } from '../../../shared/coach-error';

/**
 * Why a model file was refused. Each reason has its own message so the user (and tests) can tell
 * an HTML error page from a truncated download from a model of the wrong shape.
 */
export type ModelFileProblem =
  | 'not_found'
  | 'not_a_file'
  | 'empty'
  | 'wrong_magic'
  | 'bad_hparams'
  | 'unknown_shape'
  | 'bad_mel_filters'
  | 'bad_vocabulary'
  | 'bad_tensor_header'
  | 'unknown_tensor'
  | 'duplicate_tensor'
  | 'wrong_tensor_shape'
  | 'wrong_tensor_type'
  | 'missing_tensors'
  | 'truncated'
  | 'trailing_data'
  | 'wrong_model_kind';

export class ModelValidationError extends CoachError {
  readonly problem: ModelFileProblem;
  /** The tensor the problem was found at, when there is one. */
  readonly tensor: string | undefined;

  constructor(problem: ModelFileProblem, message: string, tensor?: string) {
    super('model_invalid', message);
    this.name = 'ModelValidationError';
    this.problem = problem;
    this.tensor = tensor;
  }
}

export function isModelValidationError(e: unknown): e is ModelValidationError {
  return e instanceof ModelValidationError;
}
