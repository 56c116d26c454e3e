/**
 * Redaction: the names a user lists (companies, customers, people, services…) become neutral
 * placeholders ("Company A", "Person B") everywhere in a report. One `Redactor` is planned per
 * document and shared by every format, so the same name always gets the same placeholder.
 *
 * Matching is case-insensitive and on word boundaries ("Acme's" → "Company A's"): a leaked name is
 * worse than an over-redacted word, so "acme" in lower case is replaced too.
 */

export const NAME_CATEGORIES = ['company', 'customer', 'person', 'service', 'team', 'product', 'name'] as const;
export type NameCategory = (typeof NAME_CATEGORIES)[number];

const CATEGORY_LABEL: Readonly<Record<NameCategory, string>> = {
  company: 'Company',
  customer: 'Customer',
  person: 'Person',
  service: 'Service',
  team: 'Team',
  product: 'Product',
  name: 'Name',
};

/** One thing to hide, with the other spellings of it that should get the same placeholder. */
export interface RedactionName {
  name: string;
  aliases?: string[];
  /** Guessed from the name when absent. */
  category?: NameCategory;
}

interface RedactionEntry {
  category: NameCategory;
  /** The name and its aliases, as listed. */
  names: string[];
  placeholder: string;
}

export interface Redactor {
  readonly entries: readonly RedactionEntry[];
  /** Replaces every listed name in `text`. */
  redactText(text: string): string;
  /**
   * Like redactText, and also counts how many whitespace-separated tokens disappeared because a
   * multi-word name ("Acme Bank") became one placeholder token (keeps word indexes consistent).
   */
  redactTextCounting(text: string): { text: string; mergedTokens: number };
  /** Redacts a list of timed word tokens; a multi-token name collapses into its first token. */
  redactWords<W extends { text: string; end: number }>(
    words: readonly W[],
  ): { words: W[]; changed: boolean; merges: Array<{ first: number; last: number }> };
  /** Listed names (or aliases) still present in `text`; empty when redaction is complete. */
  findLeaks(text: string): string[];
}

const MAX_NAMES = 300;
const MAX_NAME_LENGTH = 120;

export class RedactionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedactionInputError';
  }
}

const COMPANY_WORDS =
  /\b(inc|corp|corporation|co|llc|ltd|plc|gmbh|ag|sa|bank|labs?|group|holdings|partners|capital|technologies|systems|airlines?|insurance|financial|payments|retail)\b\.?$/i;
const SERVICE_WORDS =
  /(service|svc|api|pipeline|gateway|cluster|db|database|queue|store|index|platform|engine|server|worker|cron|job)s?$/i;
const TEAM_WORDS = /\b(team|squad|guild|org|on-?call|sre)\b/i;

