import { useEffect } from 'react';
import { useFreshData } from '../../use-fresh-data';
import { subscribeModelProgress, useModels } from '../../stores/models';
import type { ModelsOverview } from '../../stores/models-state';

/**
 * Keeps the models panel current: the list (again after a failure), download progress events,
 * and the back end measuring newly installed models in the background, followed until done.
 */
export function useModelsUpkeep(overview: ModelsOverview | null, loadError: string | null): void {
  const load = useModels((s) => s.load);
  useFreshData(load, loadError !== null);
  useEffect(() => subscribeModelProgress(), []);
  const benchState = overview?.benchState ?? 'idle';
  useEffect(() => {
    if (benchState === 'idle') return undefined;
    const timer = setTimeout(() => void load(), 1500);
    return () => clearTimeout(timer);
  }, [benchState, overview, load]);
}
