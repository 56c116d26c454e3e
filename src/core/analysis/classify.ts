/**
 * Layer classifier: every sentence is scored by the learned layer model (learned-model.ts) over
 * context features (layer-features.ts: its words, what it does, the hand-written cues and spoken
 * markers, its neighbours, the kind of text), then the whole story is decoded as a sequence over
 * layer transitions (decode.ts). The hand-written cues also explain each label to the user.
 * The story reader (story-reader.ts) adds its reading of the whole story; where the back end has
 * encoded the sentences, the meaning model (a sentence and its neighbours) and the context model
 * (the whole story) add theirs from the sentence vectors.
 */
import { matchCues, normalize, type CueHit } from './cues';
import { buildSequenceModel, decode, weighted, type SequenceModel } from './decode';
import { cuesNameLayer, storyFeatures, type Feature, type SentenceInput } from './layer-features';
import { LAYERS, layerName, perLayer, type Layer } from './layers';
import { layerLogProbabilities, LearnedModelSchema, strongestWords, type LearnedModel } from './learned-model';
import modelData from './layer-model.json' with { type: 'json' };
import { findMarker, type Marker } from './markers';
import { SHIPPED_WORD_VECTORS } from './shipped-word-vectors';
import { loadStoryReader, readerFlags, readStory, StoryReaderSchema, type StoryReader } from './story-reader';
import readerData from './story-reader.json' with { type: 'json' };
import meaningData from './meaning-model.json' with { type: 'json' };
import { meaningScores, MeaningModelSchema, vectorsOf, type MeaningModel } from './meaning-model';
import contextData from './context-model.json' with { type: 'json' };
import { contextScores, ContextModelSchema, type ContextModel } from './context-model';
import calibrationData from './calibration.json' with { type: 'json' };
import { CalibrationSchema, LOW_CONFIDENCE, type Calibration } from './calibration';
import type { SentenceVectors } from './sentence-vectors';
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
const BIAS: Record<Layer, number> = perLayer((l) => (l === 'other' ? -1.2 : 0));

/** The trained model shipped with the app (checked against its schema once, at load). */
export const SHIPPED_MODEL: LearnedModel = LearnedModelSchema.parse(modelData);

/** The meaning model shipped with the app, checked against its schema once, at load. */
export const SHIPPED_MEANING_MODEL: MeaningModel = MeaningModelSchema.parse(meaningData);

/** The context model shipped with the app, checked against its schema once, at load. */
export const SHIPPED_CONTEXT_MODEL: ContextModel = ContextModelSchema.parse(contextData);

/** How far the shipped engine's posteriors are tempered, checked against its schema once, at load. */
export const SHIPPED_CALIBRATION: Calibration = CalibrationSchema.parse(calibrationData);

/** The story reader shipped with the app, checked against its schema and shapes once, at load. */
export const SHIPPED_READER: StoryReader = loadStoryReader(StoryReaderSchema.parse(readerData));

/** The parts of the classifier that are estimated from labelled stories (swappable for cross-validation). */
export interface ClassifierModel {
  learned: LearnedModel;
  /** How much the hand-written rule scores count next to the learned model (0: not at all). */
  ruleScale: number;
  /** The model that reads the whole story; null labels with the linear model alone. */
  reader: StoryReader | null;
  /** The model that reads sentence vectors, where the caller has them; null ignores them. */
  meaning: MeaningModel | null;
  /** The model that reads the whole story's sentence vectors at once; null ignores it. */
  context: ContextModel | null;
  /** What the story's scores are divided by before the posteriors are computed (calibration.ts). */
  temperature: number;
}

export const RULE_SCALE = 0.5;

export const DEFAULT_CLASSIFIER_MODEL: ClassifierModel = {
  learned: SHIPPED_MODEL,
  ruleScale: RULE_SCALE,
  reader: SHIPPED_READER,
  meaning: SHIPPED_MEANING_MODEL,
  context: SHIPPED_CONTEXT_MODEL,
  temperature: SHIPPED_CALIBRATION.temperature,
};

const SEQUENCES = new WeakMap<LearnedModel, SequenceModel>();

