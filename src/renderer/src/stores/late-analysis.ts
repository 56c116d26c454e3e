import { create } from 'zustand';
import type { CoachErrorInfo } from '../../../shared/contract-types';
import { analyseStoredTake, errorInfoOf } from '../coach';
import { useHistory } from './history';
import { openResults } from './navigation';

interface LateProgress {
  fraction: number;
  detail: string;
}

interface LateAnalysisState {
  /** Takes being transcribed and analysed now, by session id. */
  running: Record<string, LateProgress>;
  /** The last failure per take, with the back end's code so the view can offer the way out. */
  failed: Record<string, CoachErrorInfo>;
  start(sessionId: string): Promise<void>;
}

/**
 * Transcribes and analyses a take that has no results yet (recorded before a speech model was
 * installed, kept as a draft, or failed): the back end transcribes its stored recording with the
 * model installed now. Any view can start it; progress is kept per take so Sessions and Results
 * show the same state.
 */
export const useLateAnalysis = create<LateAnalysisState>((set, get) => ({
  running: {},
  failed: {},
  start: async (sessionId) => {
    if (get().running[sessionId]) return;
    const { [sessionId]: _cleared, ...failed } = get().failed;
    set({ running: { ...get().running, [sessionId]: { fraction: 0, detail: 'Starting…' } }, failed });
    try {
      await analyseStoredTake(sessionId, (p) => {
        if (!get().running[sessionId]) return;
        set({ running: { ...get().running, [sessionId]: { fraction: p.fraction, detail: p.detail } } });
      });
      openResults(sessionId);
    } catch (error) {
      set({ failed: { ...get().failed, [sessionId]: errorInfoOf(error) } });
    } finally {
      const { [sessionId]: _done, ...running } = get().running;
      set({ running });
      void useHistory.getState().load();
    }
  },
}));
