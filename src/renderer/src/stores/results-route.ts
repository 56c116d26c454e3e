import { VIEWS } from './navigation';

/**
 * The results view belongs to the results feature; until its route exists, the practice view
 * shows its own summary of the analysis after processing.
 */
export function hasResultsRoute(): boolean {
  return (VIEWS as readonly string[]).includes('results');
}

export function openResults(sessionId: string): void {
  if (hasResultsRoute()) window.location.hash = `#/results/${encodeURIComponent(sessionId)}`;
}
