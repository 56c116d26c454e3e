/**
 * Word splitting for edited sentence text, matching how the transcript reader treats words:
 * whitespace separates words, and punctuation standing alone is glued to a neighbour (so the
 * engine sees exactly the words the user sees, and none leaks into the sentence before).
 */
const PUNCT_ONLY = /^[\p{P}\p{S}]+$/u;

export function tokenize(text: string): string[] {
  return text.split(/\s+/).filter((t) => t !== '');
}

function normalizeTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let prefix = '';
  for (const token of tokens) {
    if (PUNCT_ONLY.test(token)) {
      const prev = out[out.length - 1];
      if (prev !== undefined) out[out.length - 1] = prev + token;
      else prefix += token;
      continue;
    }
    out.push(prefix + token);
    prefix = '';
  }
  if (prefix !== '') {
    if (out.length > 0) out[out.length - 1] += prefix;
    else out.push(prefix);
  }
  return out;
}

/** The words of user-typed text, normalised. */
export function wordsOf(text: string): string[] {
  return normalizeTokens(tokenize(text));
}
