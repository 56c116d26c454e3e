import type { OutlineSection } from '../../../../core/document/audit-schema';

/** "14 s", "1 min", "1 min 5 s": budgets read as spoken time, not as a clock. */
export function spokenSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** One line of a layer's budget: its time, the words that fit, and the sentence cap. */
export function budgetLine(section: Pick<OutlineSection, 'seconds' | 'words' | 'sentences'>): string {
  const cap = section.sentences === 1 ? 'at most 1 sentence' : `at most ${section.sentences} sentences`;
  return `${spokenSeconds(section.seconds)} · ~${section.words} words · ${cap}`;
}
