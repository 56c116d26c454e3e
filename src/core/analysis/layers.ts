/**
 * The layers of the 4-Layer Postmortem (plus the hidden fifth layer), exactly as the labelled
 * corpus names them. Presentation-neutral metadata only: colours belong to the UI.
 */

/** Layers that make up a well-told answer, in the order the lesson recommends telling them. */
export const OUTLINE_LAYERS = [
  'headline',
  'detection',
  'attribution',
  'mitigation',
  'structural_fix',
  'system_learning',
] as const;

/** Every sentence gets exactly one of these labels (the corpus labels, in canonical story order). */
export const LAYERS = [...OUTLINE_LAYERS, 'other'] as const;

export type Layer = (typeof LAYERS)[number];

/** The five numbered layers of the lesson (headline and other are not layers of the frame). */
export const STORY_LAYERS = ['detection', 'attribution', 'mitigation', 'structural_fix', 'system_learning'] as const;

export type StoryLayer = (typeof STORY_LAYERS)[number];

export type OutlineLayer = (typeof OUTLINE_LAYERS)[number];

export interface LayerInfo {
  id: Layer;
  /** Display name, e.g. "Structural fix". */
  name: string;
  /** Name with the lesson's number, e.g. "Layer 4 — Structural fix"; same as name when unnumbered. */
  longName: string;
  /** Lesson layer number 1-5, or null for headline/other. */
  number: 1 | 2 | 3 | 4 | 5 | null;
  /** The question the layer answers, in the app's words. */
  question: string;
  /** Position in the canonical telling order (0 = headline ... 5 = system learning, 6 = other). */
  canonicalIndex: number;
}

export const LAYER_INFO: Readonly<Record<Layer, LayerInfo>> = {
  headline: {
    id: 'headline',
    name: 'Headline',
    longName: 'Headline',
    number: null,
    question: 'What happened, to whom, and how bad was it?',
    canonicalIndex: 0,
  },
  detection: {
    id: 'detection',
    name: 'Detection',
    longName: 'Layer 1 — Detection',
    number: 1,
    question: 'How did the team actually find out, and how long was it live first?',
    canonicalIndex: 1,
  },
  attribution: {
    id: 'attribution',
    name: 'Attribution',
    longName: 'Layer 2 — Attribution',
    number: 2,
    question: 'What was the real cause (not the symptom), and whose system did it start in?',
    canonicalIndex: 2,
  },
  mitigation: {
    id: 'mitigation',
    name: 'Mitigation',
    longName: 'Layer 3 — Mitigation',
    number: 3,
    question: 'What restored service, and how fast?',
    canonicalIndex: 3,
  },
  structural_fix: {
    id: 'structural_fix',
    name: 'Structural fix',
    longName: 'Layer 4 — Structural fix',
    number: 4,
    question: 'What lasting change makes this class of failure impossible or caught early?',
    canonicalIndex: 4,
  },
  system_learning: {
    id: 'system_learning',
    name: 'System learning',
    longName: 'Layer 5 — System learning',
    number: 5,
    question: 'What did you learn about this class of failure, and where have you applied it since?',
    canonicalIndex: 5,
  },
  other: {
    id: 'other',
    name: 'Other',
    longName: 'Other',
    number: null,
    question: 'Greetings, asides and wrap-ups.',
    canonicalIndex: 6,
  },
};

export function isLayer(value: unknown): value is Layer {
  return typeof value === 'string' && (LAYERS as readonly string[]).includes(value);
}

export function layerName(layer: Layer): string {
  return LAYER_INFO[layer].name;
}

/** Builds a record with one entry per layer (keeps every consumer exhaustive). */
export function perLayer<T>(make: (layer: Layer) => T): Record<Layer, T> {
  return {
    headline: make('headline'),
    detection: make('detection'),
    attribution: make('attribution'),
    mitigation: make('mitigation'),
    structural_fix: make('structural_fix'),
    system_learning: make('system_learning'),
    other: make('other'),
  };
}
