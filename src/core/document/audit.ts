/**
 * Audits a postmortem document against the lesson: its sentences are classified with the heading
 * they sit under as evidence, then graded by the same engine as a spoken answer (rubric,
 * constraints, common failures), and summed up per layer by words, as a document is read.
 */
import { analyzeTranscript } from '../analysis/analyze';
import { LAYERS, type Layer } from '../analysis/layers';
import type { Analysis } from '../analysis/types';
import { transcriptFromSentences } from '../transcript/from-text';
import {
  DOCUMENT_AUDIT_VERSION,
  SPOKEN_WORDS_PER_MINUTE,
  type DocumentAudit,
  type LayerShare,
  type OutlineMinutes,
} from './audit-schema';
import { documentChanges } from './changes';
import { buildOutline } from './outline';
import type { ParsedDocument } from './schema';
import { documentSentences, structuralLayer, type DocumentSentence } from './sentences';

export class EmptyDocumentError extends Error {
  override name = 'EmptyDocumentError';
}

const FIVE_LAYERS: readonly Layer[] = ['detection', 'attribution', 'mitigation', 'structural_fix', 'system_learning'];

export interface AuditOptions {
  /** Length of the answer to outline (default 3 minutes). */
  minutes?: OutlineMinutes;
}

/** The engine's analysis of a document's sentences, with their structure as evidence. */
function analyzeDocument(sentences: readonly DocumentSentence[], minutes: OutlineMinutes = 3): Analysis {
  if (sentences.length === 0) throw new EmptyDocumentError('The document has no text to audit.');
  // One segment per sentence, and segments are taken as sentences.
  const transcript = transcriptFromSentences(sentences.map((s) => s.text));
  return analyzeTranscript(transcript, {
    segmentsAreSentences: true,
    lengthSeconds: minutes * 60,
    structure: sentences.map((s) => ({
      layer: structuralLayer(s),
      heading: s.heading,
      timeline: s.role === 'timeline',
    })),
  });
}

export function auditDocument(doc: ParsedDocument, options: AuditOptions = {}): DocumentAudit {
  const minutes = options.minutes ?? 3;
  const sentences = documentSentences(doc);
  const analysis = analyzeDocument(sentences, minutes);
  const shares = layerShares(analysis);
  const audited = analysis.sentences.map((s, i) => {
    const where = sentences[i];
    return {
      index: i,
      text: s.text,
      heading: where?.heading ?? null,
      role: where?.role ?? 'paragraph',
      time: where?.time ?? null,
      layer: s.layer,
      confidence: s.confidence,
      suggestedBySection: where ? structuralLayer(where) : null,
      evidence: s.evidence,
    };
  });
  return {
    version: DOCUMENT_AUDIT_VERSION,
    title: doc.title,
    format: doc.format,
    words: shares.reduce((a, s) => a + s.words, 0),
    sentences: audited,
    shares,
    missing: FIVE_LAYERS.filter((l) => !analysis.sentences.some((s) => s.layer === l)),
    gradable: analysis.gradable,
    reason: analysis.reason,
    ...forDocument(analysis),
    tier: analysis.tier,
    changes: analysis.gradable ? documentChanges(analysis, audited) : [],
    outline: analysis.gradable ? buildOutline(audited, minutes) : null,
  };
}

/** Words a reader reads in a second of the estimated speaking time the engine measures in. */
const WORDS_PER_SECOND = SPOKEN_WORDS_PER_MINUTE / 60;

/**
 * The engine's advice measures a story in speaking seconds; a document is measured in words, so
 * "7 s" becomes "about 18 words" (the same figure: times were estimated from the words).
 */
function inWords(text: string): string {
  return text.replace(/\b(about |About )?(\d+(?:\.\d+)?) s\b/g, (_, about: string | undefined, n: string) => {
    const words = Math.max(1, Math.round(Number(n) * WORDS_PER_SECOND));
    return `${about?.startsWith('A') ? 'About' : 'about'} ${words} words`;
  });
}

/** The rubric, constraints and common failures as a document's author reads them (in words). */
function forDocument(analysis: Analysis): Pick<DocumentAudit, 'rubric' | 'constraints' | 'commonFailures'> {
  if (!analysis.gradable) return { rubric: null, constraints: null, commonFailures: null };
  const rubric = analysis.rubric
    ? (Object.fromEntries(
        Object.entries(analysis.rubric).map(([k, r]) => [
          k,
          { ...r, reason: inWords(r.reason), advice: inWords(r.advice) },
        ]),
      ) as NonNullable<Analysis['rubric']>)
    : null;
  const constraints = Object.fromEntries(
    Object.entries(analysis.constraints).map(([k, c]) => [k, { ...c, detail: inWords(c.detail) }]),
  ) as Analysis['constraints'];
  const commonFailures = Object.fromEntries(
    Object.entries(analysis.commonFailures).map(([k, f]) => [k, { ...f, detail: inWords(f.detail) }]),
  ) as Analysis['commonFailures'];
  return { rubric, constraints, commonFailures };
}

function layerShares(analysis: Analysis): LayerShare[] {
  const total = analysis.sentences.reduce((a, s) => a + s.wordCount, 0);
  return LAYERS.map((layer) => {
    const of = analysis.sentences.filter((s) => s.layer === layer);
    const words = of.reduce((a, s) => a + s.wordCount, 0);
    return { layer, sentences: of.length, words, share: total > 0 ? Math.round((words / total) * 1000) / 1000 : 0 };
  });
}
