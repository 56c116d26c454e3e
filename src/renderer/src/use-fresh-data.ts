import { useEffect } from 'react';

/** How often a view whose data failed to load asks again. */
const RETRY_FAILED_LOAD_MS = 3_000;

/**
 * Keeps what a view shows current: it loads when the view opens, again whenever the window comes
 * back into view (a take recorded, a model installed from the CLI or another window), and every few
 * seconds while the last load failed, so an error shown while the back end was unreachable clears
 * by itself once it answers again.
 */
export function useFreshData(load: () => Promise<void>, failing: boolean): void {
  useEffect(() => {
    void load();
    const onShow = (): void => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onShow);
    window.addEventListener('focus', onShow);
    return () => {
      document.removeEventListener('visibilitychange', onShow);
      window.removeEventListener('focus', onShow);
    };
  }, [load]);
  useEffect(() => {
    if (!failing) return undefined;
    const timer = setInterval(() => void load(), RETRY_FAILED_LOAD_MS);
    return () => clearInterval(timer);
  }, [failing, load]);
}
