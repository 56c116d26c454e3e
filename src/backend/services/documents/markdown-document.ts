/**
 * Markdown postmortems read with `marked`'s lexer (CommonMark and GitHub tables and checklists,
 * kept up to date by its maintainers) into the document model: headings, paragraphs, list and
 * checklist items, timeline tables and lines, quotes. Inline syntax is reduced to its text.
 */
import { Lexer, marked, type Token, type Tokens } from 'marked';
import type { DocumentBlock, ParsedDocument } from '../../../core/document/schema';
import { parseTextDocument, splitTitle } from '../../../core/document/text-document';
import { timelineRow } from './table-rows';

/** The plain text of inline tokens (emphasis, links and code keep their words). */
function plain(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens || tokens.length === 0) return fallback;
  return tokens
    .map((t) =>
      'tokens' in t && Array.isArray(t.tokens)
        ? plain(t.tokens, 'text' in t ? String(t.text) : '')
        : 'text' in t
          ? String(t.text)
          : '',
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown inline syntax (emphasis, links, code) reduced to its words. */
function inlineText(markdown: string): string {
  return plain(Lexer.lexInline(markdown), markdown);
}

function listBlocks(list: Tokens.List, out: DocumentBlock[]): void {
  for (const item of list.items) {
    const nested = item.tokens.filter((t): t is Tokens.List => t.type === 'list');
    const own = item.tokens.filter((t) => t.type !== 'list' && t.type !== 'checkbox');
    const text = plain(own, item.text);
    if (text !== '') {
      // A line of notes ("14:02 — paged the on-call") inside a list is a timeline entry.
      const asLine = parseTextDocument(text, { title: false }).blocks[0];
      if (asLine?.kind === 'text' && asLine.role === 'timeline' && !item.task) out.push(asLine);
      else
        out.push(
          item.task
            ? { kind: 'text', role: 'task', text, checked: item.checked === true }
            : { kind: 'text', role: 'item', text },
        );
    }
    for (const sub of nested) listBlocks(sub, out);
  }
}

function tokenBlocks(token: Token, out: DocumentBlock[]): void {
  switch (token.type) {
    case 'heading': {
      const h = token as Tokens.Heading;
      out.push({ kind: 'heading', level: h.depth, text: plain(h.tokens, h.text) });
      return;
    }
    case 'paragraph': {
      const p = token as Tokens.Paragraph;
      // A paragraph of timeline lines or "Root cause: …" labels reads as the plain-text reader does.
      for (const block of parseTextDocument(p.raw, { title: false }).blocks) {
        out.push(block.kind === 'text' ? { ...block, text: inlineText(block.text) } : block);
      }
      return;
    }
    case 'list':
      return listBlocks(token as Tokens.List, out);
    case 'table': {
      const t = token as Tokens.Table;
      const header = t.header.map((c) => plain(c.tokens, c.text));
      for (const row of t.rows)
        out.push(
          timelineRow(
            header,
            row.map((c) => plain(c.tokens, c.text)),
          ),
        );
      return;
    }
    case 'blockquote': {
      const q = token as Tokens.Blockquote;
      for (const inner of q.tokens) {
        const before = out.length;
        tokenBlocks(inner, out);
        for (let i = before; i < out.length; i++) {
          const b = out[i];
          if (b?.kind === 'text' && b.role === 'paragraph') out[i] = { ...b, role: 'quote' };
        }
      }
      return;
    }
    default:
      // Code, HTML, rules and spaces carry no story sentences.
      return;
  }
}

export function parseMarkdownDocument(markdown: string): ParsedDocument {
  const blocks: DocumentBlock[] = [];
  for (const token of marked.lexer(markdown, { gfm: true })) tokenBlocks(token, blocks);
  return { format: 'markdown', ...splitTitle(null, blocks) };
}
