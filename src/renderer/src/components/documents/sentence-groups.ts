import type { AuditedSentence } from '../../../../core/document/audit-schema';

export interface SentenceGroup {
  /** The heading the sentences sit under, or null before the first heading. */
  heading: string | null;
  sentences: AuditedSentence[];
}

/** Consecutive sentences under the same heading, in document order (a heading may recur). */
export function groupByHeading(sentences: readonly AuditedSentence[]): SentenceGroup[] {
  const groups: SentenceGroup[] = [];
  for (const s of sentences) {
    const last = groups[groups.length - 1];
    if (last && last.heading === s.heading) last.sentences.push(s);
    else groups.push({ heading: s.heading, sentences: [s] });
  }
  return groups;
}

/**
 * The heading suggested one layer and the sentence's own words won: the evidence's sentence that
 * says so, or null. Shown so the user sees why a sentence under "Root cause" counts as detection.
 */
export function overruledHeading(s: AuditedSentence): string | null {
  const section = s.evidence.find((e) => e.kind === 'section');
  return section && s.suggestedBySection !== null && s.suggestedBySection !== s.layer ? section.text : null;
}
