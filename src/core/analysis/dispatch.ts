/**
 * Fast cue matching by first characters. Running ~80 patterns over every sentence costs far
 * more than the patterns' own work, because each one is tried at every position. Instead, the
 * possible first characters of each pattern (its "keys", up to five characters: "rolle",
 * "rever", "hotfi" for a rollback cue) are read from the pattern itself, and a sentence is scanned once:
 * at each position the three-character window looks up which patterns can start there, and
 * only those run, anchored at that position (sticky). A pattern whose start cannot be read
 * (it begins with a word wildcard or a digit) runs the usual way.
 *
 * The result is exactly what `RegExp.exec` returns (the leftmost match), which tests check on
 * the labelled stories.
 */

/** Possible prefixes of a match (each at most KEY characters long); null: cannot be read. */
type Prefixes = string[] | null;

const KEY = 5;
/** Marks a prefix that cannot grow (unknown characters follow it). */
const CLOSED = '\u0000';
/** Leading marks: the match starts at the start of the text (^), or at a word boundary (\b). */
const AT_TEXT = '\u0001';
const AT_BOUNDARY = '\u0002';

function body(p: string): string {
  return p.startsWith(AT_TEXT) || p.startsWith(AT_BOUNDARY) ? p.slice(1) : p;
}

function isDone(p: string): boolean {
  return p.endsWith(CLOSED) || body(p).length >= KEY;
}

/** Keeps at most KEY characters (after a leading mark), and a closing mark only on a short prefix. */
function cut(p: string): string {
  const lead = p.length - body(p).length;
  const b = p.slice(lead);
  const closed = b.indexOf(CLOSED);
  return p.slice(0, lead) + (closed >= 0 && closed < KEY ? b.slice(0, closed + 1) : b.slice(0, KEY));
}
/** Give up on a pattern whose prefixes multiply beyond this (it runs the usual way). */
const MAX_PREFIXES = 400;

class PrefixParser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Prefixes {
    const p = this.alternation();
    return this.i === this.src.length ? p : null;
  }

  private alternation(): Prefixes {
    const out = new Set<string>();
    let ok = true;
    for (;;) {
      const branch = this.sequence();
      if (!branch) ok = false;
      else for (const b of branch) out.add(b);
      if (this.src[this.i] !== '|') break;
      this.i++;
    }
    return ok && out.size <= MAX_PREFIXES ? [...out] : null;
  }

  /**
   * Prefixes of a sequence: concatenate element prefixes until every prefix is KEY long. A
   * prefix followed by something unknown is closed (marked with CLOSED) and never extended:
   * what follows it in an enclosing sequence does not follow it in the text.
   */
  private sequence(): Prefixes {
    let acc: Prefixes = [''];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const el = this.element();
      if (!acc || el === 'zero') continue; // keep parsing to stay in sync
      if (el === 'text' || el === 'boundary') {
        // An anchor before any character tells where the match can start.
        const mark = el === 'text' ? AT_TEXT : AT_BOUNDARY;
        acc = acc.map((p) => (p === '' ? mark : p));
        continue;
      }
      if (el === null) {
        // A prefix of length zero followed by unknown characters: the start cannot be read.
        if (acc.some((p) => body(p).length === 0)) acc = null;
        else acc = acc.map((p) => (isDone(p) ? p : p + CLOSED));
        continue;
      }
      const next = new Set<string>();
      for (const a of acc) {
        if (isDone(a)) next.add(a);
        // A boundary or anchor inside the match is zero-width: only a leading one is kept.
        else for (const e of el) next.add(cut(a === '' ? e : a + body(e)));
      }
      acc = next.size > MAX_PREFIXES ? null : [...next];
    }
    return acc;
  }

  /**
   * One quantified atom: its possible strings ('' allowed when optional), 'zero' for
   * zero-width assertions, null when unknown.
   */
  private element(): string[] | 'zero' | 'text' | 'boundary' | null {
    const atom = this.atom();
    const q = this.src[this.i];
    let optional = false;
    let repeats = false;
    if (q === '?' || q === '*') {
      optional = true;
      repeats = q === '*';
      this.i++;
    } else if (q === '+') {
      repeats = true;
      this.i++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        optional = Number(m[1]) === 0;
        repeats = m[2] !== undefined || Number(m[1]) > 1;
      }
    }
    if (this.src[this.i] === '?') this.i++; // lazy
    if (atom === 'zero' || atom === 'text' || atom === 'boundary') return optional ? 'zero' : atom;
    if (atom === null) return null;
    // A repeated atom is known for its first occurrence only: what follows it is unknown, so
    // its strings are closed (keys only need to be prefixes of a match).
    const present = repeats ? atom.map((a) => (a.endsWith(CLOSED) ? a : a + CLOSED)) : atom;
    return optional ? ['', ...present] : present;
  }

  private atom(): string[] | 'zero' | 'text' | 'boundary' | null {
    const c = this.src[this.i] as string;
    if (c === '(') {
      this.i++;
      let zero = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        zero = true;
        this.i += this.src[this.i + 1] === '<' ? 3 : 2;
      } else if (this.src.startsWith('?<', this.i)) {
        this.i = this.src.indexOf('>', this.i) + 1;
      }
      const inner = this.alternation();
      if (this.src[this.i] === ')') this.i++;
      if (zero) return 'zero';
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const next = this.src[this.i + 1] ?? '';
      this.i += 2;
      if (next === 'b') return 'boundary';
      if (next === 'B') return 'zero';
      if (next === 'd') return [...'0123456789'];
      if (/[DwWsSpPuxck0-9]/.test(next)) return null;
      if (next === 'n' || next === 't' || next === 'r') return null;
      return [next.toLowerCase()];
    }
    this.i++;
    if (c === '^') return 'text';
    if (c === '$') return 'zero';
    if (c === '.') return null;
    return [c.toLowerCase()];
  }

  /** A small class of plain characters ("[sz]", "[- ]") is known; anything else is not. */
  private charClass(): string[] | null {
    const end = this.src.indexOf(']', this.i + 1);
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('^') || body.includes('\\') || /\w-\w/.test(body) || body.length > 6) return null;
    return [...new Set(body.toLowerCase())];
  }
}

