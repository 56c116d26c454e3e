/**
 * How layers look in the UI. Colours come from the CSS variables (--layer-<id>) and are never
 * shown alone: every use pairs them with the layer's name or its short tag.
 */
import { LAYER_INFO, type Layer } from '../../../core/analysis/layers';

export function layerVar(layer: Layer): string {
  return `var(--layer-${layer})`;
}

/** Short tag shown on sentences and narrow timeline spans: H, L1-L5, or "–" for other. */
export function layerTag(layer: Layer): string {
  const n = LAYER_INFO[layer].number;
  if (n !== null) return `L${n}`;
  return layer === 'headline' ? 'H' : '·';
}

export function layerName(layer: Layer): string {
  return LAYER_INFO[layer].name;
}

/** Resolved colour of a layer (canvas drawing needs a real colour, not a CSS variable). */
export function layerColor(layer: Layer, alpha = 1): string {
  const raw = getComputedStyle(document.documentElement).getPropertyValue(`--layer-${layer}`).trim() || '#888888';
  if (alpha >= 1) return raw;
  const hex = raw.replace('#', '');
  const full =
    hex.length === 3
      ? hex
          .split('')
          .map((c) => c + c)
          .join('')
      : hex;
  const n = Number.parseInt(full, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
