/**
 * Word features of a sentence for the learned layer model (a multinomial logistic regression
 * trained by bench/train-layer-model.ts): stemmed words and word pairs of the normalised text,
 * plus where the sentence sits in the answer. The learned scores back up the hand-written cues
 * where the cues are silent: wording they never saw still shares words with labelled sentences
 * of the same layer ("we killed the campaign" with "we paused the campaign").
 */
import { LAYERS, type Layer } from './layers';

/** Learned weights: one score per layer (in LAYERS order) for each feature, plus a bias. */
export interface LayerWeights {
  bias: readonly number[];
  features: Readonly<Record<string, readonly number[]>>;
}

const TOKEN = /[a-z0-9']+/g;

const STEMS = new Map<string, string>();

/** A light suffix stripper: "killed"/"kills"/"killing" → "kill", "stopped" → "stop". */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stemUncached(word);
    // Bounded: a long session cannot grow the cache without limit.
    if (STEMS.size > 20000) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

function stemUncached(word: string): string {
  let w = word.includes("'") ? word.replace(/'s$/, '').replace(/'/g, '') : word;
  const first = w.charCodeAt(0);
  if (first >= 48 && first <= 57) return '#';
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // Doubled final consonant left by stripping ("stopp" → "stop", "plann" → "plan"); words that
  // end in a double l, s or z keep it ("kill", "pass").
  if (w !== word && w.length > 3 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Features of one normalised sentence at `index` of `count`. */
export function lexicalFeatures(normalized: string, index: number, count: number): string[] {
  const words = (normalized.match(TOKEN) ?? []).map(stem);
  const out = new Set<string>();
  let prev = '^';
  for (const w of words) {
    out.add(`u:${w}`);
    out.add(`b:${prev}_${w}`);
    prev = w;
  }
  const rel = count > 1 ? index / (count - 1) : 0;
  out.add(`pos:${Math.min(4, Math.floor(rel * 5))}`);
  if (index === 0) out.add('pos:first');
  if (index === count - 1 && count > 1) out.add('pos:last');
  out.add(`len:${words.length <= 6 ? 0 : words.length <= 15 ? 1 : words.length <= 30 ? 2 : 3}`);
  return [...out];
}

/** Weights as a Map (a large object literal is slow to probe with absent keys). */
const COMPILED = new WeakMap<LayerWeights, Map<string, readonly number[]>>();

function compiled(weights: LayerWeights): Map<string, readonly number[]> {
  let map = COMPILED.get(weights);
  if (!map) {
    map = new Map(Object.entries(weights.features));
    COMPILED.set(weights, map);
  }
  return map;
}

/** The learned score of every layer (LAYERS order) for a feature set, without the bias. */
export function learnedScores(features: readonly string[], weights: LayerWeights): number[] {
  const map = compiled(weights);
  const scores = LAYERS.map(() => 0);
  for (const f of features) {
    const w = map.get(f);
    if (!w) continue;
    for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0);
  }
  return scores;
}

/** Function words and placeholders that mean nothing to a user as evidence on their own. */
const BLAND = new Set(
  '# ^ a an the and or but so of to in on at for by with from as is are was were be been it its this that these those we i our my us me they their he she you your there then than had has have do did not no just also about after before when what which who'.split(
    ' ',
  ),
);

function meaningful(feature: string): boolean {
  const sep = feature.indexOf('_', 2);
  if (sep < 0) return !BLAND.has(feature.slice(2));
  return !BLAND.has(feature.slice(2, sep)) || !BLAND.has(feature.slice(sep + 1));
}

/** The learned words behind a layer's score, strongest first (for the evidence text). */
export function strongestFeatures(features: readonly string[], weights: LayerWeights, layer: Layer, n = 3): string[] {
  const k = LAYERS.indexOf(layer);
  const map = compiled(weights);
  return features
    .filter((f) => (f.startsWith('u:') || f.startsWith('b:')) && meaningful(f))
    .map((f) => [f, map.get(f)?.[k] ?? 0] as const)
    .filter(([, w]) => w > 0.15)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([f]) => f.slice(2).replace('^_', '').replace('_', ' '));
}
