import type { Corrections } from '../../core/corrections/model';
import type { PlaybackService } from '../services/playback/playback-service';
import type { ResultsService } from '../services/results/results-service';
import type { SessionStore } from '../services/sessions/session-store';

export function resultsHandlers(store: SessionStore, playback: PlaybackService, results: ResultsService) {
  return {
    get: async (input: { id: string }) => ({ session: await store.get(input.id) }),
    audio: async (input: { id: string }) => playback.describe(input.id),
    audioChunk: async (input: { id: string; offset: number; length: number }) =>
      playback.read(input.id, input.offset, input.length),
    saveCorrections: async (input: { id: string; corrections: Corrections }) =>
      results.saveCorrections(input.id, input.corrections),
    models: async () => ({ models: await results.models() }),
    retranscribe: async (input: { id: string; model: string }) => results.retranscribe(input.id, input.model, () => {}),
    cancelRetranscribe: async (input: { id: string }) => ({ cancelled: results.cancelRetranscribe(input.id) }),
  };
}
