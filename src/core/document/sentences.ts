/**
 * The sentences of a document with the structure around them: the heading path they sit under,
 * what that heading suggests, and the kind of block they came from.
 */
import type { Layer } from '../analysis/layers';
import type { ParsedDocument, TextRole } from './schema';
import { sectionKind, type SectionKind } from './sections';
import { splitSentences } from './split';

export interface DocumentSentence {
  text: string;
  /** The nearest heading above it, or null before the first heading. */
  heading: string | null;
  /** What the nearest heading with a reading suggests (a subheading inherits its parent's). */
  section: SectionKind;
  role: TextRole;
  /** Index of the block it came from. */
  block: number;
  /** A timeline entry's time, on the entry's first sentence. */
  time: string | null;
}

/** The layer the structure suggests for a sentence, or null when it suggests none. */
export function structuralLayer(s: Pick<DocumentSentence, 'section' | 'role'>): Layer | null {
  if (s.section === 'timeline' || s.role === 'timeline') return null;
  if (s.section !== null) return s.section;
  // An unticked or ticked checklist item outside any telling section is still an action item.
  return s.role === 'task' ? 'structural_fix' : null;
}

export function documentSentences(doc: ParsedDocument): DocumentSentence[] {
  const out: DocumentSentence[] = [];
  // Headings by level: a "Detection" h2 keeps its reading under an h3 such as "Alert details".
  const path: { level: number; text: string; kind: SectionKind }[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= block.level) path.pop();
      path.push({ level: block.level, text: block.text, kind: sectionKind(block.text) });
      return;
    }
    const nearest = path[path.length - 1];
    const reading = [...path].reverse().find((p) => p.kind !== null)?.kind ?? null;
    splitSentences(block.text).forEach((text, k) => {
      out.push({
        text,
        heading: nearest?.text ?? null,
        section: reading,
        role: block.role,
        block: index,
        time: k === 0 ? (block.time ?? null) : null,
      });
    });
  });
  return out;
}
