/**
 * Re-transcription with a model the user picks, on the Whisper engine. Each job starts
 * its own worker with the chosen model, so the practice transcriber keeps its default model
 * loaded; the worker is disposed when the job ends.
 */
import { CoachError } from '../../../shared/coach-error';
import type { ModelManager } from '../models/model-manager';
import type { WorkerSpawner } from '../whisper/spawner';
import { WhisperTranscriber } from '../whisper/whisper-transcriber';
import type { RetranscribePort } from './results-service';

export function createWhisperRetranscriber(models: ModelManager, spawner?: WorkerSpawner): RetranscribePort {
  return {
    models: async () =>
      (await models.list())
        .filter((m) => m.kind === 'whisper')
        .map((m) => ({ id: m.id, installed: m.status === 'installed' })),
    transcribeFile: async (wavFile, { model, onProgress, signal }) => {
      const vadModelPath = await models.vadModelPath();
      if (vadModelPath === null) {
        throw new CoachError(
          'model_missing',
          'The voice-activity model (Silero VAD) is not installed: install it in Settings → Speech models.',
        );
      }
      const { path: modelPath } = await models.resolveModel(model);
      const whisper = new WhisperTranscriber({
        resolveModels: async () => ({ modelPath, vadModelPath }),
        spawner,
      });
      try {
        return await whisper.transcribeFile(wavFile, { onProgress, signal });
      } finally {
        await whisper.dispose();
      }
    },
  };
}
