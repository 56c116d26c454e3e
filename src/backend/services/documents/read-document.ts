/**
 * Turns a document file's bytes into the document model. The kind is decided from the bytes
 * first (a .docx is a zip, a PDF or any other binary is refused before a parser sees it), then from
 * the file name; sizes are bounded so a huge or hostile file is refused with a clear message: the
 * file (5 MB), what a .docx unpacks to (docx-zip.ts), the text (1,000,000 characters) and the
 * document model (20,000 characters a block, 50,000 blocks).
 */
import mammoth from 'mammoth';
import { ParsedDocumentSchema, type ParsedDocument } from '../../../core/document/schema';
import { parseTextDocument } from '../../../core/document/text-document';
import { CoachError } from '../../../shared/coach-error';
import { MAX_DOCUMENT_BYTES, MAX_PASTED_CHARS } from '../../../shared/channels/documents';
import { checkDocxUnpackedSize, damagedDocx } from './docx-zip';
import { parseHtmlDocument } from './html-document';
import { parseMarkdownDocument } from './markdown-document';

/** Largest text a document may hold once read: as much as may be pasted (about 300 pages). */
const MAX_DOCUMENT_CHARS = MAX_PASTED_CHARS;

/**
 * Pictures are not audited: they are left out unread (mammoth would otherwise inline each one as
 * base64). Files a document links to outside itself are never opened (mammoth's default, kept
 * explicit).
 */
const MAMMOTH_OPTIONS = {
  externalFileAccess: false,
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

type DocumentKind = 'docx' | 'html' | 'markdown' | 'text';

/** What the bytes are, by their header, then their name. Throws on anything that is not a document. */
function documentKind(bytes: Uint8Array, name: string): DocumentKind {
  const lower = name.toLowerCase();
  if (startsWith(bytes, ZIP)) {
    if (lower.endsWith('.docx') || !/\.[a-z0-9]+$/.test(lower)) return 'docx';
    throw new CoachError('unsupported', `${name} is a zip archive, not a Word (.docx) document.`);
  }
  if (startsWith(bytes, PDF)) {
    throw new CoachError(
      'unsupported',
      `${name} is a PDF, which is not read here: export it as Word (.docx), Markdown, HTML or plain text.`,
    );
  }
  if (lower.endsWith('.doc') && bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new CoachError('unsupported', `${name} is an old Word (.doc) file: save it as .docx and open that.`);
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new CoachError('unsupported', `${name} is not a text document (Markdown, plain text, HTML or .docx).`);
  }
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown|mdown)$/.test(lower)) return 'markdown';
  const head = new TextDecoder().decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|article|h[1-6]|p|div)[\s>]/.test(head)) return 'html';
  if (/\.txt$/.test(lower)) return 'text';
  return 'markdown';
}

function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Windows tools save Latin-1; every byte is a character there.
    text = new TextDecoder('latin1').decode(bytes);
  }
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new CoachError(
      'too_large',
      `${name} holds ${text.length.toLocaleString('en')} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString('en')}.`,
    );
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * The document model within its documented limits (at most 50,000 blocks, a heading 500 and a
 * block 20,000 characters), so one hostile file cannot make the audit unbounded.
 */
function withinLimits(doc: ParsedDocument, name: string): ParsedDocument {
  const checked = ParsedDocumentSchema.safeParse(doc);
  if (!checked.success) {
    throw new CoachError(
      'too_large',
      `${name} has a paragraph, heading or list longer than an audit reads (20,000 characters a block, 50,000 blocks).`,
    );
  }
  return doc;
}

export async function readDocument(bytes: Uint8Array, name: string): Promise<ParsedDocument> {
  return withinLimits(await readAnyDocument(bytes, name), name);
}

/** Refuses a document larger than an audit reads; callers with a file check its size before reading it. */
export function requireDocumentSize(bytes: number, name: string): void {
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new CoachError(
      'too_large',
      `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; documents are limited to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    );
  }
}

async function readAnyDocument(bytes: Uint8Array, name: string): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new CoachError('invalid_input', `${name} is empty.`);
  requireDocumentSize(bytes.length, name);
  const kind = documentKind(bytes, name);
  if (kind === 'docx') {
    // Before mammoth inflates anything: a small zip may unpack to gigabytes.
    checkDocxUnpackedSize(bytes, name);
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, MAMMOTH_OPTIONS)).value;
    } catch {
      throw damagedDocx(name);
    }
    if (html.length > MAX_DOCUMENT_CHARS * 2)
      throw new CoachError('too_large', `${name} holds too much text to audit.`);
    return parseHtmlDocument(html, 'docx');
  }
  const text = decodeText(bytes, name);
  if (kind === 'html') return parseHtmlDocument(text);
  if (kind === 'markdown') return parseMarkdownDocument(text);
  return parseTextDocument(text);
}
