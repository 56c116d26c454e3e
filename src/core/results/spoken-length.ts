/**
 * How long an answer is, as the results page and the exports say it. A typed answer was never
 * spoken: its length is an estimate from its word count, and it is labelled as one.
 */
export function spokenLength(formatted: string, timesEstimated: boolean): string {
  return timesEstimated ? `about ${formatted} if spoken (estimated from the word count)` : `${formatted} spoken`;
}
