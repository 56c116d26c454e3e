import { create } from 'zustand';
import { cancelRecording, startRecording, stopRecording } from './take-recording';
import { cancelProcessing, importFile, processTake, submitTyped } from './take-processing';
import { INITIAL_TAKE_STATE, type TakeState, type TakeStore } from './take-state';

/**
 * One take from start to result: recording (capture → uploader → back end), the processing step
 * (progress events, cancellable), then the analysis. Typed answers and imports join at processing.
 */
export const useTake = create<TakeState>((set, get) => {
  const store: TakeStore = { set, get };
  return {
    ...INITIAL_TAKE_STATE,
    startRecording: (setup) => startRecording(store, setup),
    stopRecording: (endedBy) => stopRecording(store, endedBy),
    askCancel: () => {
      if (get().phase === 'recording') set({ confirmingCancel: true });
    },
    dismissCancel: () => set({ confirmingCancel: false }),
    cancelRecording: (keep) => cancelRecording(store, keep),
    process: (sessionId, info) => processTake(store, sessionId, info),
    cancelProcessing: () => cancelProcessing(store),
    submitTyped: (setup) => submitTyped(store, setup),
    importFile: (setup, file, onProgress) => importFile(store, setup, file, onProgress),
    setTyping: (typing) => set({ typing, error: null }),
    reset: () => set({ ...INITIAL_TAKE_STATE }),
  };
});

/** Live pacing events only matter for the take being recorded. */
window.coach?.on('recording.pacing', (p) => {
  const { take, phase } = useTake.getState();
  if (take && phase === 'recording' && take.livePacing && p.sessionId === take.sessionId) {
    useTake.setState({
      pacing: { currentLayer: p.currentLayer, secondsPerLayer: p.secondsPerLayer, transcribedSec: p.transcribedSec },
    });
  }
});
