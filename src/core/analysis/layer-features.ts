/**
 * Features of every sentence for the learned layer model, read in context: the sentence's own
 * words and word pairs (features.ts), what it does (discourse.ts), the hand-written cue scores
 * and spoken layer markers, where it sits, what its neighbours do, what kind of text the whole
 * story is (a timeline, a list of action items, a spoken answer), and what the sentence and its
 * neighbours are about, read through pretrained word vectors (word-vectors.ts). A sentence's layer
 * depends on its neighbours: "we rolled back" inside a list of plans is not the recovery.
 */
import { discourseFeatures } from './discourse';
import { lexicalFeatures, stem } from './features';
import { LAYERS, type Layer } from './layers';
import { SHIPPED_WORD_VECTORS } from './shipped-word-vectors';
import { meaningFeatures, sentenceMeaning } from './word-vectors';

/** What the classifier already knows about one sentence before the learned model reads it. */
export interface SentenceInput {
  normalized: string;
  cueScore: Readonly<Record<Layer, number>>;
  marker: Layer | null;
  /** The sentence is a piece of a longer unpunctuated run cut by the segmenter. */
  continues: boolean;
}

/** A named feature and its value (1 for a present indicator). */
export type Feature = readonly [name: string, value: number];

/** Cue scores are capped at 5 (classify.ts): scaled to 0..1 so they weigh like indicators. */
const CUE_SCALE = 5;

function strongestCue(input: SentenceInput): Layer | null {
  let best: Layer | null = null;
  let score = 0.99;
  for (const l of LAYERS) {
    if (input.cueScore[l] > score) {
      best = l;
      score = input.cueScore[l];
    }
  }
  return best;
}

/** The features a neighbour contributes: what it does, not what it is about. */
function neighbourFeatures(
  prefix: string,
  input: SentenceInput | undefined,
  discourse: string[] | undefined,
): Feature[] {
  if (!input || !discourse) return [[`${prefix}none`, 1]];
  const out: Feature[] = discourse.map((d) => [`${prefix}${d}`, 1] as const);
  const cue = strongestCue(input);
  out.push([`${prefix}cue:${cue ?? 'none'}`, 1]);
  for (const w of contentWords(input.normalized)) out.push([`${prefix}u:${w}`, 1]);
  if (input.marker) out.push([`${prefix}marker:${input.marker}`, 1]);
  return out;
}

const CONTENT = /[a-z][a-z']{3,}/g;
const STOP = new Set(
  'that this with from have were what when then they them there their about into just also been because which would could should after before while some more than very much really'.split(
    ' ',
  ),
);

/** A neighbour's longer words, stemmed: enough to tell a list of plans from a list of events. */
function contentWords(normalized: string): string[] {
  return [...new Set((normalized.match(CONTENT) ?? []).filter((w) => !STOP.has(w)).map(stem))];
}

/** What kind of text the story is, from the share of its sentences with a trait. */
function documentFeatures(discourse: readonly string[][]): Feature[] {
  const n = Math.max(1, discourse.length);
  const share = (f: string) => discourse.filter((d) => d.includes(f)).length / n;
  const out: Feature[] = [];
  if (share('q:clock') >= 0.2) out.push(['doc:timeline', 1]);
  if (share('end:none') >= 0.2) out.push(['doc:fragments', 1]);
  if (share('tone:filler') >= 0.2) out.push(['doc:spoken', 1]);
  if (share('subj:i') >= 0.3) out.push(['doc:first-person', 1]);
  out.push([`doc:size:${discourse.length <= 8 ? 'short' : discourse.length <= 20 ? 'mid' : 'long'}`, 1]);
  return out;
}

/** Whether the hand-written cue phrases name a layer outright (a score of 1 or more; classify.ts reads it too). */
export function cuesNameLayer(cueScore: Readonly<Record<Layer, number>>): boolean {
  return LAYERS.some((l) => cueScore[l] >= 1);
}

/**
 * Whether a sentence keeps a place feature. One that names its layer is read by what it says
 * rather than where it sits: a spoken marker ("Detection was the easy part: …") loses every place
 * feature, a cue phrase only the opening's (the first fifth, the first sentence). Openings are
 * mostly the headline's scene-setting, which pulled "I've since moved …", told second after a
 * lesson, to the headline; a cue is surer of its layer in the middle and at the end of a story, where
 * the last fifth still tells a lesson from a fix.
 */
function keepsPlace(input: SentenceInput): (feature: string) => boolean {
  if (input.marker) return (f) => !f.startsWith('pos:');
  if (cuesNameLayer(input.cueScore)) return (f) => f !== 'pos:0' && f !== 'pos:first';
  return () => true;
}

/** The features of one sentence of the story. */
function ownFeatures(input: SentenceInput, discourse: readonly string[], index: number, count: number): Feature[] {
  const out: Feature[] = lexicalFeatures(input.normalized, index, count)
    .filter(keepsPlace(input))
    .map((f) => [f, 1] as const);
  for (const d of discourse) out.push([d, 1]);
  for (const l of LAYERS) if (input.cueScore[l] > 0) out.push([`cue:${l}`, input.cueScore[l] / CUE_SCALE]);
  if (input.marker) out.push([`marker:${input.marker}`, 1]);
  if (input.continues) out.push(['continues', 1]);
  return out;
}

/** Features of every sentence of a story, in order. */
export function storyFeatures(inputs: readonly SentenceInput[]): Feature[][] {
  const discourse = inputs.map((s) => discourseFeatures(s.normalized));
  const meaning = inputs.map((s) => sentenceMeaning(s.normalized, SHIPPED_WORD_VECTORS));
  const doc = documentFeatures(discourse);
  return inputs.map((input, i) => [
    ...ownFeatures(input, discourse[i] ?? [], i, inputs.length),
    ...meaningFeatures(meaning[i] ?? null),
    ...(i > 0 ? meaningFeatures(meaning[i - 1] ?? null, 'prev:') : []),
    ...(i < inputs.length - 1 ? meaningFeatures(meaning[i + 1] ?? null, 'next:') : []),
    ...neighbourFeatures('prev:', inputs[i - 1], discourse[i - 1]),
    ...neighbourFeatures('next:', inputs[i + 1], discourse[i + 1]),
    ...doc,
  ]);
}
