import type { HandlersFor } from '../../shared/contract';
import { CoachError } from '../../shared/coach-error';
import type { AnalyzeAsync } from '../services/analysis/off-loop-analyzer';
import type { ProcessingService } from '../services/processing/processing-service';
import { hasSpeech } from '../services/processing/processing-service';

export function analysisHandlers(processing: ProcessingService, analyze: AnalyzeAsync): HandlersFor<'analysis.'> {
  return {
    'analysis.run': async (input, ctx) => {
      if ('sessionId' in input) return processing.run(input.sessionId, ctx.emit);
      if (!hasSpeech(input.transcript)) throw new CoachError('no_speech', 'The transcript has no words to analyse.');
      const options = input.lengthSeconds === undefined ? {} : { lengthSeconds: input.lengthSeconds };
      return { session: null, analysis: await analyze(input.transcript, options) };
    },
    'analysis.cancel': async (input) => ({ cancelled: processing.cancel(input.sessionId) }),
  };
}
