/**
 * Which talking points of a document's outline a take actually said: a point counts as said when
 * most of its content words (four letters or more, minus common words) occur in the transcript.
 * Word overlap, not meaning: a point said in other words shows as not said, so the page says so.
 */
import type { Layer } from '../analysis/layers';
import type { DocumentOutline } from './audit-schema';

const COMMON = new Set(
  'that this with from were have been into when then than they them their there what which while would could should about after before every other since still also only just more most some such very will your ours'.split(
    ' ',
  ),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((w) => w.length >= 4 && !COMMON.has(w));
}

export interface PointCoverage {
  layer: Layer;
  text: string;
  said: boolean;
}

/** Share of a point's content words that must be heard for it to count as said. */
const SAID_SHARE = 0.6;

export function outlineCoverage(outline: DocumentOutline, transcript: readonly string[]): PointCoverage[] {
  const heard = new Set(transcript.flatMap(contentWords));
  return outline.sections.flatMap((section) =>
    section.points.map((p) => {
      const words = contentWords(p.text);
      const found = words.filter((w) => heard.has(w)).length;
      return { layer: section.layer, text: p.text, said: words.length > 0 && found / words.length >= SAID_SHARE };
    }),
  );
}
