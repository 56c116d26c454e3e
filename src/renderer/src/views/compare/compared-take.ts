import type { Analysis } from '../../../../core/analysis/types';
import type { SessionDocument } from '../../../../shared/session-document';

/** One of the two takes compared, with the analysis it is shown by. */
export interface ComparedTake {
  doc: SessionDocument;
  analysis: Analysis;
}

/** A signed change for the tables: −2, ±0, +3 (with a unit when given). */
export function signed(n: number, unit = ''): string {
  if (n === 0) return `±0${unit}`;
  return `${n > 0 ? '+' : '−'}${Math.abs(n)}${unit}`;
}
