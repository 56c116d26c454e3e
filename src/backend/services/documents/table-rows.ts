/**
 * A table row as document text. Tables in postmortems are mostly timelines ("Time | Event"): the
 * time is kept apart and the event is the text; other tables are read cell by cell.
 */
import type { DocumentBlock } from '../../../core/document/schema';

const TIME_CELL = /^\s*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:am|pm|AM|PM))?(?:\s?[A-Z]{1,4})?\s*$/;

export function timelineRow(header: readonly string[], cells: readonly string[]): DocumentBlock {
  const timeAt = cells.findIndex((c) => TIME_CELL.test(c));
  const timeHeader = header.findIndex((h) => /^(time|when|timestamp|date)/i.test(h.trim()));
  const at = timeAt >= 0 ? timeAt : timeHeader;
  if (at >= 0) {
    const text = cells
      .filter((_, i) => i !== at)
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .join(' ');
    return { kind: 'text', role: 'timeline', text, time: cells[at]?.trim() ?? null };
  }
  return {
    kind: 'text',
    role: 'table',
    text: cells
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map((c) => (/[.!?]$/.test(c) ? c : `${c}.`))
      .join(' '),
  };
}
