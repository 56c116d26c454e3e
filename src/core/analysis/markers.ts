/**
 * Explicit layer markers the speaker says out loud: "Detection —", "layer four", "(L4)",
 * "for the structural fix", "the bigger lesson, the layer five thing", and the headings of
 * written postmortems ("Root cause:", "Action items:", "Lessons learned:").
 * A marker is strong evidence but not the last word: the classifier still reads the content.
 */
import type { Layer } from './layers';
import { HEADING_MAX_WORDS, sectionKind } from '../document/sections';

export interface Marker {
  layer: Layer;
  /** The words that named the layer. */
  phrase: string;
  /** True when the sentence is little more than the announcement ("So, layer four."). */
  announcementOnly: boolean;
}

const NUMBER_WORDS: Record<string, Layer> = {
  '1': 'detection',
  one: 'detection',
  '2': 'attribution',
  two: 'attribution',
  '3': 'mitigation',
  three: 'mitigation',
  '4': 'structural_fix',
  four: 'structural_fix',
  '5': 'system_learning',
  five: 'system_learning',
};

/**
 * Leading fillers and connectives that can come before a marker. Dashes are written as escapes
 * (\u2014 em, \u2013 en) so that the built bundle is ASCII (`electron.vite.config.ts`).
 */
const LEAD = String.raw`^(?:(?:so|okay|ok|and|um|uh|then|now|right|alright|well|next|finally|and then|and so|first|lastly)[\s,.:\u2014\u2013-]+)*`;
const SEP = String.raw`(?=[\s,.:;\u2014\u2013-]|$)`;

const NAMED: Array<{ layer: Layer; re: RegExp }> = [
  { layer: 'headline', re: new RegExp(`${LEAD}(?:impact|summary|headline|background|context)\\s*[:—–-]`, 'i') },
  {
    layer: 'detection',
    re: new RegExp(`${LEAD}(?:for |on )?(?:the )?(?:detection|how we (?:found out|detected it))${SEP}`, 'i'),
  },
  {
    layer: 'attribution',
    re: new RegExp(`${LEAD}(?:for |on )?(?:the )?(?:attribution|root cause|cause)(?:\\s*[:—–-]|,)`, 'i'),
  },
  { layer: 'attribution', re: new RegExp(`${LEAD}(?:for |on )?(?:the )?attribution${SEP}`, 'i') },
  {
    layer: 'mitigation',
    re: new RegExp(
      `${LEAD}(?:for |on )?(?:the )?(?:(?:real|actual|main|immediate|short-term|first)\\s+)?(?:mitigation|remediation|resolution|recovery)${SEP}`,
      'i',
    ),
  },
  {
    layer: 'structural_fix',
    re: new RegExp(
      `${LEAD}(?:for |on )?(?:the )?(?:structural (?:fix|change)|prevention|action items|follow ?ups|corrective actions?)${SEP}`,
      'i',
    ),
  },
  { layer: 'structural_fix', re: /\bthe structural (?:fix|change) (?:was|is)\b|\bstructural fix first\b/i },
  {
    layer: 'system_learning',
    re: new RegExp(
      `${LEAD}(?:for |on )?(?:the )?(?:system learning|lessons? learned|learnings?|takeaways?)${SEP}`,
      'i',
    ),
  },
  {
    layer: 'system_learning',
    re: /\bwhat i learned about the system\b|\b(?:the )?layer (?:five|5) thing\b|\bthe hidden (?:fifth )?layer\b/i,
  },
];

/**
 * A short heading before a colon ("What I learned:", "How we found out:", "What we changed:",
 * "Why it happened:"), read by the words a document's section headings are read by
 * (document/sections.ts): the heading names the layer the rest of the sentence belongs to. A
 * "Timeline:" lead names no layer.
 */
const HEADING = /^([a-z' ]{3,40}):\s/;

function findHeading(text: string): { layer: Layer; phrase: string } | null {
  const m = HEADING.exec(text);
  if (!m?.[1]) return null;
  const heading = m[1].trim();
  if (heading.split(' ').length > HEADING_MAX_WORDS) return null;
  const kind = sectionKind(heading);
  return kind === null || kind === 'timeline' ? null : { layer: kind, phrase: heading };
}

const LAYER_NUMBER = new RegExp(`${LEAD}(?:for )?(?:the )?layer (one|two|three|four|five|[1-5])\\b`, 'i');
const L_TAG = /\(\s*l\s*([1-5])\s*\)/i;
const L_TAG_START = /^\(\s*l\s*([1-5])\s*\)\s*/i;

/** Finds the marker of one sentence (already lower-cased/normalised text). */
export function findMarker(normalized: string): Marker | null {
  const text = normalized.trim();
  // A "(Ln)" tag at the very start followed by a named marker for another layer is the previous
  // sentence's trailing tag (written answers put tags before or after): the named marker wins.
  const startTag = L_TAG_START.exec(text);
  const rest = startTag ? text.slice(startTag[0].length) : text;
  const named = findNamed(rest) ?? findHeading(rest);
  if (named) return withAnnouncement(named.layer, named.phrase, rest);
  const numbered = LAYER_NUMBER.exec(rest);
  if (numbered?.[1]) {
    const layer = NUMBER_WORDS[numbered[1].toLowerCase()];
    if (layer) return withAnnouncement(layer, numbered[0].trim(), rest);
  }
  const tag = L_TAG.exec(text);
  if (tag?.[1]) {
    const layer = NUMBER_WORDS[tag[1]];
    if (layer) return withAnnouncement(layer, tag[0], text);
  }
  return null;
}

function findNamed(text: string): { layer: Layer; phrase: string } | null {
  for (const { layer, re } of NAMED) {
    const m = re.exec(text);
    if (m) return { layer, phrase: m[0].replace(/^[\s,.:—–-]+|[\s,.:—–-]+$/g, '') };
  }
  return null;
}

function withAnnouncement(layer: Layer, phrase: string, text: string): Marker {
  // Words beyond the marker itself and fillers: few words means the sentence only announces.
  const content = text
    .replace(phrase, ' ')
    .replace(/\b(?:so|okay|ok|and|um|uh|then|now|the|this|is|was|part|thing|and|i|a|for|layer|that|to)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const remaining = content === '' ? 0 : content.split(' ').length;
  return { layer, phrase, announcementOnly: remaining <= 3 };
}
