/**
 * One weighted, L2-regularised linear model fitted by TensorFlow's Adam on the full batch from a
 * zero start, so a fit is the same fit every time: the layer model's multinomial regression
 * (softmax over the layers) and the incident model's binary one (sigmoid) are both this.
 */
import * as tf from '@tensorflow/tfjs';
import { backend } from './tf-backend';

export interface LinearProblem {
  /** The design matrix, rows × columns: row-major, or one array per row. */
  x: Float32Array | number[][];
  rows: number;
  columns: number;
  /** Softmax: each row's class index; sigmoid: each row's 0 or 1. */
  labels: readonly number[];
  /** Each row's weight in the mean loss. */
  weights: readonly number[];
  link: { kind: 'softmax'; classes: number } | { kind: 'sigmoid' };
}

export interface AdamOptions {
  /** Penalty on the sum of squared weights (not the bias), added to the mean loss. */
  l2: number;
  learningRate: number;
  iterations: number;
}

export interface LinearFit {
  /** columns × outputs (one output for a sigmoid). */
  kernel: number[][];
  bias: number[];
}

export async function fitLinear(p: LinearProblem, o: AdamOptions): Promise<LinearFit> {
  await backend();
  const link = p.link;
  const outputs = link.kind === 'softmax' ? link.classes : 1;
  return tf.tidy(() => {
    const X = tf.tensor2d(p.x, [p.rows, p.columns]);
    const labels =
      link.kind === 'softmax'
        ? tf.oneHot(tf.tensor1d([...p.labels], 'int32'), link.classes)
        : tf.tensor2d([...p.labels], [p.rows, 1]);
    // Softmax takes one weight per row, sigmoid one per row and output.
    const weights = link.kind === 'softmax' ? tf.tensor1d([...p.weights]) : tf.tensor2d([...p.weights], [p.rows, 1]);
    const loss = link.kind === 'softmax' ? tf.losses.softmaxCrossEntropy : tf.losses.sigmoidCrossEntropy;
    const W = tf.variable(tf.zeros([p.columns, outputs]));
    const b = tf.variable(tf.zeros([outputs]));
    const optimizer = tf.train.adam(o.learningRate);
    for (let it = 0; it < o.iterations; it++) {
      optimizer.minimize(() => {
        const logits = tf.add(tf.matMul(X, W), b);
        return tf.add(loss(labels, logits, weights), tf.mul(o.l2, tf.sum(tf.square(W)))) as tf.Scalar;
      });
    }
    const fitted = { kernel: W.arraySync() as number[][], bias: b.arraySync() as number[] };
    // Variables and the optimiser's slots outlive tidy unless disposed.
    optimizer.dispose();
    W.dispose();
    b.dispose();
    return fitted;
  });
}
