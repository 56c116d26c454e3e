/**
 * The context model: layer scores read from a whole story's sentence vectors at once. The meaning
 * model (meaning-model.ts) reads one sentence and its two neighbours; this one also sees the
 * sentences two places away and what the story as a whole sounds like (its mean), which is what
 * tells a timestamped entry of a written timeline (someone noticing a cluster of new bug reports)
 * from the same kind of sentence inside a spoken confession, or a company's scene-setting from
 * background.
 *
 * Each sentence's vector and its place in the story go through one layer of rectified units (the
 * projection); a window over the projections of the sentence and its neighbours gives a second set
 * of units; the story's mean projection is the third. Those three, side by side, map to one
 * log-probability per layer. The parameters are a data file (context-model.json) written by
 * `npm run train`; this module only applies them.
 */
import { z } from 'zod';
import { vectorModelHeader } from './model-file';
import { LAYERS } from './layers';
import { logSoftmax } from './log-probabilities';
import { PLACE_COLUMNS, placeColumns } from './meaning-model';

const K = LAYERS.length;
const MAX_UNITS = 1024;
const MAX_WINDOW = 15;
const MAX_MEMBERS = 8;

const Dense = z.object({
  bias: z.array(z.number()).min(1).max(MAX_UNITS),
  /** Input → one weight per output. */
  kernel: z.array(z.array(z.number())),
});

/** One network: the projection, the window over it, and the output over both and the story's mean. */
const MemberSchema = z
  .object({
    /** The sentence's vector and place columns → projection units. */
    projection: Dense,
    /** Window offset (−half … +half) → projection unit → window unit. */
    window: z.object({
      bias: z.array(z.number()).min(1).max(MAX_UNITS),
      kernel: z
        .array(z.array(z.array(z.number())))
        .min(1)
        .max(MAX_WINDOW),
    }),
    /** Projection units, window units, then the story's mean projection → one weight per layer. */
    bias: z.array(z.number()).length(K),
    kernel: z.array(z.array(z.number()).length(K)),
  })
  .refine((m) => m.projection.kernel.every((row) => row.length === m.projection.bias.length), {
    message: 'the projection’s weights do not match its units',
  })
  .refine(
    (m) =>
      m.window.kernel.length % 2 === 1 &&
      m.window.kernel.every(
        (at) => at.length === m.projection.bias.length && at.every((row) => row.length === m.window.bias.length),
      ),
    { message: 'the window must be an odd number of offsets over the projection units' },
  )
  .refine((m) => m.kernel.length === 2 * m.projection.bias.length + m.window.bias.length, {
    message: 'the output must read the projection, the window and the story’s mean',
  });

export type ContextMember = z.infer<typeof MemberSchema>;

export const ContextModelSchema = z
  .object({
    // The hash covers the training stories (ids, texts, labels) and the training options.
    ...vectorModelHeader('postmortem-coach/context-model'),
    version: z.literal(1),
    /** How much the members' mean log-probabilities count in the emissions. */
    weight: z.number().nonnegative(),
    /**
     * Networks of the same shape fitted from different random starts; their log-probabilities are
     * averaged, which steadies what one start alone would say.
     */
    members: z.array(MemberSchema).min(1).max(MAX_MEMBERS),
  })
  .refine((m) => m.members.every((member) => member.projection.kernel.length === m.dimensions + PLACE_COLUMNS), {
    message: 'the projection must read one vector and the place columns',
  });

export type ContextModel = z.infer<typeof ContextModelSchema>;

interface FlatContext {
  /** Vector columns → projection units, row by row. */
  vector: Float32Array;
  /** Place columns → projection units. */
  place: Float32Array;
  units: number;
  /** [offset][unit][window unit], flat. */
  window: Float32Array;
  windowUnits: number;
  /** [input][layer], flat. */
  out: Float32Array;
  /** What each vector adds to the projection, remembered while the vector lives. */
  projections: WeakMap<Float32Array, Float32Array>;
}

/** The weights as flat arrays, made once per member (a story is scored again on every edit). */
const FLAT = new WeakMap<ContextMember, FlatContext>();

