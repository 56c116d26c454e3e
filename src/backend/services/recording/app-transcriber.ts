import { CoachError, isCoachError } from '../../../shared/coach-error';
import type { ModelManager } from '../models/model-manager';
import type { WorkerReady } from '../whisper/protocol';
import type { WorkerSpawner } from '../whisper/spawner';
import { WhisperTranscriber, type ModelPaths } from '../whisper/whisper-transcriber';
import type { Transcript } from '../../../core/transcript/types';
import type { Transcriber } from './transcriber-port';

const NO_MODEL =
  'No speech model is installed yet, so this take cannot be transcribed. The recording is saved: download or import a model in Settings → Speech models, then analyse it from Sessions.';

/**
 * The practice flow's transcriber in the app: the Whisper engine (one long-lived worker) with the
 * model and VAD files the model manager currently resolves. A missing model is a clear
 * "model missing" for the UI, and `prepare` lets a take know before it starts that it will be
 * recorded without live transcription.
 */
export function createAppTranscriber(
  models: ModelManager,
  spawner?: WorkerSpawner,
): { transcriber: Transcriber; engineInfo(): WorkerReady | null; dispose(): Promise<void> } {
  // The model a transcript came from is recorded with it (exports and results name it).
  let modelId: string | null = null;
  const resolveModels = async (): Promise<ModelPaths> => {
    let modelPath: string;
    try {
      const resolved = await models.resolveModel();
      modelPath = resolved.path;
      modelId = resolved.id;
    } catch (error) {
      if (isCoachError(error) && error.code === 'model_missing') throw new CoachError('model_missing', NO_MODEL);
      throw error;
    }
    const vadModelPath = await models.vadModelPath();
    if (vadModelPath === null) {
      throw new CoachError(
        'model_missing',
        'The voice-activity model (Silero VAD) is not installed, so takes cannot be transcribed. The recording is saved: install it in Settings → Speech models.',
      );
    }
    return { modelPath, vadModelPath };
  };
  const withModel = (transcript: Transcript): Transcript => (modelId ? { ...transcript, model: modelId } : transcript);
  const whisper = new WhisperTranscriber({ resolveModels, spawner });
  return {
    transcriber: {
      prepare: async () => {
        await resolveModels();
      },
      openStream: (options) => {
        const stream = whisper.openStream(options);
        return {
          push: (samples) => stream.push(samples),
          cancel: () => stream.cancel(),
          finish: async (job) => withModel(await stream.finish(job)),
        };
      },
      transcribeFile: async (file, job) => withModel(await whisper.transcribeFile(file, job)),
    },
    engineInfo: () => whisper.engineInfo,
    dispose: () => whisper.dispose(),
  };
}
