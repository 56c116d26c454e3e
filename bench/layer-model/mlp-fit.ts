/**
 * One hidden layer of rectified units under a softmax, fitted by TensorFlow's Adam on shuffled
 * mini-batches with dropout on the hidden units and an L2 penalty on both weight matrices. Every
 * random draw (initial weights, batch order, dropout) comes from `seed`, so a fit is the same fit
 * every time on the same backend.
 */
import * as tf from '@tensorflow/tfjs';
import { backend } from './tf-backend';
import type { LinearFit } from './linear-fit';

export interface MlpProblem {
  /** Row-major rows × columns. */
  x: Float32Array;
  rows: number;
  columns: number;
  labels: readonly number[];
  weights: readonly number[];
  classes: number;
}

export interface MlpOptions {
  hidden: number;
  epochs: number;
  batch: number;
  learningRate: number;
  dropout: number;
  l2: number;
  seed: number;
}

export interface MlpFit {
  hidden: LinearFit;
  output: LinearFit;
}

/** A seeded linear congruential generator (numbers in [0, 1)). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}

export async function fitMlp(p: MlpProblem, o: MlpOptions): Promise<MlpFit> {
  await backend();
  const random = lcg(o.seed);
  const X = tf.tensor2d(p.x, [p.rows, p.columns]);
  const Y = tf.oneHot(tf.tensor1d([...p.labels], 'int32'), p.classes);
  const W = tf.tensor1d([...p.weights]);
  // He initialisation for the rectified layer, Glorot-like for the softmax.
  const W1 = tf.variable(tf.randomNormal([p.columns, o.hidden], 0, Math.sqrt(2 / p.columns), 'float32', o.seed));
  const b1 = tf.variable(tf.zeros([o.hidden]));
  const W2 = tf.variable(tf.randomNormal([o.hidden, p.classes], 0, Math.sqrt(1 / o.hidden), 'float32', o.seed + 1));
  const b2 = tf.variable(tf.zeros([p.classes]));
  const optimizer = tf.train.adam(o.learningRate);
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = shuffled(p.rows, random);
    for (let s = 0; s < p.rows; s += o.batch) {
      const index = tf.tensor1d(order.slice(s, s + o.batch), 'int32');
      const dropSeed = o.seed + ++step;
      optimizer.minimize(() => {
        const hidden = tf.relu(tf.add(tf.matMul(tf.gather(X, index), W1), b1));
        const dropped = o.dropout > 0 ? tf.dropout(hidden, o.dropout, undefined, dropSeed) : hidden;
        const logits = tf.add(tf.matMul(dropped, W2), b2);
        const loss = tf.losses.softmaxCrossEntropy(tf.gather(Y, index), logits, tf.gather(W, index));
        return tf.add(loss, tf.mul(o.l2, tf.add(tf.sum(tf.square(W1)), tf.sum(tf.square(W2))))) as tf.Scalar;
      });
      index.dispose();
    }
  }
  const fit: MlpFit = {
    hidden: { kernel: W1.arraySync() as number[][], bias: b1.arraySync() as number[] },
    output: { kernel: W2.arraySync() as number[][], bias: b2.arraySync() as number[] },
  };
  tf.dispose([X, Y, W, W1, b1, W2, b2]);
  optimizer.dispose();
  return fit;
}
