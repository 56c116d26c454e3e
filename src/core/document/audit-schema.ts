/**
 * What auditing a postmortem document returns: every sentence with its layer and the structure it
 * sits in, each layer's share of the words, the missing layers, the lesson's rubric, constraints
 * and common failures, the top changes to make, and an outline of a spoken answer to rehearse.
 */
import { z } from 'zod';
import {
  CommonFailuresSchema,
  ConstraintsSchema,
  LayerSchema,
  NotGradedReasonSchema,
  QuoteSchema,
  RubricSchema,
  SentenceEvidenceSchema,
  TierSchema,
} from '../analysis/schema';
import { DocumentFormatSchema, TextRoleSchema } from './schema';

export const DOCUMENT_AUDIT_VERSION = 1 as const;

/** Answer lengths an outline is made for, in minutes (about 150 spoken words a minute). */
export const OUTLINE_MINUTES = [2, 3, 5] as const;
export const OutlineMinutesSchema = z.union([z.literal(2), z.literal(3), z.literal(5)]);
export const SPOKEN_WORDS_PER_MINUTE = 150;

const count = z.number().int().nonnegative();

const AuditedSentenceSchema = z.object({
  index: count,
  text: z.string(),
  heading: z.string().nullable(),
  role: TextRoleSchema,
  time: z.string().nullable(),
  layer: LayerSchema,
  confidence: z.number().min(0).max(1),
  /** The layer the section heading (or checklist) suggested, or null. */
  suggestedBySection: LayerSchema.nullable(),
  evidence: z.array(SentenceEvidenceSchema),
});

const LayerShareSchema = z.object({
  layer: LayerSchema,
  sentences: count,
  words: count,
  /** words / all words of the document, 0-1. */
  share: z.number().min(0).max(1),
});

const DocumentChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  evidence: z.array(QuoteSchema),
});

const OutlinePointSchema = z.object({ sentenceIndex: count, text: z.string() });

const OutlineSectionSchema = z.object({
  layer: LayerSchema,
  seconds: count,
  /** Spoken words that fit in those seconds. */
  words: count,
  /** At most this many sentences (mitigation: two, as the lesson asks). */
  sentences: count,
  points: z.array(OutlinePointSchema),
  /** What to add when the document has nothing for this layer, else null. */
  gap: z.string().nullable(),
});

const DocumentOutlineSchema = z.object({
  minutes: OutlineMinutesSchema,
  seconds: count,
  sections: z.array(OutlineSectionSchema),
});

export const DocumentAuditSchema = z.object({
  version: z.literal(DOCUMENT_AUDIT_VERSION),
  title: z.string().nullable(),
  format: DocumentFormatSchema,
  words: count,
  sentences: z.array(AuditedSentenceSchema),
  shares: z.array(LayerShareSchema),
  /** Layers 1-5 with no sentence at all. */
  missing: z.array(LayerSchema),
  gradable: z.boolean(),
  reason: NotGradedReasonSchema.nullable(),
  rubric: RubricSchema.nullable(),
  constraints: ConstraintsSchema.nullable(),
  commonFailures: CommonFailuresSchema.nullable(),
  tier: TierSchema.nullable(),
  changes: z.array(DocumentChangeSchema).max(3),
  outline: DocumentOutlineSchema.nullable(),
});

export type AuditedSentence = z.infer<typeof AuditedSentenceSchema>;
export type LayerShare = z.infer<typeof LayerShareSchema>;
export type DocumentChange = z.infer<typeof DocumentChangeSchema>;
export type DocumentOutline = z.infer<typeof DocumentOutlineSchema>;
export type OutlineSection = z.infer<typeof OutlineSectionSchema>;
export type OutlineMinutes = z.infer<typeof OutlineMinutesSchema>;
export type DocumentAudit = z.infer<typeof DocumentAuditSchema>;
