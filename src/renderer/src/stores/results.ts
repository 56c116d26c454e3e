import { create } from 'zustand';
import type { Analysis } from '../../../core/analysis/types';
import { editActions } from './results-edits';
import { loadResults } from './results-load';
import { INITIAL_RESULTS_STATE, type ResultsState, type ResultsStore } from './results-state';

/** One take's results: its analysis, the user's corrections to it and their saving. */
export const useResults = create<ResultsState>((set, get) => {
  const store: ResultsStore = { set, get };
  return {
    ...INITIAL_RESULTS_STATE,
    load: (id) => loadResults(store, id),
    ...editActions(store),
    show: (which) => set({ showing: which }),
    clearEditError: () => set({ editError: null }),
  };
});

/** The analysis the view shows (corrected or original). */
export function shownAnalysis(state: Pick<ResultsState, 'showing' | 'original' | 'corrected'>): Analysis | null {
  return state.showing === 'original' ? state.original : state.corrected;
}
