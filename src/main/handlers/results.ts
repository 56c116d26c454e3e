import type { PlaybackService } from '../services/playback/playback-service';
import type { SessionStore } from '../services/sessions/session-store';

export function resultsHandlers(store: SessionStore, playback: PlaybackService) {
  return {
    get: async (input: { id: string }) => ({ session: await store.get(input.id) }),
    audio: async (input: { id: string }) => playback.describe(input.id),
    audioChunk: async (input: { id: string; offset: number; length: number }) =>
      playback.read(input.id, input.offset, input.length),
  };
}
