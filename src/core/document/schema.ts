/**
 * A postmortem document as the audit reads it: headings and the text under them, with the kind of
 * block each piece came from (a list item, a checklist item, a timeline line or table row). Every
 * reader (Markdown, plain text, HTML, .docx) produces this, so the audit never sees a file format.
 */
import { z } from 'zod';

const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'docx'] as const;
export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);

export const TextRoleSchema = z.enum(['paragraph', 'item', 'task', 'timeline', 'table', 'quote']);

const DocumentBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.number().int().min(1).max(6), text: z.string().max(500) }),
  z.object({
    kind: z.literal('text'),
    role: TextRoleSchema,
    text: z.string().max(20_000),
    /** A checklist item's state ("- [x] …"), null for anything else. */
    checked: z.boolean().nullable().default(null),
    /** The time a timeline entry starts with ("14:02 UTC"), kept apart from its text. */
    time: z.string().max(60).nullable().default(null),
  }),
]);

export const ParsedDocumentSchema = z.object({
  format: DocumentFormatSchema,
  title: z.string().max(500).nullable(),
  blocks: z.array(DocumentBlockSchema).max(50_000),
});

export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;
export type TextRole = z.infer<typeof TextRoleSchema>;
export type DocumentBlock = z.input<typeof DocumentBlockSchema>;
export type ParsedDocument = z.input<typeof ParsedDocumentSchema>;
