/**
 * Layer classifier: per-sentence scores from cue phrases, explicit markers and position,
 * decoded over the whole story as a sequence (see decode.ts). Markers are honoured but checked
 * against the content: a sentence announced as "Structural fix —" that only describes a hotfix
 * is labelled Mitigation, with evidence saying so.
 */
import { matchCues, normalize, type CueHit } from './cues';
import { decode } from './decode';
import { LAYERS, layerName, perLayer, type Layer } from './layers';
import { findMarker, type Marker } from './markers';
import type { SentenceEvidence } from './types';

export interface ClassifiedSentence {
  layer: Layer;
  confidence: number;
  probabilities: Record<Layer, number>;
  explicitMarker: Layer | null;
  evidence: SentenceEvidence[];
  /** Cue hits of the sentence (all layers), reused by the rubric and worksheet. */
  hits: CueHit[];
  normalized: string;
}

/** Weight of an explicit marker that the content supports (or does not contradict). */
const MARKER_WEIGHT = 3.2;
/** Weight of a marker whose sentence shows no sign of the layer and a clear sign of another. */
const MARKER_WEIGHT_CONTRADICTED = 0.8;
/** Content score for another layer above which an unsupported marker counts as contradicted. */
const CONTRADICTION_LEVEL = 1.5;
/** Per-layer cap so one long sentence full of cues does not swamp the sequence. */
const MAX_CUE_SCORE = 5;
/** How much cue evidence counts against the story-flow preferences of the decoder. */
const EMISSION_SCALE = 1.2;
const BIAS: Record<Layer, number> = perLayer((l) => (l === 'other' ? -1.2 : 0));

interface SentenceFeatures {
  normalized: string;
  hits: CueHit[];
  cueScore: Record<Layer, number>;
  marker: Marker | null;
  markerWeight: number;
  position: Record<Layer, number>;
  positionNote: string | null;
}

/** Emission that rules a layer out for a sentence whose layer the user set by hand. */
const RULED_OUT = -1e6;

/**
 * `overrides` (corrections) fixes the layer of some sentences by index: their emissions allow
 * only that layer, so the decoder keeps them and fits their neighbours around them.
 */
export function classifySentences(
  texts: readonly string[],
  overrides: Readonly<Record<number, Layer>> = {},
): ClassifiedSentence[] {
  const features = texts.map((text, i) => sentenceFeatures(text, i, texts.length));
  const emissions = features.map((f, i) => {
    const fixed = overrides[i];
    if (fixed) return LAYERS.map((l) => (l === fixed ? 0 : RULED_OUT));
    return LAYERS.map((l) => {
      const marker = f.marker?.layer === l ? f.markerWeight : 0;
      return BIAS[l] + EMISSION_SCALE * f.cueScore[l] + marker + f.position[l];
    });
  });
  const { path, posteriors } = decode(emissions);
  return features.map((f, i) => {
    const layer = path[i] ?? 'other';
    const post = posteriors[i] ?? [];
    const probabilities = perLayer((l) => round3(post[LAYERS.indexOf(l)] ?? 0));
    return {
      layer,
      confidence: probabilities[layer],
      probabilities,
      explicitMarker: f.marker?.layer ?? null,
      evidence: overrides[i]
        ? [{ kind: 'corrected', text: `You set this sentence to ${layerName(layer)} by hand.`, layer }]
        : explain(f, layer, path, i),
      hits: f.hits,
      normalized: f.normalized,
    };
  });
}

function sentenceFeatures(text: string, index: number, count: number): SentenceFeatures {
  const normalized = normalize(text);
  const hits = matchCues(normalized);
  const cueScore = perLayer(() => 0);
  for (const hit of hits) cueScore[hit.cue.layer] += hit.weight;
  for (const l of LAYERS) cueScore[l] = Math.min(MAX_CUE_SCORE, cueScore[l]);

  const marker = findMarker(normalized);
  let markerWeight = 0;
  if (marker) {
    const own = cueScore[marker.layer];
    const strongestOther = Math.max(...LAYERS.filter((l) => l !== marker.layer).map((l) => cueScore[l]));
    const contradicted = !marker.announcementOnly && own === 0 && strongestOther >= CONTRADICTION_LEVEL;
    markerWeight = contradicted ? MARKER_WEIGHT_CONTRADICTED : MARKER_WEIGHT;
  }

  const position = perLayer(() => 0);
  let positionNote: string | null = null;
  const rel = count > 1 ? index / (count - 1) : 0;
  const wordCount = normalized.split(' ').filter((w) => /[a-z0-9]/.test(w)).length;
  if (index === 0) {
    position.headline += 0.5;
    positionNote = 'opening sentence of the answer';
  } else if (index === 1) {
    position.headline += 0.5;
  }
  if (rel > 0.35 && count > 4) position.headline -= 1.5;
  if (index === count - 1 && count > 3 && wordCount <= 14) {
    position.other += 1.0;
    positionNote = 'closing sentence of the answer';
  }
  const anyCue = hits.length > 0 || marker !== null;
  if (!anyCue && wordCount <= 3) {
    position.other += 3.0;
    positionNote = 'a very short remark';
  }
  return { normalized, hits, cueScore, marker, markerWeight, position, positionNote };
}

function explain(f: SentenceFeatures, layer: Layer, path: readonly Layer[], i: number): SentenceEvidence[] {
  const evidence: SentenceEvidence[] = [];
  if (f.marker) {
    if (f.marker.layer === layer) {
      evidence.push({
        kind: 'explicit_marker',
        text: `You introduced it as ${layerName(layer)} ("${f.marker.phrase}").`,
        phrase: f.marker.phrase,
        layer,
      });
    } else {
      evidence.push({
        kind: 'marker_overruled',
        text: `You introduced it as ${layerName(f.marker.layer)} ("${f.marker.phrase}"), but what it describes belongs to ${layerName(layer)}.`,
        phrase: f.marker.phrase,
        layer: f.marker.layer,
      });
    }
  }
  const own = f.hits
    .filter((h) => h.cue.layer === layer)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  for (const hit of own) {
    evidence.push({
      kind: 'cue',
      text: `${capitalize(hit.cue.why)}: "${hit.phrase}".`,
      phrase: hit.phrase,
      layer,
    });
  }
  if (f.positionNote && (layer === 'headline' || layer === 'other')) {
    evidence.push({ kind: 'position', text: `It is the ${f.positionNote}.`, layer });
  }
  const ownScore = f.cueScore[layer];
  if (ownScore < 1 && !(f.marker && f.marker.layer === layer)) {
    const prev = path[i - 1];
    const next = path[i + 1];
    if (prev === layer || next === layer) {
      evidence.push({
        kind: 'context',
        text: `It continues the ${layerName(layer)} part of your answer around it.`,
        layer,
      });
    } else if (evidence.length === 0) {
      evidence.push({
        kind: 'context',
        text: `No clear cue; ${layerName(layer)} fits best where it sits in your story.`,
        layer,
      });
    }
  }
  // Name the strongest competing cue when it is close, so a user sees why it was a close call.
  const rival = f.hits.filter((h) => h.cue.layer !== layer).sort((a, b) => b.weight - a.weight)[0];
  if (rival && rival.weight >= 1.5 && f.cueScore[rival.cue.layer] >= ownScore) {
    evidence.push({
      kind: 'cue',
      text: `Also sounds like ${layerName(rival.cue.layer)} (${rival.cue.why}: "${rival.phrase}"), but the story around it says ${layerName(layer)}.`,
      phrase: rival.phrase,
      layer: rival.cue.layer,
    });
  }
  return evidence;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
