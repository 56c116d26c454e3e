/**
 * The lines of a typed answer, read the way its writer laid them out. A list item ("- add a
 * canary stage") or a timeline line ("14:02 alert fired") is a sentence of its own even without a
 * full stop; a heading ("Root cause") opens the sentence after it as a label; a line wrapped at a
 * fixed width (a pasted e-mail or plain-text file) goes on into the next one. List and table marks
 * are layout, not words, and are dropped.
 */
import { HEADING_MAX_WORDS } from '../document/sections';
import { BULLET, TASK, TIME } from './line-marks';

/** One run of typed text that ends a sentence where it ends. */
export interface TypedBlock {
  /** The block's words, marks dropped. */
  tokens: string[];
  /** Last block of its paragraph (a blank line or the end of the text follows). */
  paragraphEnd: boolean;
}

/** A quote mark or table border at the start of a line (bullets and check boxes: line-marks.ts). */
const BORDER = /^\s*[>|]\s*/u;
/** A Markdown heading mark. */
const HEADING_MARK = /^\s*#{1,6}\s+/u;
/** The line's last word ends its thought: a stop, a question, or a colon before a list. */
const CLOSED = /[.!?:…]["'”’)\]*_]*$/u;
/** A word that ends a sentence. */
const STOPPED = /[.!?…]["'”’)\]*_]*$/u;
/** Lines this long or longer (and close to the paragraph's longest) may be wrapped at a width. */
const WRAP_CHARS = 50;

interface Line {
  text: string;
  /** Opens an entry: a list item or a timeline line. */
  marked: boolean;
  /** Marked as a heading ("## Root cause"). */
  titled: boolean;
  indented: boolean;
}

/** A block as read, before headings are glued: whether it is a heading, and whether it tells something. */
interface ReadBlock extends TypedBlock {
  /** "sure": marked as a heading or a short lead-in ending in a colon; "maybe": a short line with no stop. */
  heading: 'sure' | 'maybe' | null;
  /** Ends in a full stop, or is a list or timeline entry: what a heading stands over. */
  content: boolean;
}

export function typedBlocks(text: string): TypedBlock[] {
  const blocks: ReadBlock[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const lines = paragraph
      .split(/\r?\n/)
      .map(readLine)
      .filter((l): l is Line => l !== null);
    const widest = Math.max(0, ...lines.map((l) => l.text.length));
    let current: Line[] = [];
    const close = (paragraphEnd: boolean) => {
      const tokens = current.flatMap((l) => l.text.split(/\s+/).filter((w) => w !== ''));
      const content = current[0]?.marked === true || STOPPED.test(tokens[tokens.length - 1] ?? '');
      blocks.push({ tokens, paragraphEnd, heading: headingOf(current), content });
      current = [];
    };
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      if (prev && !continues(prev, line, widest)) close(false);
      current.push(line);
    });
    if (current.length > 0) close(true);
  }
  return glueHeadings(blocks);
}

function headingOf(lines: readonly Line[]): ReadBlock['heading'] {
  const [only] = lines;
  if (lines.length !== 1 || !only || only.marked) return null;
  if (only.titled || (/:["'”’)\]*_]*$/u.test(only.text) && words(only.text) <= HEADING_MAX_WORDS)) return 'sure';
  return isHeading(only) ? 'maybe' : null;
}

/**
 * A heading ("Root cause", "Action items:") names the part that follows: it opens that part's
 * first sentence as a spoken label would ("Root cause: the parser..."), so it is neither a
 * sentence of its own (which would count in a layer's sentences) nor lost. A short line with no
 * stop is a heading only over a part that has stops or entries: in a chat-style answer of short
 * unpunctuated lines, each line is a sentence.
 */
function glueHeadings(blocks: readonly ReadBlock[]): TypedBlock[] {
  const out: ReadBlock[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (!block) continue;
    const next = out[0];
    if (next && (block.heading === 'sure' || (block.heading === 'maybe' && next.content))) {
      const last = block.tokens.length - 1;
      const label = block.tokens.map((t, k) => (k === last && !/[:—–-]$/u.test(t) ? `${t.replace(/\.+$/u, '')}:` : t));
      out[0] = { ...next, tokens: [...label, ...next.tokens] };
    } else out.unshift(block);
  }
  return out.map(({ tokens, paragraphEnd }) => ({ tokens, paragraphEnd }));
}

function readLine(raw: string): Line | null {
  const titled = HEADING_MARK.test(raw);
  let text = raw.replace(HEADING_MARK, '');
  let marked = false;
  // Marks can stack ("> - [ ] ..."); a line of marks alone (a table rule "|---|") has no words.
  for (let m = unmark(text); m !== null; m = unmark(text)) {
    text = m;
    marked = true;
  }
  text = text.replace(/\s*\|\s*$/u, '').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return { text, marked: marked || TIME.test(text), titled, indented: /^\s/u.test(raw) };
}

/** The line without its first mark (bullet, check box, quote or table border), or null if it has none. */
function unmark(text: string): string | null {
  const bullet = BULLET.exec(text) ?? TASK.exec(text.trimStart());
  if (bullet) return bullet[bullet.length - 1] ?? '';
  const border = BORDER.exec(text);
  return border ? text.slice(border[0].length) : null;
}

/** Whether `next` carries on the sentence of `prev` (a wrapped line) rather than starting one. */
function continues(prev: Line, next: Line, widest: number): boolean {
  if (next.marked || next.titled || prev.titled) return false;
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
  return !CLOSED.test(line.text) && words(line.text) <= HEADING_MAX_WORDS;
}

function words(text: string): number {
  return text.split(/\s+/).length;
}
