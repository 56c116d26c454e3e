/**
 * Fits the learned layer model (src/core/analysis/learned-model.ts) with TensorFlow.js: a
 * multinomial logistic regression over sparse named features, L2-regularised, optimised by
 * TensorFlow's Adam on the mean (weighted) cross-entropy. The design matrix is dense over the
 * most frequent features: TensorFlow.js's CPU segment sums cost examples × segments, far more than
 * a dense product of this size. Deterministic: zero initialisation, full batch.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Feature } from '../../src/core/analysis/layer-features';
import { LAYERS } from '../../src/core/analysis/layers';

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

let backendReady: Promise<boolean> | null = null;

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
  backendReady ??= tf.setBackend(process.env.TFJS_BACKEND ?? 'wasm');
  await backendReady;
  const vocab = vocabulary(examples, opts.minCount, opts.maxFeatures);
  const K = LAYERS.length;
  const N = examples.length;
  const totalWeight = examples.reduce((a, e) => a + e.weight, 0);
  const result = tf.tidy(() => {
    const W = tf.variable(tf.zeros([vocab.size, K]));
    const b = tf.variable(tf.zeros([K]));
    const X = tf.tensor2d(designMatrix(examples, vocab), [N, vocab.size]);
    const labels = tf.oneHot(
      tf.tensor1d(
        examples.map((e) => e.label),
        'int32',
      ),
      K,
    );
    const sampleWeight = tf.tensor1d(examples.map((e) => (e.weight * N) / totalWeight));
    const optimizer = tf.train.adam(opts.learningRate);
    for (let it = 0; it < opts.iterations; it++) {
      optimizer.minimize(() => {
        const logits = tf.add(tf.matMul(X, W), b);
        const loss = tf.losses.softmaxCrossEntropy(labels, logits, sampleWeight);
        return tf.add(loss, tf.mul(opts.l2, tf.sum(tf.square(W)))) as tf.Scalar;
      });
    }
    return { W: W.arraySync() as number[][], b: b.arraySync() as number[] };
  });
  const names = [...vocab.keys()];
  const weights: Record<string, number[]> = {};
  names.forEach((name, j) => {
    const w = result.W[j] ?? [];
    // Weights too small to change a decision are dropped: a smaller file, the same labels.
    if (w.some((x) => Math.abs(x) >= 0.01)) weights[name] = w.map(round4);
  });
  return { bias: result.b.map(round4), weights };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
