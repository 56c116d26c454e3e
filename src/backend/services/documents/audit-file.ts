/**
 * A document file's bytes to its audit: read (bounded, see read-document.ts), then audited. One
 * function for the back end's event loop and its analysis thread, so both give the same result.
 */
import { auditDocument, EmptyDocumentError } from '../../../core/document/audit';
import type { DocumentAudit, OutlineMinutes } from '../../../core/document/audit-schema';
import { CoachError } from '../../../shared/coach-error';
import { readDocument } from './read-document';

export interface DocumentFile {
  bytes: Uint8Array;
  /** The name the kind is judged by (pasted text gets `.md`). */
  fileName: string;
  /** The name the user knows it by, in messages. */
  label: string;
}

export async function auditDocumentFile(file: DocumentFile, minutes: OutlineMinutes): Promise<DocumentAudit> {
  const doc = await readDocument(file.bytes, file.fileName);
  try {
    return auditDocument(doc, { minutes });
  } catch (error) {
    if (error instanceof EmptyDocumentError)
      throw new CoachError('invalid_input', `${file.label} has no text to audit.`);
    throw error;
  }
}
