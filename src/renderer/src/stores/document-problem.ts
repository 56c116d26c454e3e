import { MAX_DOCUMENT_BYTES } from '../../../shared/channels/documents';
import type { CoachErrorInfo } from '../../../shared/contract-types';

/** Why a document could not be audited, and what the user can do about it. */
export interface DocumentProblem {
  message: string;
  next: string;
}

/** File types the picker offers (the back end decides from the bytes, so this is a hint). */
export const DOCUMENT_ACCEPT = '.md,.markdown,.txt,.html,.htm,.docx';

export const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

const OTHER_FORMAT = 'Open a Markdown (.md), plain text (.txt), HTML or Word (.docx) file, or paste the text below.';

/**
 * A file refused before it is read: sending 50 MB only to hear "too large" wastes the user's
 * time. Everything else (the format included) is decided by the back end from the bytes.
 */
export function problemOfFile(file: Pick<File, 'name' | 'size'>): DocumentProblem | null {
  if (file.size === 0) return { message: `${file.name} is empty.`, next: OTHER_FORMAT };
  if (file.size <= MAX_DOCUMENT_BYTES) return null;
  return {
    message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; documents are limited to ${MAX_DOCUMENT_MB} MB.`,
    next: 'Open a shorter export of it, or paste the sections that tell the incident below.',
  };
}

/** The back end's message as it is, with the next step that fits its kind of failure. */
export function problemOfError(error: CoachErrorInfo): DocumentProblem {
  switch (error.code) {
    case 'unsupported':
    case 'invalid_input':
      return { message: error.message, next: OTHER_FORMAT };
    case 'too_large':
      return { message: error.message, next: 'Open a shorter document, or paste the sections that tell the incident.' };
    default:
      return { message: error.message, next: 'Try again in a moment; if it keeps failing, restart the app.' };
  }
}