/** The possible first KEY characters of a match of `source`, or null when they cannot be read. */
export function startKeys(source: string): string[] | null {
  let p: Prefixes;
  try {
    p = new PrefixParser(source).parse();
  } catch {
    return null;
  }
  if (!p || p.length === 0) return null;
  const keys = p.map((x) => x.replace(CLOSED, ''));
  if (keys.some((x) => body(x).length === 0)) return null;
  return [...new Set(keys)];
}

export interface DispatchIndex<T> {
  /** Patterns anchored at the start of the text (^): looked up at position 0 only. */
  atTextStart: Map<number, T[]>;
  /** Keys of word-boundary patterns that start with a word character: looked up where a word starts. */
  atWordStart: Map<number, T[]>;
  /** Keys of word-boundary patterns that start with another character ("'d"): looked up there. */
  atOther: Map<number, T[]>;
  otherFirst: Set<number>;
  /** Other patterns: looked up at every position whose character can start one of their keys. */
  anywhere: Map<number, T[]>;
  anywhereFirst: Set<number>;
  /** Items that must run the usual way. */
  always: T[];
}

/**
 * A hash of a string of one to KEY units, folded with its length (computed incrementally when
 * scanning, so nothing is allocated). Two strings may share a hash: that only adds a candidate
 * position, which the anchored pattern then rejects; a real start is never missed.
 */
function step(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

function keyOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h * 8 + s.length;
}

export function buildIndex<T>(items: readonly T[], sourceOf: (item: T) => string): DispatchIndex<T> {
  const index: DispatchIndex<T> = {
    atTextStart: new Map(),
    atWordStart: new Map(),
    atOther: new Map(),
    otherFirst: new Set(),
    anywhere: new Map(),
    anywhereFirst: new Set(),
    always: [],
  };
  for (const item of items) {
    const source = sourceOf(item);
    const keys = startKeys(source);
    if (!keys) {
      index.always.push(item);
      continue;
    }
    for (const k of keys) {
      const b = body(k);
      const map = k.startsWith(AT_TEXT)
        ? index.atTextStart
        : k.startsWith(AT_BOUNDARY)
          ? /^\w/.test(b)
            ? index.atWordStart
            : index.atOther
          : index.anywhere;
      if (map === index.anywhere) index.anywhereFirst.add(b.charCodeAt(0));
      if (map === index.atOther) index.otherFirst.add(b.charCodeAt(0));
      const key = keyOf(b);
      const list = map.get(key);
      if (!list) map.set(key, [item]);
      else if (!list.includes(item)) list.push(item);
    }
  }
  return index;
}

function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
}

/**
 * For every position of `text` (ascending), the items whose pattern could start there. Items
 * appear once per position even when several of their keys match it.
 */
export function candidates<T>(index: DispatchIndex<T>, text: string): Map<T, number[]> {
  const out = new Map<T, number[]>();
  const n = text.length;
  for (let p = 0; p < n; p++) {
    const code = text.charCodeAt(p);
    const anywhere = index.anywhereFirst.has(code);
    const word = isWordUnit(code);
    const wordStart = word && (p === 0 || !isWordUnit(text.charCodeAt(p - 1)));
    const other = !word && p > 0 && index.otherFirst.has(code) && isWordUnit(text.charCodeAt(p - 1));
    if (!wordStart && !other && !anywhere && p > 0) continue;
    let h = 0x811c9dc5;
    for (let len = 1; len <= KEY && p + len <= n; len++) {
      h = step(h, text.charCodeAt(p + len - 1));
      const key = h * 8 + len;
      if (p === 0) add(out, index.atTextStart.get(key), p);
      if (wordStart) add(out, index.atWordStart.get(key), p);
      else if (other) add(out, index.atOther.get(key), p);
      if (anywhere) add(out, index.anywhere.get(key), p);
    }
  }
  return out;
}

function add<T>(out: Map<T, number[]>, list: readonly T[] | undefined, p: number): void {
  if (!list) return;
  for (const item of list) {
    const positions = out.get(item);
    if (!positions) out.set(item, [p]);
    else if (positions[positions.length - 1] !== p) positions.push(p);
  }
}
