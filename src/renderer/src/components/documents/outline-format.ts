import type { OutlineSection } from '../../../../core/document/audit-schema';
import { duration } from '../../../../core/report/format';

/** One line of a layer's budget: its time, the words that fit, and the sentence cap. */
export function budgetLine(section: Pick<OutlineSection, 'seconds' | 'words' | 'sentences'>): string {
  const cap = section.sentences === 1 ? 'at most 1 sentence' : `at most ${section.sentences} sentences`;
  return `${duration(section.seconds)} · ~${section.words} words · ${cap}`;
}