function sequenceOf(model: LearnedModel): SequenceModel {
  let seq = SEQUENCES.get(model);
  if (!seq) {
    seq = weighted(buildSequenceModel(model.sequence), model.transitionWeight);
    SEQUENCES.set(model, seq);
  }
  return seq;
}

interface SentenceFeatures {
  normalized: string;
  hits: CueHit[];
  cueScore: Record<Layer, number>;
  marker: Marker | null;
  markerWeight: number;
  position: Record<Layer, number>;
  positionNote: string | null;
}

/** "The third was…", "And the second one:" — an item in a list being counted through. */
const LIST_ITEM =
  /^(?:and |then )?(?:the )?(?:second|third|fourth|fifth|sixth|seventh|next|other) (?:one |place |system |team |service |case |area )?(?:was|is|:)/;

/** Emission that rules a layer out for a sentence whose layer the user set by hand. */
const RULED_OUT = -1e6;
/**
 * Weight of the layer a document's section heading suggests: authors have usually sorted their
 * sentences already, so it outweighs most cues, yet a sentence that plainly says something else
 * (an apology under Action items, a cause inside Summary) can still overrule it.
 */
const SECTION_WEIGHT = 2;
/**
 * A timeline entry is an event as it happened: it can say how the team found out, what broke or
 * what was done, but an action item or a lesson is not an event, so those two layers start lower.
 */
const TIMELINE_EVENT_PENALTY = 1.5;
const NOT_EVENTS: readonly Layer[] = ['structural_fix', 'system_learning'];

/**
 * `overrides` (corrections) fixes the layer of some sentences by index: their emissions allow
 * only that layer, so the decoder keeps them and fits their neighbours around them.
 */
export function classifySentences(
  texts: readonly string[],
  overrides: Readonly<Record<number, Layer>> = {},
  model: ClassifierModel = DEFAULT_CLASSIFIER_MODEL,
  continues: readonly boolean[] = [],
  structure: readonly Structure[] = [],
  vectors?: SentenceVectors,
): ClassifiedSentence[] {
  const features = texts.map((text, i) => sentenceFeatures(text, i, texts.length, continues[i] === true));
  const context = storyFeatures(features.map((f, i) => inputOf(f, continues[i] === true)));
  const learnedScores = context.map((c) => layerLogProbabilities(c, model.learned));
  const read = model.reader
    ? readerScores(
        model.reader,
        features,
        context,
        features.map((f, i) => readerSpeaks(f, context[i], learnedScores[i], model.learned)),
      )
    : [];
  const meaning = model.meaning
    ? meaningScores(model.meaning, vectorsOf(texts, vectors, model.meaning.dimensions))
    : [];
  // Like the reader, the context model, which has learned the usual shape of a story, is silent
  // where the sentence names its layer itself ("Detection: the pages came…").
  const wholeStory = model.context
    ? contextScores(model.context, vectorsOf(texts, vectors, model.context.dimensions)).map((row, i) =>
        namesItsLayer(features[i]) ? null : row,
      )
    : [];
  const emissions = features.map((f, i) => {
    const fixed = overrides[i];
    if (fixed) return LAYERS.map((l) => (l === fixed ? 0 : RULED_OUT));
    const learned = learnedScores[i] ?? [];
    const section = structure[i]?.layer ?? null;
    const event = structure[i]?.timeline === true;
    return LAYERS.map(
      (l, k) =>
        (learned[k] ?? 0) +
        (read[i]?.[k] ?? 0) +
        (meaning[i]?.[k] ?? 0) +
        (wholeStory[i]?.[k] ?? 0) +
        model.ruleScale * ruleScore(f, l) +
        (l === section ? SECTION_WEIGHT : 0) -
        (event && NOT_EVENTS.includes(l) ? TIMELINE_EVENT_PENALTY : 0),
    );
  });
  // The next item of a list the speaker is counting through ("The third was our event
  // pipeline, where...") keeps the list's layer, like a fragment of a cut sentence does.
  const chained = features.map((f, i) => continues[i] === true || (i > 0 && LIST_ITEM.test(f.normalized)));
  const { path, posteriors } = decodeAroundAsides(
    emissions,
    features,
    overrides,
    sequenceOf(model.learned),
    chained,
    model.temperature,
  );
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
        : [
            ...sectionEvidence(structure[i], layer),
            ...explain(f, layer, path, i, post[LAYERS.indexOf(layer)] ?? 0, () =>
              strongestWords(context[i] ?? [], model.learned, layer),
            ),
          ],
      hits: f.hits,
      normalized: f.normalized,
    };
  });
}

