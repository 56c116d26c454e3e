import type { HandlersFor } from '../../shared/contract';
import type { PlaybackService } from '../services/playback/playback-service';
import type { ResultsService } from '../services/results/results-service';
import type { SessionStore } from '../services/sessions/session-store';

export function resultsHandlers(
  store: SessionStore,
  playback: PlaybackService,
  results: ResultsService,
): HandlersFor<'results.'> {
  return {
    'results.get': async (input) => ({ session: await store.get(input.id) }),
    'results.audio': async (input) => playback.describe(input.id),
    'results.audioChunk': async (input) => playback.read(input.id, input.offset, input.length),
    'results.saveCorrections': async (input) => results.saveCorrections(input.id, input.corrections),
    'results.models': async () => ({ models: await results.models() }),
    'results.retranscribe': async (input) => results.retranscribe(input.id, input.model, () => {}),
    'results.cancelRetranscribe': async (input) => ({ cancelled: results.cancelRetranscribe(input.id) }),
  };
}