/** A best guess the UI shows as the default; users can change it. */
export function guessCategory(name: string): NameCategory {
  const n = name.trim();
  if (TEAM_WORDS.test(n)) return 'team';
  if (COMPANY_WORDS.test(n)) return 'company';
  const camel = /^\p{L}[\p{Ll}\d]+\p{Lu}\p{Ll}/u;
  if (SERVICE_WORDS.test(n)) return 'service';
  // "FreshCart Grocers", "IBM Research": several words with a brand-shaped one read as a company.
  if (/\s/.test(n) && n.split(/\s+/).some((w) => camel.test(w) || /^\p{Lu}{2,}$/u.test(w))) return 'company';
  // ledger-sync, fraud_scorer, ScoreHub, eventBus: internal systems are usually named like code.
  if (!/\s/.test(n) && (/[a-z][-_][a-z]/i.test(n) || camel.test(n))) return 'service';
  // "Alice Chen", "María José Núñez": two or three capitalised alphabetic words.
  if (/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u.test(n)) return 'person';
  return 'name';
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
function letters(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Source of one alternative: internal whitespace matches any run of whitespace. */
function namePattern(name: string): string {
  return name.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_])';

function cleanNames(names: readonly RedactionName[]): Array<{ names: string[]; category: NameCategory }> {
  if (names.length > MAX_NAMES)
    throw new RedactionInputError(`At most ${MAX_NAMES} names can be redacted (got ${names.length}).`);
  const seen = new Set<string>();
  const out: Array<{ names: string[]; category: NameCategory }> = [];
  for (const entry of names) {
    const all = [entry.name, ...(entry.aliases ?? [])]
      .map((n) => n.trim().replace(/\s+/g, ' '))
      .filter((n) => n !== '');
    const kept: string[] = [];
    for (const n of all) {
      if (n.length > MAX_NAME_LENGTH)
        throw new RedactionInputError(`The name "${n.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters.`);
      if ((n.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) {
        throw new RedactionInputError(
          `"${n}" is too short to redact safely: a name needs at least two letters or digits.`,
        );
      }
      const key = n.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(n);
    }
    const first = kept[0];
    if (first === undefined) continue;
    out.push({ names: kept, category: entry.category ?? guessCategory(first) });
  }
  return out;
}

interface Alternative {
  name: string;
  entryIndex: number;
}

/** Every listed name with its entry, longest first so "Acme Bank" wins over "Acme" at the same position. */
function longestFirst(entries: ReadonlyArray<{ names: readonly string[] }>): Alternative[] {
  return entries
    .flatMap((entry, entryIndex) => entry.names.map((name) => ({ name, entryIndex })))
    .sort((a, b) => b.name.length - a.name.length);
}

/** One capturing group per alternative, so a match tells which name it was. */
function combinedPattern(alternatives: readonly Alternative[]): RegExp {
  return new RegExp(
    `${BOUNDARY_BEFORE}(?:${alternatives.map((a) => `(${namePattern(a.name)})`).join('|')})${BOUNDARY_AFTER}`,
    'giu',
  );
}

/** The alternative a match stands for: the first capturing group that matched. */
function alternativeOf(
  alternatives: readonly Alternative[],
  groups: ReadonlyArray<string | undefined>,
): Alternative | undefined {
  return alternatives[groups.findIndex((g) => g !== undefined)];
}

/**
 * Plans the placeholders for a document. Letters follow the order in which the names first appear
 * in `documentText` (so the first company mentioned is "Company A"); names that never appear come
 * after, in list order.
 */
export function planRedaction(names: readonly RedactionName[], documentText = ''): Redactor {
  const cleaned = cleanNames(names);
  // First appearance with the same longest-first matching the redactor uses, so "Acme" inside
  // "Acme Bank" does not count as a mention of "Acme".
  const firstSeen = cleaned.map(() => Number.POSITIVE_INFINITY);
  const alternatives = longestFirst(cleaned);
  if (alternatives.length > 0 && documentText !== '') {
    for (const m of documentText.matchAll(combinedPattern(alternatives))) {
      const alt = alternativeOf(alternatives, m.slice(1));
      if (alt && m.index < (firstSeen[alt.entryIndex] ?? 0)) firstSeen[alt.entryIndex] = m.index;
    }
  }
  const order = cleaned.map((_, i) => i).sort((a, b) => (firstSeen[a] ?? 0) - (firstSeen[b] ?? 0) || a - b);
  const counters = new Map<NameCategory, number>();
  const entries: RedactionEntry[] = new Array<RedactionEntry>(cleaned.length);
  for (const i of order) {
    const entry = cleaned[i];
    if (!entry) continue;
    const n = counters.get(entry.category) ?? 0;
    counters.set(entry.category, n + 1);
    entries[i] = {
      category: entry.category,
      names: entry.names,
      placeholder: `${CATEGORY_LABEL[entry.category]} ${letters(n)}`,
    };
  }
  return createRedactor(entries);
}

/** What every redacting operation shares: the names, their one compiled pattern, their entries. */
interface NameMatcher {
  alternatives: Alternative[];
  /** Null when no names are listed. */
  re: RegExp | null;
  /** The entry a match belongs to, from its capturing groups. */
  entryOf(groups: ReadonlyArray<string | undefined>): RedactionEntry;
}

function nameMatcher(entries: readonly RedactionEntry[]): NameMatcher {
  const alternatives = longestFirst(entries);
  return {
    alternatives,
    // One compiled pattern: String.replace and matchAll reset or copy its lastIndex, so reuse is
    // safe, and compiling it per string made redacting a long transcript's words 10× slower.
    re: alternatives.length === 0 ? null : combinedPattern(alternatives),
    entryOf: (groups) => {
      const alt = alternativeOf(alternatives, groups);
      const entry = alt ? entries[alt.entryIndex] : undefined;
      if (!entry) throw new Error('redaction: a match belongs to no entry');
      return entry;
    },
  };
}

function textRedactor(matcher: NameMatcher): Redactor['redactTextCounting'] {
  const { alternatives, re, entryOf } = matcher;
  // Documents repeat the same short strings (words, quotes, layer names) thousands of times.
  const memo = new Map<string, { text: string; mergedTokens: number }>();
  return (text) => {
    if (re === null || text === '') return { text, mergedTokens: 0 };
    const known = memo.get(text);
    if (known) return known;
    let mergedTokens = 0;
    const out = text.replace(re, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, alternatives.length) as Array<string | undefined>;
      mergedTokens += (match.match(/\s+/g) ?? []).length;
      return entryOf(groups).placeholder;
    });
    const result = { text: out, mergedTokens };
    if (text.length <= 200 && memo.size < 50_000) memo.set(text, result);
    return result;
  };
}

