/**
 * Arithmetic on log-probabilities, shared by the models and the decoder. The largest value is
 * taken out before exponentiating, so scores far from zero neither overflow nor vanish.
 */

/** log(Σ exp(values)); −∞ when every value is −∞ (or there are none). */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] ?? -Infinity);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/** Scores turned into log-probabilities that sum (as probabilities) to one. */
export function logSoftmax(scores: readonly number[]): number[] {
  const z = logSumExp(scores);
  return scores.map((x) => x - z);
}
