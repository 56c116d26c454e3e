import type { Transcript } from '../../core/transcript/types';
import type { Events } from '../../shared/contract';
import type { HandlerContext } from '../../shared/contract-types';
import { CoachError } from '../../shared/coach-error';
import type { AnalyzeAsync } from '../services/analysis/off-loop-analyzer';
import type { ProcessingService } from '../services/processing/processing-service';
import { hasSpeech } from '../services/processing/processing-service';

type RunInput = { sessionId: string } | { transcript: Transcript; lengthSeconds?: number | undefined };

export function analysisHandlers(processing: ProcessingService, analyze: AnalyzeAsync) {
  return {
    run: async (input: RunInput, ctx: HandlerContext<Events>) => {
      if ('sessionId' in input) return processing.run(input.sessionId, ctx.emit);
      if (!hasSpeech(input.transcript)) throw new CoachError('no_speech', 'The transcript has no words to analyse.');
      const options = input.lengthSeconds === undefined ? {} : { lengthSeconds: input.lengthSeconds };
      return { session: null, analysis: await analyze(input.transcript, options) };
    },
    cancel: async (input: { sessionId: string }) => ({ cancelled: processing.cancel(input.sessionId) }),
  };
}
