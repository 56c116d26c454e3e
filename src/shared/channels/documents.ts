import { z } from 'zod';
import { DocumentAuditSchema, OutlineMinutesSchema } from '../../core/document/audit-schema';
import { redactionName } from './export';
import { storyName } from './stories';

/** Largest document accepted from the UI or the CLI (a 30-page postmortem is well under 1 MB). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Largest pasted document, in characters (about 300 pages). */
export const MAX_PASTED_CHARS = 1_000_000;

const documentName = z.string().min(1).max(255);

/** The document as the user gave it: a file's bytes, or text pasted into the page. */
const documentSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    bytes: z
      .instanceof(Uint8Array, { message: 'bytes must be binary data.' })
      .refine((b) => b.length <= MAX_DOCUMENT_BYTES, {
        message: `Documents are limited to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
        // A documented limit: answered `too_large` (web shell: 413), like every other one.
        params: { sizeLimit: true },
      }),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(MAX_PASTED_CHARS) }),
]);

const storyIdInput = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'Not a story id.');

/** What is kept of an audited document saved as a story: enough to rehearse from it. */
export const SavedDocumentSchema = z.object({
  storyId: storyIdInput,
  name: z.string(),
  savedAt: z.string(),
  audit: DocumentAuditSchema,
});
export type SavedDocument = z.infer<typeof SavedDocumentSchema>;

export const documentsChannels = {
  /** Reads a postmortem document (Markdown, text, HTML, .docx) and audits it against the lesson. */
  'documents.audit': {
    input: z.object({ name: documentName, source: documentSource, minutes: OutlineMinutesSchema.default(3) }).strict(),
    output: z.object({ audit: DocumentAuditSchema }),
  },
  /** Saves an audit as a new story (or onto an existing one): its takes group under it. */
  'documents.saveAsStory': {
    input: z
      .object({ name: storyName, documentName, audit: DocumentAuditSchema, storyId: storyIdInput.optional() })
      .strict(),
    output: z.object({ storyId: storyIdInput }),
  },
  /** An audit as Markdown, HTML, PDF or JSON, with listed names replaced by placeholders. */
  'documents.export': {
    input: z
      .object({
        audit: DocumentAuditSchema,
        format: z.enum(['md', 'html', 'pdf', 'json']),
        /** Empty list: no redaction. */
        names: z.array(redactionName).max(300),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      bytes: z.instanceof(Uint8Array),
      placeholders: z.array(z.object({ placeholder: z.string(), names: z.array(z.string()), used: z.boolean() })),
      redacted: z.boolean(),
    }),
  },
  /** The document saved with a story, for the outline beside the timer; null when it has none. */
  'documents.forStory': {
    input: z.object({ storyId: storyIdInput }).strict(),
    output: z.object({ document: SavedDocumentSchema.nullable() }),
  },
};
