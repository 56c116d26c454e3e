/**
 * The series of the progress charts and table. They differ by marker shape and dash as well as
 * colour, so that they stay apart without colour vision.
 */
import type { OutlineLayer } from '../../../../core/analysis/layers';
import type { RubricDimension } from '../../../../core/analysis/types';
import type { Marker } from './chart-primitives';

export const DIMENSION_STYLE: Record<RubricDimension, { color: string; dash: string; marker: Marker; short: string }> =
  {
    layer_balance: { color: '#56b4e9', dash: '', marker: 'circle', short: 'Layer balance' },
    structural_fix_specificity: { color: '#009e73', dash: '6 3', marker: 'square', short: 'Fix specificity' },
    system_learning: { color: '#cc79a7', dash: '2 3', marker: 'triangle', short: 'System learning' },
    honesty_about_detection: { color: '#f0e442', dash: '10 3 2 3', marker: 'diamond', short: 'Detection honesty' },
  };

export const SHARE_LAYERS: { layer: OutlineLayer; marker: Marker }[] = [
  { layer: 'mitigation', marker: 'circle' },
  { layer: 'structural_fix', marker: 'square' },
  { layer: 'system_learning', marker: 'triangle' },
];
