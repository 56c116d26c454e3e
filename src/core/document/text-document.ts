/**
 * Reads a plain-text postmortem (notes, an incident ticket, an email) into the document model:
 * short label lines ("Root cause:", "ACTION ITEMS", a line underlined with === or ---) become
 * headings, "-", "*", "1." lines list items, "[ ]" and "[x]" checklist items, and lines that start
 * with a clock time ("14:02 UTC — …", "[09:15] …") timeline entries.
 */
import type { DocumentBlock, ParsedDocument } from './schema';
import { BULLET, TASK, TIME } from '../transcript/line-marks';
import { sectionKind } from './sections';

const UNDERLINE = /^\s*(={3,}|-{3,})\s*$/;
/** "Root cause: the pool was…" — a section label that starts a line and the text after it. */
const LABELLED = /^([A-Za-z][A-Za-z ;'/&-]{1,40}):\s+(.+)$/;

function isHeadingLine(line: string): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  if (words > 8 || /[.!?,]$/.test(t)) return false;
  if (/:$/.test(t)) return true;
  if (/^[A-Z0-9 &/'-]{4,}$/.test(t) && /[A-Z]{3}/.test(t)) return true;
  return words <= 5 && sectionKind(t) !== null;
}

/**
 * `title: false` reads a piece of a larger document (a paragraph of an HTML or Markdown file),
 * whose first line is text, not the document's title.
 */
export function parseTextDocument(text: string, options: { title?: boolean } = {}): ParsedDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'text', role: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  let title: string | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const next = lines[i + 1] ?? '';
    if (UNDERLINE.test(line)) return;
    if (line === '') return flush();
    if (UNDERLINE.test(next) && line.split(/\s+/).length <= 12) {
      flush();
      if (title === null && blocks.length === 0 && /^\s*=/.test(next)) title = line;
      else blocks.push({ kind: 'heading', level: /^\s*=/.test(next) ? 1 : 2, text: line });
      return;
    }
    const bullet = BULLET.exec(raw);
    const time = TIME.exec(bullet ? (bullet[1] ?? '') : raw);
    if (time) {
      flush();
      blocks.push({ kind: 'text', role: 'timeline', text: (time[2] ?? '').trim(), time: time[1] ?? null });
      return;
    }
    if (bullet) {
      flush();
      const item = bullet[1] ?? '';
      const task = TASK.exec(item);
      blocks.push(
        task
          ? { kind: 'text', role: 'task', text: task[2] ?? '', checked: task[1] !== ' ' }
          : { kind: 'text', role: 'item', text: item },
      );
      return;
    }
    if (isHeadingLine(line)) {
      flush();
      blocks.push({ kind: 'heading', level: 2, text: line.replace(/:$/, '') });
      return;
    }
    const labelled = LABELLED.exec(line);
    if (labelled && paragraph.length === 0 && sectionKind(labelled[1] ?? '') !== null) {
      blocks.push({ kind: 'heading', level: 2, text: labelled[1] ?? '' });
      paragraph.push(labelled[2] ?? '');
      return;
    }
    paragraph.push(line);
  });
  flush();
  return { format: 'text', ...(options.title === false ? { title, blocks } : splitTitle(title, blocks)) };
}

/**
 * The document's title: one given by the format, else a single top heading, else a short first
 * line without a full stop (a Word title style, a first line of notes). It is not a sentence.
 */
export function splitTitle(
  given: string | null,
  blocks: DocumentBlock[],
): { title: string | null; blocks: DocumentBlock[] } {
  const first = blocks[0];
  const onlyTop =
    first?.kind === 'heading' &&
    first.level === 1 &&
    !blocks.slice(1).some((b) => b.kind === 'heading' && b.level === 1);
  const lineTitle =
    first?.kind === 'text' &&
    first.role === 'paragraph' &&
    first.text.split(/\s+/).length <= 12 &&
    !/[.!?]$/.test(first.text);
  if (first && (onlyTop || lineTitle)) return { title: first.text, blocks: blocks.slice(1) };
  return { title: given, blocks };
}