/** The trimmed tokens joined with single spaces, and where each token sits in the joined text. */
function joinTokens(words: ReadonlyArray<{ text: string }>): {
  joined: string;
  spans: Array<{ from: number; to: number }>;
} {
  const spans: Array<{ from: number; to: number }> = [];
  let joined = '';
  for (const w of words) {
    if (joined !== '') joined += ' ';
    const t = w.text.trim();
    spans.push({ from: joined.length, to: joined.length + t.length });
    joined += t;
  }
  return { joined, spans };
}

/**
 * Matches on the joined tokens, so a name split over several tokens is found; its tokens collapse
 * into the first, which keeps the first's start, takes the last's end, and keeps any text of those
 * tokens around the name.
 */
function redactWordsWith<W extends { text: string; end: number }>(
  { re, entryOf }: NameMatcher,
  words: readonly W[],
): { words: W[]; changed: boolean; merges: Array<{ first: number; last: number }> } {
  if (re === null || words.length === 0) return { words: [...words], changed: false, merges: [] };
  const merges: Array<{ first: number; last: number }> = [];
  const { joined, spans } = joinTokens(words);
  const out: W[] = [];
  let next = 0; // first token not yet copied
  let changed = false;
  for (const m of joined.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = spans.findIndex((s) => s.to > start);
    let last = first;
    while (last + 1 < spans.length && (spans[last + 1]?.from ?? Infinity) < end) last++;
    const fw = words[first];
    const lw = words[last];
    const fs = spans[first];
    const ls = spans[last];
    if (first < next || !fw || !lw || !fs || !ls) continue;
    for (; next < first; next++) {
      const w = words[next];
      if (w) out.push(w);
    }
    const lead = /^\s*/.exec(fw.text)?.[0] ?? '';
    const prefix = joined.slice(fs.from, start);
    const suffix = joined.slice(end, ls.to);
    const trail = /\s*$/.exec(lw.text)?.[0] ?? '';
    out.push({ ...fw, text: `${lead}${prefix}${entryOf(m.slice(1)).placeholder}${suffix}${trail}`, end: lw.end });
    next = last + 1;
    changed = true;
    merges.push({ first, last });
  }
  for (; next < words.length; next++) {
    const w = words[next];
    if (w) out.push(w);
  }
  return { words: out, changed, merges };
}

/** One scan with the combined pattern; each alternative that matched is a leaked name. */
function leaksIn({ alternatives, re }: NameMatcher, text: string): string[] {
  if (re === null) return [];
  const leaked = new Set<string>();
  for (const m of text.matchAll(re)) {
    const alt = alternativeOf(alternatives, m.slice(1));
    if (alt) leaked.add(alt.name);
  }
  return [...leaked];
}

function createRedactor(entries: RedactionEntry[]): Redactor {
  const matcher = nameMatcher(entries);
  const redactTextCounting = textRedactor(matcher);
  return {
    entries,
    redactText: (text) => redactTextCounting(text).text,
    redactTextCounting,
    redactWords: (words) => redactWordsWith(matcher, words),
    findLeaks: (text) => leaksIn(matcher, text),
  };
}

/**
 * Reads a names file: one name per line, `#` comments, an optional category prefix and aliases
 * separated by `|`:
 *
 *     Acme Bank
 *     person: Alice Chen | Alice
 *     service: ledger-sync
 */
export function parseNameList(text: string): RedactionName[] {
  const out: RedactionName[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    let category: NameCategory | undefined;
    let rest = line;
    const prefix = /^([a-z]+)\s*:\s*(.*)$/i.exec(line);
    if (prefix && (NAME_CATEGORIES as readonly string[]).includes((prefix[1] ?? '').toLowerCase())) {
      category = (prefix[1] ?? '').toLowerCase() as NameCategory;
      rest = prefix[2] ?? '';
    }
    const parts = rest
      .split('|')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const [name, ...aliases] = parts;
    if (name === undefined)
      throw new RedactionInputError(`Line ${i + 1} of the names list has a category but no name.`);
    out.push({ name, ...(aliases.length > 0 ? { aliases } : {}), ...(category ? { category } : {}) });
  });
  return out;
}