/**
 * The story reader's log-probabilities, weighted as they count in the emissions, for the
 * sentences it speaks for (none for the others).
 */
function readerScores(
  reader: StoryReader,
  features: readonly SentenceFeatures[],
  context: readonly Feature[][],
  speaking: readonly boolean[],
): number[][] {
  // A story whose every sentence names its layer gives the reader nothing to say: skip reading it.
  if (!speaking.includes(true)) return [];
  const sentences = features.map((f, i) => ({ normalized: f.normalized, flags: readerFlags(context[i] ?? []) }));
  const w = reader.file.weight;
  return readStory(reader, sentences, SHIPPED_WORD_VECTORS).map((row, i) => (speaking[i] ? row.map((x) => w * x) : []));
}

/** A spoken marker, or a phrase of the hand-written cues: the sentence says which layer it is. */
function namesItsLayer(f: SentenceFeatures | undefined): boolean {
  return !f || f.marker !== null || cuesNameLayer(f.cueScore);
}

/**
 * Where the story reader has a say. Not where the sentence names its layer itself (a spoken
 * marker, or a phrase of the hand-written cues): the speaker's own words decide there, and the
 * reader, which also learned the usual order of a story, overruled them on lessons told early;
 * the real sets score higher without it there (bench/layer-model/EXPERIMENTS.md). Not where the sentence says nothing the layer model reads either ("The bit after that
 * took a while."): the reader's view of it would be its place in the story alone, which the
 * decoder already weighs, and such a label must stay a visible guess. Elsewhere — most of what
 * real people say — the whole story helps.
 */
function readerSpeaks(
  f: SentenceFeatures | undefined,
  context: readonly Feature[] = [],
  learned: readonly number[] = [],
  model: LearnedModel,
): boolean {
  if (namesItsLayer(f)) return false;
  const top = LAYERS[learned.indexOf(Math.max(...learned))] ?? 'other';
  return strongestWords(context, model, top).length > 0;
}

/** Where a document sentence sits: the layer its section suggests and the heading that says so. */
export interface Structure {
  layer: Layer | null;
  heading: string | null;
  /** An entry of a timeline (a timestamped line or table row). */
  timeline?: boolean;
}

function sectionEvidence(s: Structure | undefined, layer: Layer): SentenceEvidence[] {
  if (!s?.layer) return [];
  const where = s.heading ? `the “${s.heading}” heading` : 'a checklist of action items';
  return [
    s.layer === layer
      ? { kind: 'section', text: `Sits under ${where}.`, layer }
      : {
          kind: 'section',
          text: `Sits under ${where}, but what it says belongs to ${layerName(layer)}.`,
          layer: s.layer,
        },
  ];
}

/** The hand-written score of a layer for a sentence: cues, spoken marker and position. */
function ruleScore(f: SentenceFeatures, l: Layer): number {
  return BIAS[l] + f.cueScore[l] + (f.marker?.layer === l ? f.markerWeight : 0) + f.position[l];
}

function inputOf(f: SentenceFeatures, continues: boolean): SentenceInput {
  return { normalized: f.normalized, cueScore: f.cueScore, marker: f.marker?.layer ?? null, continues };
}

/** What the learned model reads of each sentence before context is added (layer-features.ts). */
function sentenceInputs(texts: readonly string[], continues: readonly boolean[] = []): SentenceInput[] {
  return texts.map((text, i) =>
    inputOf(sentenceFeatures(text, i, texts.length, continues[i] === true), continues[i] === true),
  );
}

/** Context features of a story's sentences, as the classifier reads them (for training). */
export function contextFeatures(texts: readonly string[], continues: readonly boolean[] = []): Feature[][] {
  return storyFeatures(sentenceInputs(texts, continues));
}

