import { z } from 'zod';
import { NAME_CATEGORIES } from '../../core/report/redact';
import { sessionSummary } from '../session-document';
import { sessionId } from './sessions';

/** Formats a coached transcript can be exported to. */
const exportFormat = z.enum(['md', 'html', 'pdf', 'json', 'vtt']);
export type ExportFormatId = z.infer<typeof exportFormat>;

const name = z.string().trim().min(2, 'A name needs at least two characters.').max(120);

export const redactionName = z
  .object({
    name,
    aliases: z.array(name).max(20).optional(),
    category: z.enum(NAME_CATEGORIES).optional(),
  })
  .strict();
export type RedactionNameInput = z.infer<typeof redactionName>;

/**
 * What the page may ask for: a session, a format and the names to hide. Never a path: where the
 * file goes is decided by the back end (save dialog) or by the browser (download).
 */
export const exportRequest = z
  .object({
    sessionId,
    format: exportFormat,
    /** Empty list: no redaction. */
    names: z.array(redactionName).max(300),
  })
  .strict();

const placeholders = z.array(z.object({ placeholder: z.string(), names: z.array(z.string()), used: z.boolean() }));

/** Largest JSON session file accepted for import (a 30-minute session is well under 2 MB). */
const MAX_IMPORT_JSON_CHARS = 7 * 1024 * 1024;

export const exportChannels = {
  /** Whether this shell saves through a dialog (desktop) or downloads (web), and whether PDF works. */
  'export.capabilities': {
    input: z.object({}).strict(),
    output: z.object({
      save: z.boolean(),
      pdf: z.object({ available: z.boolean(), reason: z.string().nullable(), renderer: z.string().nullable() }),
    }),
  },
  /** Capitalised names found in the session, offered for redaction. */
  'export.candidates': {
    input: z.object({ sessionId }).strict(),
    output: z.object({
      candidates: z.array(
        z.object({
          name: z.string(),
          aliases: z.array(z.string()),
          count: z.number().int(),
          firstSentence: z.number().int(),
          category: z.enum(NAME_CATEGORIES),
        }),
      ),
    }),
  },
  /** Renders the export and returns its bytes (web shell: the browser downloads them). */
  'export.render': {
    input: exportRequest,
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      bytes: z.instanceof(Uint8Array),
      placeholders,
      redacted: z.boolean(),
    }),
  },
  /** Desktop: renders, asks the save dialog for the destination and writes the file atomically. */
  'export.save': {
    input: exportRequest,
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), fileName: z.string(), bytes: z.number().int() }),
      z.object({ status: z.literal('cancelled') }),
      /** The chosen file exists and the dialog did not confirm replacing it: ask, then confirmOverwrite. */
      z.object({ status: z.literal('confirm_overwrite'), token: z.string(), fileName: z.string(), path: z.string() }),
    ]),
  },
  'export.confirmOverwrite': {
    input: z.object({ token: z.string().regex(/^[a-f0-9]{32}$/, 'Not a confirmation token.') }).strict(),
    output: z.object({ status: z.literal('saved'), path: z.string(), fileName: z.string(), bytes: z.number().int() }),
  },
  /** Imports a JSON session export (the page reads the file the user picked and sends its text). */
  'export.importJson': {
    input: z
      .object({ json: z.string().min(2).max(MAX_IMPORT_JSON_CHARS, 'The file is too large to be a session export.') })
      .strict(),
    output: z.object({
      id: z.string(),
      status: z.enum(['imported', 'already_present', 'imported_as_copy']),
      session: sessionSummary,
    }),
  },
};
