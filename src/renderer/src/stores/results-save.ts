/** Persists the corrections a short while after the last change, one save after another. */
import { call, messageOf } from '../coach';
import type { ResultsStore } from './results-state';

let saveChain: Promise<void> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | null = null;

export function scheduleSave({ set, get }: ResultsStore): void {
  if (saveTimer) clearTimeout(saveTimer);
  set({ saveState: 'saving', saveMessage: null });
  saveTimer = setTimeout(() => {
    saveTimer = null;
    const { id, corrections } = get();
    if (!id || !corrections) return;
    saveChain = saveChain.then(async () => {
      try {
        await call('results.saveCorrections', { id, corrections });
        if (get().id === id) set({ saveState: 'saved', saveMessage: null });
      } catch (error) {
        if (get().id === id) set({ saveState: 'error', saveMessage: messageOf(error) });
      }
    });
  }, 300);
}