function sentenceFeatures(text: string, index: number, count: number, continues: boolean): SentenceFeatures {
  const normalized = normalize(text);
  const hits = matchCues(normalized);
  const cueScore = layerScores(hits);

  const marker = findMarker(normalized);
  let markerWeight = 0;
  if (marker) {
    // Cue words inside the marker itself ("for the system learning part") are the label, not
    // evidence for it: a speaker who mislabels a layer must not be believed on the label's words.
    const at = normalized.indexOf(marker.phrase);
    const own =
      at < 0
        ? cueScore[marker.layer]
        : layerScores(hits.filter((h) => !(h.index < at + marker.phrase.length && at < h.end)))[marker.layer];
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
  // A piece that continues the previous sentence is a fragment, not a closing remark.
  if (index === count - 1 && count > 3 && wordCount <= 14 && !continues) {
    position.other += 1.0;
    positionNote = 'closing sentence of the answer';
  }
  const anyCue = hits.length > 0 || marker !== null;
  if (!anyCue && wordCount <= 3 && !continues) {
    position.other += 3.0;
    positionNote = 'a very short remark';
  }
  return { normalized, hits, cueScore, marker, markerWeight, position, positionNote };
}

/**
 * Sums cue weights per layer, counting the same words once: when a phrase cue and a frame (or
 * two frames) of one layer match overlapping text, only the stronger counts. Capped per layer.
 */
export function layerScores(hits: readonly CueHit[]): Record<Layer, number> {
  const score = perLayer(() => 0);
  const taken = perLayer((): Array<[number, number]> => []);
  for (const hit of [...hits].sort((a, b) => b.weight - a.weight)) {
    const spans = taken[hit.cue.layer];
    if (spans.some(([a, b]) => hit.index < b && a < hit.end)) continue;
    spans.push([hit.index, hit.end]);
    score[hit.cue.layer] += hit.weight;
  }
  for (const l of LAYERS) score[l] = Math.min(MAX_CUE_SCORE, score[l]);
  return score;
}

/** An aside needs at least this much "other" cue evidence... */
const ASIDE_LEVEL = 2.5;
/** ...ahead of any layer's own evidence by this margin. */
const ASIDE_MARGIN = 1.0;

/**
 * True when a sentence is plainly an aside ("Side note, ...", "Okay, I'll take the one from
 * ...", a remark about how people behaved): strong "other" evidence and no comparable sign of a
 * layer. Asides are taken out of the sequence before decoding, because an aside does not change
 * where the story is: the sentence after it continues from the sentence before it.
 */
function isAside(f: SentenceFeatures): boolean {
  if (f.marker && f.marker.layer !== 'other') return false;
  const other = f.cueScore.other;
  const best = Math.max(...LAYERS.filter((l) => l !== 'other').map((l) => f.cueScore[l]));
  return other >= ASIDE_LEVEL && other - best >= ASIDE_MARGIN;
}

/** Decodes the story without its asides, then puts them back as Other. */
function decodeAroundAsides(
  emissions: readonly (readonly number[])[],
  features: readonly SentenceFeatures[],
  overrides: Readonly<Record<number, Layer>>,
  sequence: SequenceModel,
  continues: readonly boolean[],
  temperature: number,
): { path: Layer[]; posteriors: number[][] } {
  const keep = features.map((f, i) => overrides[i] !== undefined || !isAside(f));
  const kept = emissions.filter((_, i) => keep[i]);
  const inner = decode(
    kept,
    sequence,
    continues.filter((_, i) => keep[i]),
    temperature,
  );
  const path: Layer[] = [];
  const posteriors: number[][] = [];
  let j = 0;
  emissions.forEach((e, i) => {
    if (keep[i]) {
      path.push(inner.path[j] ?? 'other');
      posteriors.push(inner.posteriors[j] ?? []);
      j++;
    } else {
      path.push('other');
      posteriors.push(softmax(e.map((x) => x / temperature)));
    }
  });
  return { path, posteriors };
}

function softmax(xs: readonly number[]): number[] {
  const max = Math.max(...xs);
  const exps = xs.map((x) => Math.exp(x - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((x) => x / total);
}

/** The speaker's own signpost: agreeing with the label, or overruled by what the sentence says. */
function markerEvidence(f: SentenceFeatures, layer: Layer): SentenceEvidence[] {
  if (!f.marker) return [];
  if (f.marker.layer === layer) {
    return [
      {
        kind: 'explicit_marker',
        text: `You introduced it as ${layerName(layer)} ("${f.marker.phrase}").`,
        phrase: f.marker.phrase,
        layer,
      },
    ];
  }
  return [
    {
      kind: 'marker_overruled',
      text: `You introduced it as ${layerName(f.marker.layer)} ("${f.marker.phrase}"), but what it describes belongs to ${layerName(layer)}.`,
      phrase: f.marker.phrase,
      layer: f.marker.layer,
    },
  ];
}

/** The three strongest phrases that point at the chosen layer. */
function ownCueEvidence(f: SentenceFeatures, layer: Layer): SentenceEvidence[] {
  return f.hits
    .filter((h) => h.cue.layer === layer)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((hit) => ({
      kind: 'cue',
      text: `${capitalize(hit.cue.why)}: "${hit.phrase}".`,
      phrase: hit.phrase,
      layer,
    }));
}

function positionEvidence(f: SentenceFeatures, layer: Layer): SentenceEvidence[] {
  if (!f.positionNote || (layer !== 'headline' && layer !== 'other')) return [];
  return [{ kind: 'position', text: `It is the ${f.positionNote}.`, layer }];
}

function learnedWordingEvidence(
  f: SentenceFeatures,
  layer: Layer,
  learned: () => readonly string[],
): SentenceEvidence[] {
  // Only worth looking up when the cues do not explain the label.
  const words = f.cueScore[layer] < 1 ? learned() : [];
  if (words.length === 0) return [];
  return [
    {
      kind: 'cue',
      text: `Its wording is typical of ${layerName(layer)} in labelled answers (${words.map((w) => `"${w}"`).join(', ')}).`,
      phrase: words[0] as string,
      layer,
    },
  ];
}

/**
 * Without a cue or marker of its own, the label comes from the neighbours: say so, and call a
 * low posterior a guess. With nothing else said yet, a reason is given even when confident.
 */
function contextEvidence(
  f: SentenceFeatures,
  layer: Layer,
  path: readonly Layer[],
  i: number,
  confidence: number,
  nothingSaidYet: boolean,
): SentenceEvidence[] {
  if (f.cueScore[layer] >= 1 || (f.marker && f.marker.layer === layer)) return [];
  const guess = confidence < LOW_CONFIDENCE ? ' No phrase in it names a layer, so this is a low-confidence guess.' : '';
  if (path[i - 1] === layer || path[i + 1] === layer) {
    return [
      {
        kind: 'context',
        text: `It continues the ${layerName(layer)} part of your answer around it.${guess}`,
        layer,
      },
    ];
  }
  if (!nothingSaidYet && !guess) return [];
  return [
    {
      kind: 'context',
      text: `No clear cue; ${layerName(layer)} fits best where it sits in your story.${guess ? ' This is a low-confidence guess.' : ''}`,
      layer,
    },
  ];
}

/** Name the strongest competing cue when it is close, so a user sees why it was a close call. */
function rivalEvidence(f: SentenceFeatures, layer: Layer): SentenceEvidence[] {
  const rival = f.hits.filter((h) => h.cue.layer !== layer).sort((a, b) => b.weight - a.weight)[0];
  if (!rival || rival.weight < 1.5 || f.cueScore[rival.cue.layer] < f.cueScore[layer]) return [];
  return [
    {
      kind: 'cue',
      text: `Also sounds like ${layerName(rival.cue.layer)} (${rival.cue.why}: "${rival.phrase}"), but the story around it says ${layerName(layer)}.`,
      phrase: rival.phrase,
      layer: rival.cue.layer,
    },
  ];
}

function explain(
  f: SentenceFeatures,
  layer: Layer,
  path: readonly Layer[],
  i: number,
  confidence: number,
  learned: () => readonly string[],
): SentenceEvidence[] {
  const evidence = [
    ...markerEvidence(f, layer),
    ...ownCueEvidence(f, layer),
    ...positionEvidence(f, layer),
    ...learnedWordingEvidence(f, layer, learned),
  ];
  return [
    ...evidence,
    ...contextEvidence(f, layer, path, i, confidence, evidence.length === 0),
    ...rivalEvidence(f, layer),
  ];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
