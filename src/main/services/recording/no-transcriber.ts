import { CoachError } from '../../../shared/coach-error';
import type { Transcriber } from './transcriber-port';

const MESSAGE =
  'No speech model is available yet, so this take cannot be transcribed. The recording is saved: install a model in Settings, then analyse it from Sessions.';

/**
 * Used when no transcription engine is wired: recording still works (audio is saved, crash-safe)
 * and processing fails with a clear "model missing" message instead of inventing a transcript.
 */
export const noTranscriber: Transcriber = {
  openStream: () => {
    throw new CoachError('model_missing', MESSAGE);
  },
  transcribeFile: async () => {
    throw new CoachError('model_missing', MESSAGE);
  },
};