function flat(model: ContextMember, dimensions: number): FlatContext {
  let f = FLAT.get(model);
  if (!f) {
    const rows = model.projection.kernel;
    f = {
      vector: Float32Array.from(rows.slice(0, dimensions).flat()),
      place: Float32Array.from(rows.slice(dimensions).flat()),
      units: model.projection.bias.length,
      window: Float32Array.from(model.window.kernel.flat(2)),
      windowUnits: model.window.bias.length,
      out: Float32Array.from(model.kernel.flat()),
      projections: new WeakMap(),
    };
    FLAT.set(model, f);
  }
  return f;
}

/** A vector's share of the projection (before its place and the bias). */
function projectedVector(f: FlatContext, v: Float32Array): Float32Array {
  const known = f.projections.get(v);
  if (known) return known;
  const acc = new Float64Array(f.units);
  for (let c = 0; c < v.length; c++) {
    const x = v[c] ?? 0;
    if (x === 0) continue;
    const at = c * f.units;
    for (let u = 0; u < f.units; u++) acc[u] = (acc[u] ?? 0) + x * (f.vector[at + u] ?? 0);
  }
  const p = Float32Array.from(acc);
  f.projections.set(v, p);
  return p;
}

/** Rectified projection units of every sentence; null where a sentence has no vector. */
function projections(model: ContextMember, f: FlatContext, vectors: ReadonlyArray<Float32Array | null>) {
  const n = vectors.length;
  return vectors.map((v, i) => {
    if (!v) return null;
    const h = Float64Array.from(model.projection.bias);
    const own = projectedVector(f, v);
    placeColumns(i, n).forEach((x, c) => {
      for (let u = 0; u < f.units; u++) h[u] = (h[u] ?? 0) + x * (f.place[c * f.units + u] ?? 0);
    });
    for (let u = 0; u < f.units; u++) h[u] = Math.max(0, (h[u] ?? 0) + (own[u] ?? 0));
    return h;
  });
}

/** Rectified window units of sentence `i`: its neighbours' projections, a missing one as zeros. */
function windowUnits(model: ContextMember, f: FlatContext, h: ReadonlyArray<Float64Array | null>, i: number) {
  const width = model.window.kernel.length;
  const half = (width - 1) / 2;
  const c = Float64Array.from(model.window.bias);
  for (let o = 0; o < width; o++) {
    const p = h[i + o - half];
    if (!p) continue;
    for (let u = 0; u < f.units; u++) {
      const x = p[u] ?? 0;
      if (x === 0) continue;
      const at = (o * f.units + u) * f.windowUnits;
      for (let w = 0; w < f.windowUnits; w++) c[w] = (c[w] ?? 0) + x * (f.window[at + w] ?? 0);
    }
  }
  return c.map((x) => Math.max(0, x));
}

/** One member's log-probabilities per sentence, or null for a sentence without a vector. */
function memberScores(
  member: ContextMember,
  dimensions: number,
  vectors: ReadonlyArray<Float32Array | null>,
): Array<number[] | null> {
  const f = flat(member, dimensions);
  const h = projections(member, f, vectors);
  const present = h.filter((x) => x !== null);
  const mean = new Float64Array(f.units);
  for (const p of present) for (let u = 0; u < f.units; u++) mean[u] = (mean[u] ?? 0) + (p[u] ?? 0) / present.length;
  return h.map((own, i) => {
    if (!own) return null;
    const inputs = [own, windowUnits(member, f, h, i), mean];
    const logits = Float64Array.from(member.bias);
    let row = 0;
    for (const part of inputs) {
      for (const x of part) {
        if (x !== 0) for (let k = 0; k < K; k++) logits[k] = (logits[k] ?? 0) + x * (f.out[row * K + k] ?? 0);
        row++;
      }
    }
    return logSoftmax([...logits]);
  });
}

/**
 * Weighted log-probabilities per sentence (LAYERS order): the members' mean, or null for a
 * sentence without a vector. The story's mean is over the sentences that have one.
 */
export function contextScores(
  model: ContextModel,
  vectors: ReadonlyArray<Float32Array | null>,
): Array<number[] | null> {
  const each = model.members.map((m) => memberScores(m, model.dimensions, vectors));
  const share = model.weight / model.members.length;
  return vectors.map((v, i) => {
    if (!v) return null;
    const sum = new Array<number>(K).fill(0);
    for (const scores of each) (scores[i] ?? []).forEach((x, k) => (sum[k] = (sum[k] ?? 0) + share * x));
    return sum;
  });
}
