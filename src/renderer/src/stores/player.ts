import { create } from 'zustand';
import { listeningActions, mediaActions, transportActions } from './player-actions';
import { NOTHING_LOADED, type PlayerState, type PlayerStore } from './player-state';

/** The results page's audio player: the recording, where it is, and how it is listened to. */
export const usePlayer = create<PlayerState>((set, get) => {
  const store: PlayerStore = { set, get };
  return {
    hasAudio: false,
    rate: 1,
    ...NOTHING_LOADED,
    ...mediaActions(store),
    ...transportActions(store),
    ...listeningActions(store),
  };
});
