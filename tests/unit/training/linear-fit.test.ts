import { describe, expect, it } from 'vitest';
import { fitLinear, type LinearProblem } from '../../../bench/layer-model/linear-fit';

const options = { l2: 1e-4, learningRate: 0.1, iterations: 200 };
const logit = (kernel: number[][], bias: number[], x: number[], k: number) =>
  x.reduce((a, v, j) => a + v * (kernel[j]?.[k] ?? 0), bias[k] ?? 0);

describe('the shared linear fit', () => {
  it('learns a softmax over three classes from a one-hot feature each', async () => {
    const x = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const problem: LinearProblem = {
      x,
      rows: 3,
      columns: 3,
      labels: [0, 1, 2],
      weights: [1, 1, 1],
      link: { kind: 'softmax', classes: 3 },
    };
    const { kernel, bias } = await fitLinear(problem, options);
    expect(bias).toHaveLength(3);
    for (const [row, features] of x.entries()) {
      const scores = [0, 1, 2].map((k) => logit(kernel, bias, features, k));
      expect(scores.indexOf(Math.max(...scores))).toBe(row);
    }
  });

  it('weighs rows: the same features labelled both ways lean to the heavier label', async () => {
    const problem = (weights: number[]): LinearProblem => ({
      x: new Float32Array([1, 1]),
      rows: 2,
      columns: 1,
      labels: [1, 0],
      weights,
      link: { kind: 'sigmoid' },
    });
    const towardsOne = await fitLinear(problem([3, 1]), options);
    const towardsZero = await fitLinear(problem([1, 3]), options);
    expect(logit(towardsOne.kernel, towardsOne.bias, [1], 0)).toBeGreaterThan(0);
    expect(logit(towardsZero.kernel, towardsZero.bias, [1], 0)).toBeLessThan(0);
  });

  it('is the same fit every time, and the penalty shrinks the weights', async () => {
    const problem: LinearProblem = {
      x: [
        [1, 0.5],
        [0, 1],
        [1, 1],
        [0.2, 0],
      ],
      rows: 4,
      columns: 2,
      labels: [1, 0, 1, 0],
      weights: [1, 1, 1, 1],
      link: { kind: 'sigmoid' },
    };
    const a = await fitLinear(problem, options);
    const b = await fitLinear(problem, options);
    expect(b).toEqual(a);
    const shrunk = await fitLinear(problem, { ...options, l2: 0.5 });
    const size = (k: number[][]) => k.flat().reduce((s, w) => s + w * w, 0);
    expect(size(shrunk.kernel)).toBeLessThan(size(a.kernel));
  });
});
