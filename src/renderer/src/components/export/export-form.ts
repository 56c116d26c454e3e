/**
 * The export dialog's form, as pure data and functions (tested under Node): which format, whether
 * to redact, the names to hide, and the request sent to the back end. No path is ever part of it.
 */
import type { ExportFormatId, RedactionNameInput } from '../../../../shared/channels/export';
import type { NameCategory } from '../../../../core/report/redact';

export interface NameRow {
  key: number;
  /** "Alice Chen" or, with aliases, "Alice Chen | Alice". */
  text: string;
  category: NameCategory;
  /** Offered by the proper-noun finder (shown with how often it appears). */
  found: { count: number } | null;
  /** Unticked rows stay listed but are not redacted. */
  enabled: boolean;
}

export interface ExportForm {
  format: ExportFormatId;
  /** On by default: exports are usually shared. */
  redact: boolean;
  rows: NameRow[];
}

export const FORMAT_CHOICES: ReadonlyArray<{ id: ExportFormatId; label: string; hint: string }> = [
  { id: 'pdf', label: 'PDF', hint: 'To print or send to a mentor: the full report, page by page.' },
  { id: 'html', label: 'Web page (HTML)', hint: 'One self-contained file that opens in any browser, offline.' },
  { id: 'md', label: 'Markdown', hint: 'Plain text for your interview notes, GitHub or a note app.' },
  {
    id: 'vtt',
    label: 'Captions (WebVTT)',
    hint: 'Play the recording in any player with each sentence’s layer on screen.',
  },
  {
    id: 'json',
    label: 'Session file (JSON)',
    hint: 'Everything, to back up or import into Postmortem Coach on another machine.',
  },
];

export const CATEGORY_CHOICES: ReadonlyArray<{ id: NameCategory; label: string }> = [
  { id: 'company', label: 'Company' },
  { id: 'customer', label: 'Customer' },
  { id: 'person', label: 'Person' },
  { id: 'service', label: 'Service' },
  { id: 'team', label: 'Team' },
  { id: 'product', label: 'Product' },
  { id: 'name', label: 'Other name' },
];

export function initialForm(
  candidates: ReadonlyArray<{ name: string; aliases: string[]; category: NameCategory; count: number }>,
): ExportForm {
  return {
    format: 'pdf',
    redact: true,
    // Names the finder offers start ticked: when sharing, hiding one name too many is the safe side.
    rows: candidates.map((c, i) => ({
      key: i + 1,
      text: [c.name, ...c.aliases].join(' | '),
      category: c.category,
      found: { count: c.count },
      enabled: true,
    })),
  };
}

function splitNames(text: string): string[] {
  return text
    .split('|')
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter((n) => n !== '');
}

/** A problem with a row, in words for the user, or null. */
export function rowProblem(row: NameRow): string | null {
  if (!row.enabled) return null;
  const names = splitNames(row.text);
  if (names.length === 0) return 'Type a name, or remove this row.';
  const short = names.find((n) => (n.match(/[\p{L}\p{N}]/gu) ?? []).length < 2);
  if (short !== undefined) return `"${short}" is too short to redact safely.`;
  const long = names.find((n) => n.length > 120);
  if (long !== undefined) return 'Names are limited to 120 characters.';
  if (names.length > 21) return 'At most 20 other spellings per name.';
  return null;
}

/** The names sent to the back end: enabled, valid rows only, and none at all when redaction is off. */
export function redactionNames(form: ExportForm): RedactionNameInput[] {
  if (!form.redact) return [];
  return form.rows
    .filter((row) => row.enabled && rowProblem(row) === null)
    .map((row) => {
      const [name, ...aliases] = splitNames(row.text);
      return { name: name ?? '', category: row.category, ...(aliases.length > 0 ? { aliases } : {}) };
    });
}

export function formProblems(form: ExportForm): string[] {
  if (!form.redact) return [];
  return form.rows.map(rowProblem).filter((p): p is string => p !== null);
}
