/**
 * The labelled postmortem documents of corpus/documents (format in its README): loaded, rendered
 * to Markdown as an author would write them (headings, checklists, timeline tables or lines),
 * and flattened to their sentences for reading without structure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LayerSchema } from '../../src/core/analysis/schema';

const sentence = z.object({ text: z.string(), layer: LayerSchema });
const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.number().int().min(1).max(6), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), sentences: z.array(sentence) }),
  z.object({
    kind: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.object({ checked: z.boolean().nullable(), sentences: z.array(sentence) })),
  }),
  z.object({
    kind: z.literal('timeline'),
    style: z.enum(['table', 'lines']),
    entries: z.array(z.object({ time: z.string(), sentences: z.array(sentence) })),
  }),
]);
export const LabelledDocumentSchema = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  blocks: z.array(block),
});
export type LabelledDocument = z.infer<typeof LabelledDocumentSchema>;
export type LabelledSentence = z.infer<typeof sentence>;

export const DOCUMENTS_DIR = fileURLToPath(new URL('../../corpus/documents/', import.meta.url));

export function loadDocuments(dir = DOCUMENTS_DIR): LabelledDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => LabelledDocumentSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}

/** Every labelled sentence in reading order. */
export function documentGold(doc: LabelledDocument): LabelledSentence[] {
  return doc.blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return b.sentences;
    if (b.kind === 'list') return b.items.flatMap((i) => i.sentences);
    if (b.kind === 'timeline') return b.entries.flatMap((e) => e.sentences);
    return [];
  });
}

const text = (sentences: readonly LabelledSentence[]) => sentences.map((s) => s.text).join(' ');

export function toMarkdown(doc: LabelledDocument): string {
  const out = [`# ${doc.title}`, ''];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(Math.max(2, b.level))} ${b.text}`, '');
    else if (b.kind === 'paragraph') out.push(text(b.sentences), '');
    else if (b.kind === 'list') {
      b.items.forEach((item, i) => {
        const mark = b.ordered ? `${i + 1}.` : '-';
        const box = item.checked === null ? '' : item.checked ? '[x] ' : '[ ] ';
        out.push(`${mark} ${box}${text(item.sentences)}`);
      });
      out.push('');
    } else if (b.style === 'table') {
      out.push('| Time | Event |', '|---|---|');
      for (const e of b.entries) out.push(`| ${e.time} | ${text(e.sentences)} |`);
      out.push('');
    } else {
      for (const e of b.entries) out.push(`${e.time} — ${text(e.sentences)}`, '');
    }
  }
  return out.join('\n');
}
