/**
 * Word features of a sentence for the learned layer model (layer-features.ts adds the rest):
 * stemmed words and word pairs of the normalised text, plus where the sentence sits in the
 * answer. Wording the hand-written cues never saw still shares words with labelled sentences of
 * the same layer ("we killed the campaign" with "we paused the campaign").
 */

const TOKEN = /[a-z0-9']+/g;

const STEMS = new Map<string, string>();

/** A light suffix stripper: "killed"/"kills"/"killing" → "kill", "stopped" → "stop". */
export function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stemUncached(word);
    // Bounded: a long session cannot grow the cache without limit.
    if (STEMS.size > 20000) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

function stemUncached(word: string): string {
  let w = word.includes("'") ? word.replace(/'s$/, '').replace(/'/g, '') : word;
  const first = w.charCodeAt(0);
  if (first >= 48 && first <= 57) return '#';
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // Doubled final consonant left by stripping ("stopp" → "stop", "plann" → "plan"); words that
  // end in a double l, s or z keep it ("kill", "pass").
  if (w !== word && w.length > 3 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Features of one normalised sentence at `index` of `count`. */
export function lexicalFeatures(normalized: string, index: number, count: number): string[] {
  const words = (normalized.match(TOKEN) ?? []).map(stem);
  const out = new Set<string>();
  let prev = '^';
  for (const w of words) {
    out.add(`u:${w}`);
    out.add(`b:${prev}_${w}`);
    prev = w;
  }
  const rel = count > 1 ? index / (count - 1) : 0;
  out.add(`pos:${Math.min(4, Math.floor(rel * 5))}`);
  if (index === 0) out.add('pos:first');
  if (index === count - 1 && count > 1) out.add('pos:last');
  out.add(`len:${words.length <= 6 ? 0 : words.length <= 15 ? 1 : words.length <= 30 ? 2 : 3}`);
  return [...out];
}
