/**
 * The redaction steps every export shares (takes and document audits): plan the placeholders
 * over the document's prose, tell which ones replaced something, and refuse output that still
 * holds a listed name.
 */
import { planRedaction, RedactionInputError, type RedactionName, type Redactor } from '../../../core/report/redact';
import { CoachError } from '../../../shared/coach-error';

export interface Placeholder {
  placeholder: string;
  names: string[];
  /** False when none of the names occurs in the document (nothing was replaced). */
  used: boolean;
}

/** The redactor for `names` over `prose` (its reading order gives the letters), or null for none. */
export function planNames(names: readonly RedactionName[], prose: string): Redactor | null {
  if (names.length === 0) return null;
  try {
    return planRedaction(names, prose);
  } catch (error) {
    if (error instanceof RedactionInputError) throw new CoachError('invalid_input', error.message);
    throw error;
  }
}

/** Which placeholders replaced something in `prose` (the footer lists only those). */
export function placeholdersIn(redactor: Redactor, prose: string): Placeholder[] {
  const present = new Set(redactor.findLeaks(prose));
  return redactor.entries.map((e) => ({
    placeholder: e.placeholder,
    names: [...e.names],
    used: e.names.some((n) => present.has(n)),
  }));
}

/** Nothing is exported while a listed name is still in the output. */
export function refuseLeaks(redactor: Redactor | null, text: string): void {
  if (!redactor) return;
  const leaks = redactor.findLeaks(text);
  if (leaks.length > 0) {
    throw new CoachError(
      'internal',
      `Redaction is incomplete (${leaks.length} listed name${leaks.length === 1 ? '' : 's'} still present); nothing was exported.`,
    );
  }
}
