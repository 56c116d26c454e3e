/**
 * Live pacing while recording: the layer the speaker is in now and the seconds spent per layer so
 * far, read off an analysis of the partial transcript. Off by default in the UI (delayed feedback
 * teaches better); when on, it answers "am I still on Mitigation?" at a glance.
 */
import { STORY_LAYERS, type Layer } from '../analysis/layers';
import type { Analysis } from '../analysis/types';

export interface Pacing {
  currentLayer: Layer | null;
  secondsPerLayer: Record<string, number>;
  transcribedSec: number;
}

export function pacingFromAnalysis(analysis: Analysis): Pacing {
  const last = analysis.sentences[analysis.sentences.length - 1];
  const secondsPerLayer: Record<string, number> = { headline: round1(analysis.layers.headline.seconds) };
  for (const layer of STORY_LAYERS) secondsPerLayer[layer] = round1(analysis.layers[layer].seconds);
  return {
    currentLayer: last ? last.layer : null,
    secondsPerLayer,
    transcribedSec: round1(last ? last.end : 0),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
