/**
 * Fits the learned layer model (src/core/analysis/learned-model.ts): a multinomial logistic
 * regression over sparse named features (linear-fit.ts, softmax over the layers). The design
 * matrix is dense over the most frequent features: TensorFlow.js's CPU segment sums cost
 * examples × segments, far more than a dense product of this size.
 */
import type { Feature } from '../../src/core/analysis/layer-features';
import { LAYERS } from '../../src/core/analysis/layers';
import { fitLinear } from './linear-fit';

export interface Example {
  features: readonly Feature[];
  label: number;
  weight: number;
}

export interface FitOptions {
  /** L2 penalty on the weights, per weight, added to the mean loss. */
  l2: number;
  /** A feature must occur in at least this many training sentences to get a weight. */
  minCount: number;
  iterations: number;
  learningRate: number;
  /** Only the most frequent features get a weight (the design matrix is dense). */
  maxFeatures: number;
}

export interface Fitted {
  bias: number[];
  weights: Record<string, number[]>;
}

function vocabulary(examples: readonly Example[], minCount: number, maxFeatures: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of examples) for (const [name] of e.features) df.set(name, (df.get(name) ?? 0) + 1);
  const kept = [...df.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures);
  return new Map(kept.map(([name], j) => [name, j]));
}

/** The dense design matrix (examples × features), row-major. */
function designMatrix(examples: readonly Example[], vocab: Map<string, number>): Float32Array {
  const X = new Float32Array(examples.length * vocab.size);
  examples.forEach((e, r) => {
    for (const [name, v] of e.features) {
      const j = vocab.get(name);
      if (j !== undefined) X[r * vocab.size + j] = v;
    }
  });
  return X;
}

export async function fit(examples: readonly Example[], opts: FitOptions): Promise<Fitted> {
  const vocab = vocabulary(examples, opts.minCount, opts.maxFeatures);
  const N = examples.length;
  const totalWeight = examples.reduce((a, e) => a + e.weight, 0);
  const result = await fitLinear(
    {
      x: designMatrix(examples, vocab),
      rows: N,
      columns: vocab.size,
      labels: examples.map((e) => e.label),
      weights: examples.map((e) => (e.weight * N) / totalWeight),
      link: { kind: 'softmax', classes: LAYERS.length },
    },
    opts,
  );
  const names = [...vocab.keys()];
  const weights: Record<string, number[]> = {};
  names.forEach((name, j) => {
    const w = result.kernel[j] ?? [];
    // Weights too small to change a decision are dropped: a smaller file, the same labels.
    if (w.some((x) => Math.abs(x) >= 0.01)) weights[name] = w.map(round4);
  });
  return { bias: result.bias.map(round4), weights };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
