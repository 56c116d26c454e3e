/**
 * The lines of a typed answer, read the way its writer laid them out. A heading ("Root cause"),
 * a list item ("- add a canary stage") or a timeline line ("14:02 alert fired") is a sentence of
 * its own even without a full stop; a line wrapped at a fixed width (a pasted e-mail or plain-text
 * file) goes on into the next one. List and table marks are layout, not words, and are dropped.
 */

/** One run of typed text that ends a sentence where it ends. */
export interface TypedBlock {
  /** The block's words, marks dropped. */
  tokens: string[];
  /** Last block of its paragraph (a blank line or the end of the text follows). */
  paragraphEnd: boolean;
}

/** A bullet, number, letter, table border or Markdown heading mark at the start of a line. */
const LINE_MARK = /^\s*(?:[-*•+>|]|#{1,6}|\d{1,3}[.)]|[a-z]\)|\[[ xX]\])(?:\s+|$)/u;
/** A clock time or date that opens a timeline line. */
const TIME_LEAD = /^\[?(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|T[+-]\d)/u;
/** The line's last word ends its thought: a stop, a question, or a colon before a list. */
const CLOSED = /[.!?:…]["'”’)\]*_]*$/u;
/** An unpunctuated line of at most this many words, followed by a capital, is a heading. */
const HEADING_WORDS = 6;
/** Lines this long or longer (and close to the paragraph's longest) may be wrapped at a width. */
const WRAP_CHARS = 50;

interface Line {
  text: string;
  /** Opens an entry: a list item or a timeline line. */
  marked: boolean;
  indented: boolean;
}

export function typedBlocks(text: string): TypedBlock[] {
  const blocks: TypedBlock[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const lines = paragraph
      .split(/\r?\n/)
      .map(readLine)
      .filter((l): l is Line => l !== null);
    const widest = Math.max(0, ...lines.map((l) => l.text.length));
    let current: string[] = [];
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      if (prev && !continues(prev, line, widest)) {
        blocks.push({ tokens: current, paragraphEnd: false });
        current = [];
      }
      current.push(...line.text.split(/\s+/).filter((w) => w !== ''));
    });
    if (current.length > 0) blocks.push({ tokens: current, paragraphEnd: true });
  }
  return blocks;
}

function readLine(raw: string): Line | null {
  let text = raw;
  let marked = false;
  // Marks can stack ("- [ ] 1. ..."); a line of marks alone (a table rule "|---|") has no words.
  for (let m = LINE_MARK.exec(text); m; m = LINE_MARK.exec(text)) {
    text = text.slice(m[0].length);
    marked = true;
  }
  text = text.replace(/\s*\|\s*$/u, '').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return { text, marked: marked || TIME_LEAD.test(text), indented: /^\s/u.test(raw) };
}

/** Whether `next` carries on the sentence of `prev` (a wrapped line) rather than starting one. */
function continues(prev: Line, next: Line, widest: number): boolean {
  if (next.marked) return false;
  // A wrapped sentence goes on in lower case.
  if (/^\p{Ll}/u.test(next.text)) return true;
  // An entry's own wrapped lines are indented under it.
  if (prev.marked) return next.indented;
  if (CLOSED.test(prev.text) || isHeading(prev) || isHeading(next)) return false;
  // Without a stop, a line wraps only where the paragraph is wrapped at a width.
  return prev.text.length >= WRAP_CHARS && prev.text.length >= 0.75 * widest;
}

/** A short line with no stop: a wrapped line runs to the width, and its paragraph's last one ends in a stop. */
function isHeading(line: Line): boolean {
  return !CLOSED.test(line.text) && line.text.split(/\s+/).length <= HEADING_WORDS;
}
