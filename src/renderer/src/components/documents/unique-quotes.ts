/** The engine may cite one sentence for two reasons; the reader needs to see it once. */
export function uniqueQuotes<T extends { sentenceIndex: number }>(quotes: readonly T[]): T[] {
  const seen = new Set<number>();
  return quotes.filter((q) => {
    if (seen.has(q.sentenceIndex)) return false;
    seen.add(q.sentenceIndex);
    return true;
  });
}
