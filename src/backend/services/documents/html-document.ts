/**
 * HTML postmortems (a saved wiki page, and .docx files after mammoth turns them into HTML) read
 * with htmlparser2's forgiving streaming parser into the document model: headings, paragraphs,
 * list and checklist items, table rows (timelines keep their time apart) and quotes.
 */
import { Parser } from 'htmlparser2';
import type { DocumentBlock, DocumentFormat, ParsedDocument } from '../../../core/document/schema';
import { parseTextDocument, splitTitle } from '../../../core/document/text-document';
import { timelineRow } from './table-rows';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'pre', 'code', 'head', 'svg', 'nav', 'footer']);
const HEADING = /^h([1-6])$/;

interface Open {
  tag: string;
  text: string[];
  task: boolean | null;
}

/** Collects the blocks as the parser walks the page; one instance per document. */
class BlockCollector {
  readonly blocks: DocumentBlock[] = [];
  private readonly open: Open[] = [];
  private skipping = 0;
  private quoteDepth = 0;
  private header: string[] = [];
  private row: string[] | null = null;
  private cell: string[] | null = null;
  private rowIsHeader = false;
  private firstRow = true;

  start(tag: string, attrs: Record<string, string>): void {
    if (SKIPPED.has(tag)) this.skipping++;
    if (this.skipping > 0) return;
    if (tag === 'blockquote') this.quoteDepth++;
    if (tag === 'tr') {
      this.row = [];
      this.rowIsHeader = true;
    } else if ((tag === 'td' || tag === 'th') && this.row) {
      this.cell = [];
      if (tag === 'td') this.rowIsHeader = false;
    } else if (tag === 'input' && attrs.type === 'checkbox') {
      const item = [...this.open].reverse().find((o) => o.tag === 'li');
      if (item) item.task = 'checked' in attrs;
    } else if (HEADING.test(tag) || tag === 'li' || (tag === 'p' && !this.inContainer())) {
      this.open.push({ tag, text: [], task: null });
    } else if (tag === 'br') {
      this.text('\n');
    }
  }

  text(data: string): void {
    if (this.skipping > 0) return;
    if (this.cell) this.cell.push(data);
    else this.open[this.open.length - 1]?.text.push(data);
  }

  end(tag: string): void {
    if (SKIPPED.has(tag)) {
      this.skipping = Math.max(0, this.skipping - 1);
      return;
    }
    if (this.skipping > 0) return;
    if (tag === 'blockquote') this.quoteDepth = Math.max(0, this.quoteDepth - 1);
    if ((tag === 'td' || tag === 'th') && this.cell && this.row) {
      this.row.push(squash(this.cell.join(' ')));
      this.cell = null;
    } else if (tag === 'tr' && this.row) {
      this.endRow(this.row);
      this.row = null;
    } else if (tag === 'table') {
      this.header = [];
      this.firstRow = true;
    } else if (this.open[this.open.length - 1]?.tag === tag) {
      this.emit(this.open.pop() as Open);
    }
  }

  private inContainer(): boolean {
    return this.cell !== null || this.open.some((o) => o.tag === 'li');
  }

  private endRow(cells: string[]): void {
    if (cells.every((c) => c === '')) return;
    const first = this.firstRow;
    this.firstRow = false;
    // A header row: <th> cells, or (Word tables have none) a first row of short labels.
    const labels = cells.every((c) => c.split(/\s+/).length <= 3 && !/\d{1,2}:\d{2}/.test(c) && !/[.!?]$/.test(c));
    if (this.header.length === 0 && (this.rowIsHeader || (first && labels))) {
      this.header = cells;
      return;
    }
    this.blocks.push(timelineRow(this.header, cells));
  }

  private emit(o: Open): void {
    const raw = o.text.join('');
    const heading = HEADING.exec(o.tag);
    if (heading) {
      const text = squash(raw);
      if (text !== '') this.blocks.push({ kind: 'heading', level: Number(heading[1]), text });
      return;
    }
    if (o.tag === 'li') {
      const text = squash(raw);
      if (text === '') return;
      this.blocks.push(
        o.task === null ? { kind: 'text', role: 'item', text } : { kind: 'text', role: 'task', text, checked: o.task },
      );
      return;
    }
    // A paragraph of timeline lines or "Root cause: …" labels reads as the plain-text reader does.
    for (const block of parseTextDocument(raw, { title: false }).blocks) {
      this.blocks.push(
        block.kind === 'text' && block.role === 'paragraph' && this.quoteDepth > 0
          ? { ...block, role: 'quote' }
          : block,
      );
    }
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function parseHtmlDocument(html: string, format: DocumentFormat = 'html'): ParsedDocument {
  const collector = new BlockCollector();
  let title: string | null = null;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        if (name === 'title') inTitle = true;
        collector.start(name, attrs);
      },
      ontext: (data) => {
        if (inTitle) title = squash(`${title ?? ''} ${data}`);
        collector.text(data);
      },
      onclosetag: (name) => {
        if (name === 'title') inTitle = false;
        collector.end(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { format, ...splitTitle(title, collector.blocks) };
}
