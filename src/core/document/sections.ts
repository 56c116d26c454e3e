/**
 * What a section heading says about the sentences under it. Templates name the same section many
 * ways ("Root cause", "Why it happened", "Contributing factors"); the heading is evidence for the
 * layer of what sits under it, never the label itself: sentences are still classified one by one,
 * and a Timeline holds every layer. The same words read a spoken or typed lead ("What I learned:",
 * "How we found out:") in markers.ts, so a heading means one thing wherever it stands.
 */
import type { Layer } from '../analysis/layers';

/**
 * A heading is a label, not a clause: a typed line with no stop, or a lead before a colon, of more
 * words than this is read as a sentence.
 */
export const HEADING_MAX_WORDS = 6;

/** A heading's reading: the layer it suggests, "timeline" (every layer), or nothing. */
export type SectionKind = Layer | 'timeline' | null;

const RULES: readonly (readonly [RegExp, Exclude<SectionKind, null>])[] = [
  [/\b(time ?line|chronology|sequence of events|timeline of events|event log)\b/, 'timeline'],
  // "How we learned about it" names the finding out, not a lesson.
  [/\b(how (we|i) (found out|noticed|learned|knew|caught it)|learned about it)\b/, 'detection'],
  [
    /\b(lessons?|learn(ed|t|ing|ings)?|takeaways?|took away|what went (well|wrong)|where we got lucky|reflections?|insights?)\b/,
    'system_learning',
  ],
  [
    /\b(action items?|follow[- ]?ups?|corrective( and preventive)? actions?|prevent(ion|ive)?|remediation|next steps|what we('| a)re changing|changes we('| a)re making|changed|improvements|fixes|fixed for good|long term|lasting (fix(es)?|changes?)|what we built|guardrails?|todo|to do)\b/,
    'structural_fix',
  ],
  [
    /\b(mitigat\w*|resolution|recovery|response|how we fixed|restor\w*|workaround|what we did|short term|immediate)\b/,
    'mitigation',
  ],
  [
    /\b(root|causes?|contributing factors?|why it happened|what broke|went wrong|five whys|5 whys|trigger|analysis|what happened technically)\b/,
    'attribution',
  ],
  [/\b(detect(ed|ion)?|found out|noticed|caught it|discovery|alerting|monitoring|identification)\b/, 'detection'],
  [
    /\b(summary|overview|tl;? ?dr|impact|blast radius|customer impact|what happened|the incident|incident description|description|background|context)\b/,
    'headline',
  ],
  [
    /\b(acknowledg(e?ments?)|thanks|appendix|references|glossary|attendees|participants|document (owner|status)|metadata)\b/,
    'other',
  ],
];

export function sectionKind(heading: string): SectionKind {
  const h = heading.toLowerCase().replace(/[^a-z0-9;' -]+/g, ' ');
  for (const [pattern, kind] of RULES) if (pattern.test(h)) return kind;
  return null;
}
