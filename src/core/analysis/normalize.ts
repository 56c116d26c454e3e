/**
 * Text normalisation before any phrase matching. Spoken answers say the same thing in many
 * surface forms: "we, um, we killed it", "like twenty-two percent", "on-call" / "on call",
 * "detection-latency-hierarchy". Every cue, marker and story-level judgement reads the
 * normalised form, so a pattern written once matches all of them:
 *
 * - lower case, straight quotes, single spaces;
 * - hyphens inside words become spaces ("on-call" → "on call"); patterns are written with the
 *   same convention through `unhyphen` (a "-" or "-?" in a pattern matches a space);
 * - fillers are removed where they work as fillers ("um", "you know," "I mean,", "like" before a
 *   quantity or set off by commas, "kind of" before a verb or adjective) but kept where they are
 *   ordinary words ("looks like", "this kind of failure");
 * - restarts collapse ("we, we killed" → "we killed");
 * - number words become digits ("twenty two" → "22", "eleven hundred" → "1100"); a lone "one"
 *   stays a word because it is usually a pronoun ("the one that").
 */

const ALWAYS_FILLER = /\b(?:u+m+|u+h+|uhm|erm|er|ah|hmm+|mhm|i dunno|dunno|basically|literally)\b,?/g;
/** Fillers that only count when set off by punctuation (or at the start/end of the sentence). */
const PARENTHETICAL =
  /(^|[,;:—–(]) ?(?:you know|i mean|i guess|like|sort of|kind of|right|you see|let's say|so to speak|or whatever|i'd say)(?= ?(?:[,;:—–).!?]|$))/g;
/** "like" before a quantity is a filler ("like twenty percent"), unless it compares ("looks like a"). */
const LIKE_BEFORE_QUANTITY =
  /(?<!\b(?:look|looks|looked|looking|seem|seems|seemed|feel|feels|felt|sound|sounds|sounded|something|anything|nothing|more|less|exactly|just|things?|stuff|much) )\blike (?=(?:\d|a few\b|a couple\b|about\b|around\b|roughly\b|maybe\b|half\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand)\b))/g;
/** Words before "kind of"/"sort of" that make it a noun phrase ("this kind of failure"). */
const KIND_OF_NOUN =
  'a|an|the|this|that|these|those|what|which|some|any|same|different|one|every|each|other|another|new|right|wrong|whatever|that|our|my|their|its';
const KIND_OF_HEDGE = new RegExp(`(?<!\\b(?:${KIND_OF_NOUN}) )\\b(?:kind|sort) of\\b ?`, 'g');

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
const NUMBER_WORD = new RegExp(
  `\\b(?:${[...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(SCALES)].join('|')})(?:(?: and)? (?:${[...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(SCALES)].join('|')}))*\\b`,
  'g',
);

/**
 * Reads a run of number words ("twenty two", "eleven hundred", "two hundred and fifty thousand")
 * into digits. Returns the text unchanged for a lone "one" (a pronoun far more often than a count)
 * and for runs that are not one number ("two three" stays as it is).
 */
function numberRun(run: string): string {
  const words = run.split(' ').filter((w) => w !== 'and');
  if (words.length === 1 && (words[0] === 'one' || words[0] === 'zero')) return run;
  let total = 0;
  let current = 0;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'scale' = 'none';
  for (const w of words) {
    if (w in UNITS) {
      if (last === 'unit' || last === 'teen') return run;
      current += UNITS[w] ?? 0;
      last = 'unit';
    } else if (w in TEENS) {
      if (last === 'unit' || last === 'teen' || last === 'tens') return run;
      current += TEENS[w] ?? 0;
      last = 'teen';
    } else if (w in TENS) {
      if (last === 'unit' || last === 'teen' || last === 'tens') return run;
      current += TENS[w] ?? 0;
      last = 'tens';
    } else {
      const scale = SCALES[w] ?? 1;
      if (scale === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * scale;
        current = 0;
      }
      last = 'scale';
    }
  }
  return String(total + current);
}

export function normalize(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  // Hyphens inside words (and "3-day") become spaces; dashes between words stay.
  t = t.replace(/([\p{L}\d])[-‐‑]+(?=[\p{L}\d])/gu, '$1 ');
  // Each pass runs only when its trigger word is there (most sentences have no fillers).
  const before = t.length;
  t = t.replace(ALWAYS_FILLER, '');
  if (t.includes('like ')) t = t.replace(LIKE_BEFORE_QUANTITY, '');
  if (t.includes('kind of') || t.includes('sort of')) t = t.replace(KIND_OF_HEDGE, '');
  t = t.replace(PARENTHETICAL, '$1');
  if (t.length !== before) t = tidy(t);
  t = t.replace(NUMBER_WORD, (run) => numberRun(run));
  // Restarts last, once fillers between the repeated words are gone ("we, um, we").
  return collapseRestarts(t);
}

function tidy(t: string): string {
  let out = t.replace(/ {2,}/g, ' ');
  if (out.includes(' ,') || out.includes(' ;') || out.includes(' :') || out.includes(' .')) {
    out = out.replace(/ ([,;:.!?])/g, '$1');
  }
  if (/[,;:] ?[,;:]/.test(out)) out = out.replace(/([,;:])(?:[ ]?[,;:])+/g, '$1');
  return out
    .replace(/^[\s,;:.—–-]+/, '')
    .replace(/,([.!?])$/, '$1')
    .trim();
}

/**
 * A restart says the same one to three words twice ("we, we killed", "it was, it was down"):
 * keep one copy. Works on words, so punctuation elsewhere is untouched.
 */
function collapseRestarts(t: string): string {
  const words = t.split(' ');
  const bare = words.map((w) => (w.endsWith(',') ? w.slice(0, -1) : w));
  // Quick exit: no word is repeated within four words of itself.
  let repeated = false;
  for (let i = 1; i < bare.length && !repeated; i++) {
    for (let k = 1; k <= 3 && k <= i; k++) if (bare[i] === bare[i - k]) repeated = true;
  }
  if (!repeated) return t;
  const keep: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (let n = 3; n >= 1; n--) {
      if (i + 2 * n > words.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) {
        const a = bare[i + k] as string;
        // Only the last word of the first copy may carry the comma of a restart.
        same = a === bare[i + n + k] && (k === n - 1 || !(words[i + k] as string).endsWith(','));
      }
      if (same && /[a-z]/.test(bare[i] ?? '')) {
        i += n;
        continue outer;
      }
    }
    keep.push(words[i] as string);
    i++;
  }
  return keep.length === words.length ? t : keep.join(' ');
}

/**
 * Rewrites a pattern written with hyphens ("on-?call", "per-[\w-]+ alerts", "one-off") for
 * normalised text, where hyphens inside words are spaces. Only hyphens outside character
 * classes are changed.
 */
export function unhyphen(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    if (ch === '-') {
      out += ' ';
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Compiles a cue pattern for normalised text: hyphens as spaces (see `unhyphen`) and a word-end
 * guard, so a phrase never matches the start of a longer word ("back" in "backbone", "feed" in
 * "feedback"). A pattern that means a stem must say so with `\\w*`.
 */
export function phrase(pattern: string, flags = 'i'): RegExp {
  return new RegExp(`(?:${unhyphen(pattern)})(?:(?<!\\w)|(?!\\w))`, flags);
}
