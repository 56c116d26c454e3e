/** The worker that re-analyses a take, and the corrections whose analysis is on screen. */
import type { Corrections } from '../../../core/corrections';
import { createRecomputer, type Recomputer } from '../results/recompute-protocol';

/** The engine runs in a worker (created with the first take opened). */
let recomputer: Recomputer | null = null;
export function engine(): Recomputer {
  recomputer ??= createRecomputer();
  return recomputer;
}

/** The corrections whose analysis is on screen (restored when a newer edit fails). */
let lastGood: Corrections | null = null;
export function lastGoodCorrections(): Corrections | null {
  return lastGood;
}
export function markGood(corrections: Corrections | null): void {
  lastGood = corrections;
}
