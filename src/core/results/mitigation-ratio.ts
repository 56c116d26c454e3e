import type { Analysis } from '../analysis/types';

/**
 * "Mitigation vs structural fix" as the page and the exports say it. A zero on either side is
 * named ("no mitigation", "no structural fix") instead of shown as a ratio such as 0.00×.
 */
export function mitigationVersusFix(analysis: Pick<Analysis, 'timeline' | 'layers'>): string {
  const mitigation = analysis.layers.mitigation.seconds;
  const fix = analysis.layers.structural_fix.seconds;
  if (mitigation <= 0 && fix <= 0) return 'no mitigation and no structural fix';
  if (fix <= 0) return 'no structural fix';
  if (mitigation <= 0) return 'no mitigation';
  const ratio = analysis.timeline.mitigationToStructuralFixRatio ?? mitigation / fix;
  return `mitigation took ${ratio.toFixed(2)}× the time of the structural fix`;
}
