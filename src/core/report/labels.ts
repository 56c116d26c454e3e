/**
 * How layers look in exported reports: a short tag and a colour. Colours match the app's palette
 * (Okabe-Ito derived, distinguishable with common colour-vision deficiencies) and are always shown
 * next to the layer's name, never alone.
 */
import { LAYER_INFO, type Layer } from '../analysis/layers';

/** "L4 Structural fix", "Headline". */
export function layerTag(layer: Layer): string {
  const info = LAYER_INFO[layer];
  return info.number === null ? info.name : `L${info.number} ${info.name}`;
}

/** Strong colour (bars, swatches, borders) on a white page. */
export const LAYER_COLOR: Readonly<Record<Layer, string>> = {
  headline: '#6b7785',
  detection: '#2b8cc4',
  attribution: '#c98a00',
  mitigation: '#d55e00',
  structural_fix: '#009e73',
  system_learning: '#b5589a',
  other: '#9aa3ad',
};

/** Light tint behind a sentence of the layer (dark text stays above 7:1 contrast on it). */
export const LAYER_TINT: Readonly<Record<Layer, string>> = {
  headline: '#eef0f3',
  detection: '#e3f1fa',
  attribution: '#fbf1d9',
  mitigation: '#fbe6da',
  structural_fix: '#dcf3ea',
  system_learning: '#f6e4f0',
  other: '#f3f4f6',
};
