/**
 * Sequence decoding over the story: a first-order model whose states are the layers, with
 * transition preferences that follow how incident stories are told (stay in a layer, move
 * forward through the canonical order, occasionally step back) and per-sentence emission scores
 * from the cue features. Viterbi gives the labels; forward-backward gives each label's
 * posterior probability, used as its confidence.
 */
import { LAYERS, LAYER_INFO, type Layer } from './layers';
import { logSoftmax, logSumExp } from './log-probabilities';

const N = LAYERS.length;
const INDEX: Record<Layer, number> = Object.fromEntries(LAYERS.map((l, i) => [l, i])) as Record<Layer, number>;

/**
 * Unnormalised hand-written preference for a move from `a` to `b`: the prior of the transition
 * model, which the labelled stories then update (buildSequenceModel).
 */
function transitionWeight(a: Layer, b: Layer): number {
  if (a === b) return 4;
  if (a === 'other') return b === 'headline' ? 2 : 0.6;
  if (b === 'other') return 0.5;
  const ca = LAYER_INFO[a].canonicalIndex;
  const cb = LAYER_INFO[b].canonicalIndex;
  const step = cb - ca;
  if (step === 1) return 1.6;
  if (step === 2) return 0.6;
  if (step > 2) return 0.3;
  // Stepping back. Some returns are common in spoken stories: the cause and the recovery are
  // often interleaved, a remembered warning sends the speaker back to detection, and a story
  // that opened with its fix or lesson returns to the headline.
  if (a === 'mitigation' && b === 'attribution') return 0.7;
  if (b === 'detection' && (a === 'attribution' || a === 'mitigation')) return 0.3;
  if (b === 'headline') return 0.25;
  if (a === 'system_learning' && b === 'structural_fix') return 0.3;
  return 0.15;
}

function startWeight(l: Layer): number {
  switch (l) {
    case 'headline':
      return 3;
    case 'other':
      return 2;
    default:
      return 0.8;
  }
}

function logNormalizedRow(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.log(w / total));
}

/** Transition and start log-probabilities of the decoder. */
export interface SequenceModel {
  logStart: readonly number[];
  logTransition: readonly (readonly number[])[];
  /** Used for the first EARLY_SENTENCES transitions (a move back to the headline is cheap). */
  logTransitionEarly: readonly (readonly number[])[];
}

/** Counts of labelled layer sequences (see bench/layer-model/train-lib.ts). */
export interface SequenceCounts {
  start: Readonly<Record<Layer, number>>;
  transitions: Readonly<Record<Layer, Readonly<Record<Layer, number>>>>;
}

/**
 * Pseudo-count of the hand-written preferences in each row: the labelled stories decide where
 * they have evidence, the preferences fill in moves the stories rarely show. Every row is a
 * proper distribution, so no layer is stickier than the data says.
 */
const PRIOR_STRENGTH = 12;
/**
 * Share of every transition row (and of the start) spread evenly over all layers, so that no
 * move is ever nearly impossible: stories told in an unusual order (the lesson first, the
 * headline last) still decode when their sentences say so clearly.
 */
const TRANSITION_FLOOR = 0.15;
/** In the first sentences the headline is this many times as likely as the row says. */
const EARLY_HEADLINE_BOOST = 3;

export function buildSequenceModel(counts: SequenceCounts | null, strength = PRIOR_STRENGTH): SequenceModel {
  const smooth = (prior: number[], observed: number[]): number[] => {
    const p = prior.reduce((a, b) => a + b, 0);
    const n = observed.reduce((a, b) => a + b, 0);
    return prior.map(
      (w, k) =>
        (1 - TRANSITION_FLOOR) * (((observed[k] ?? 0) + (strength * w) / p) / (n + strength)) +
        TRANSITION_FLOOR / prior.length,
    );
  };
  const rows = LAYERS.map((a) =>
    smooth(
      LAYERS.map((b) => transitionWeight(a, b)),
      LAYERS.map((b) => counts?.transitions[a][b] ?? 0),
    ),
  );
  const start = smooth(
    LAYERS.map(startWeight),
    LAYERS.map((l) => counts?.start[l] ?? 0),
  );
  return {
    logStart: start.map((p) => Math.log(p)),
    logTransition: rows.map((row) => row.map((p) => Math.log(p))),
    logTransitionEarly: rows.map((row, j) =>
      logNormalizedRow(
        row.map((p, k) => (LAYERS[k] === 'headline' && j !== INDEX.headline ? p * EARLY_HEADLINE_BOOST : p)),
      ),
    ),
  };
}

/**
 * How much the story-flow preferences count against the evidence of each sentence (a
 * temperature on the log-probabilities). Below 1, clear sentence evidence overrides the flow more
 * easily; the trained model carries its own (learned-model.ts).
 */
export const TRANSITION_WEIGHT = 0.6;

/** The story-flow preferences alone; the classifier uses the counts its trained model carries. */
export const DEFAULT_SEQUENCE_MODEL: SequenceModel = weighted(buildSequenceModel(null), TRANSITION_WEIGHT);

/** Multiplies every log-probability of the model by `w`. */
export function weighted(m: SequenceModel, w: number): SequenceModel {
  const scale = (row: readonly number[]) => row.map((x) => x * w);
  return {
    logStart: scale(m.logStart),
    logTransition: m.logTransition.map(scale),
    logTransitionEarly: m.logTransitionEarly.map(scale),
  };
}

/** Sentences at the start of the answer where stories that open with the fix or the rollback back-fill. */
const EARLY_SENTENCES = 3;

