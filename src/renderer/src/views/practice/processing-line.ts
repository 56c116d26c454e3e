import type { ProcessingProgress } from '../../../../shared/events/recording';

const STAGES: Record<ProcessingProgress['stage'], string> = {
  transcribing: 'Transcribing',
  analyzing: 'Analysing',
  saving: 'Saving',
};

/**
 * The one line that says what processing is doing. The back end's detail already names the stage
 * ("Transcribing the recording…"), so the stage is said only when there is no detail: never twice.
 */
export function processingLine(processing: ProcessingProgress | null): string {
  if (!processing) return 'Starting…';
  return processing.detail.trim() || STAGES[processing.stage];
}