/**
 * A sentence that only exists because a long unpunctuated run was cut (segment.ts, `continues`)
 * most likely keeps the layer of the piece before it: staying is this many times as likely as
 * the model says. Strong, because the learned model never sees such pieces in training (labelled
 * sentences are whole) and reads a cut-off purpose clause ("so that no customer…") as a fix.
 */
const CONTINUATION_STAY_BOOST = 20;

const CONTINUATION = new WeakMap<SequenceModel, readonly (readonly number[])[]>();

function continuationTransitions(model: SequenceModel): readonly (readonly number[])[] {
  let t = CONTINUATION.get(model);
  if (!t) {
    const boost = Math.log(CONTINUATION_STAY_BOOST);
    t = model.logTransition.map((row, j) => {
      return logSoftmax(row.map((x, k) => (k === j ? x + boost : x)));
    });
    CONTINUATION.set(model, t);
  }
  return t;
}

function transitionsAt(
  model: SequenceModel,
  t: number,
  continues?: readonly boolean[],
): readonly (readonly number[])[] {
  if (continues?.[t]) return continuationTransitions(model);
  return t < EARLY_SENTENCES ? model.logTransitionEarly : model.logTransition;
}

export interface DecodeResult {
  path: Layer[];
  /** posteriors[i][k]: probability that sentence i has layer LAYERS[k]. */
  posteriors: number[][];
}

/**
 * Decodes the most likely layer sequence. `emissions[i][k]` is a log-domain score of sentence i
 * for layer LAYERS[k] (higher = more likely).
 */
export function decode(
  emissions: readonly (readonly number[])[],
  model: SequenceModel = DEFAULT_SEQUENCE_MODEL,
  continues?: readonly boolean[],
  temperature = 1,
): DecodeResult {
  const T = emissions.length;
  if (T === 0) return { path: [], posteriors: [] };
  const delta: Float64Array[] = [];
  const back: Int8Array[] = [];
  const e0 = emissions[0] ?? [];
  delta.push(Float64Array.from(LAYERS, (_, k) => (model.logStart[k] ?? 0) + (e0[k] ?? 0)));
  back.push(new Int8Array(N));
  for (let t = 1; t < T; t++) {
    const prev = delta[t - 1] as Float64Array;
    const et = emissions[t] ?? [];
    const trans = transitionsAt(model, t, continues);
    const d = new Float64Array(N);
    const b = new Int8Array(N);
    for (let k = 0; k < N; k++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < N; j++) {
        const v = (prev[j] ?? 0) + (trans[j]?.[k] ?? 0);
        if (v > best) {
          best = v;
          arg = j;
        }
      }
      d[k] = best + (et[k] ?? 0);
      b[k] = arg;
    }
    delta.push(d);
    back.push(b);
  }
  const last = delta[T - 1] as Float64Array;
  let state = 0;
  for (let k = 1; k < N; k++) if ((last[k] ?? -Infinity) > (last[state] ?? -Infinity)) state = k;
  const pathIdx = new Array<number>(T);
  pathIdx[T - 1] = state;
  for (let t = T - 1; t > 0; t--) {
    state = (back[t] as Int8Array)[state] ?? 0;
    pathIdx[t - 1] = state;
  }
  return {
    path: pathIdx.map((k) => LAYERS[k] as Layer),
    posteriors: forwardBackward(emissions, model, continues, temperature),
  };
}

/**
 * Each label's posterior under the story's scores divided by `temperature` (calibration.ts): the
 * same most likely path, with probabilities as sure as the labels have been right.
 */
function forwardBackward(
  emissions: readonly (readonly number[])[],
  model: SequenceModel,
  continues: readonly boolean[] | undefined,
  temperature: number,
): number[][] {
  const T = emissions.length;
  const s = 1 / temperature;
  const alpha: Float64Array[] = [];
  const e0 = emissions[0] ?? [];
  alpha.push(Float64Array.from(LAYERS, (_, k) => s * ((model.logStart[k] ?? 0) + (e0[k] ?? 0))));
  const tmp = new Float64Array(N);
  for (let t = 1; t < T; t++) {
    const prev = alpha[t - 1] as Float64Array;
    const et = emissions[t] ?? [];
    const a = new Float64Array(N);
    const trans = transitionsAt(model, t, continues);
    for (let k = 0; k < N; k++) {
      for (let j = 0; j < N; j++) tmp[j] = (prev[j] ?? 0) + s * (trans[j]?.[k] ?? 0);
      a[k] = logSumExp(tmp) + s * (et[k] ?? 0);
    }
    alpha.push(a);
  }
  const beta: Float64Array[] = new Array<Float64Array>(T);
  beta[T - 1] = new Float64Array(N);
  for (let t = T - 2; t >= 0; t--) {
    const next = beta[t + 1] as Float64Array;
    const en = emissions[t + 1] ?? [];
    const b = new Float64Array(N);
    const trans = transitionsAt(model, t + 1, continues);
    for (let j = 0; j < N; j++) {
      for (let k = 0; k < N; k++) tmp[k] = s * ((trans[j]?.[k] ?? 0) + (en[k] ?? 0)) + (next[k] ?? 0);
      b[j] = logSumExp(tmp);
    }
    beta[t] = b;
  }
  const out: number[][] = [];
  for (let t = 0; t < T; t++) {
    const a = alpha[t] as Float64Array;
    const b = beta[t] as Float64Array;
    const joint = Float64Array.from(LAYERS, (_, k) => (a[k] ?? 0) + (b[k] ?? 0));
    const z = logSumExp(joint);
    out.push(Array.from(joint, (v) => Math.exp(v - z)));
  }
  return out;
}
