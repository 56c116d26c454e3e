import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import {
  SESSION_SCHEMA_VERSION,
  sessionDocument,
  summarize,
  type SessionDocument,
  type SessionSummary,
} from '../../../shared/session-document';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../shared/json-depth';
import {
  MAX_SESSION_DOCUMENT_BYTES,
  sessionDocumentTooLarge,
  storedTranscriptOverLimit,
} from '../../../shared/channels/analysis';
import type { SessionListing } from '../../../shared/channels/sessions';
import { writeFileAtomic } from '../platform/atomic-write';
import { readTextFileWithin } from '../platform/bounded-read';
import { requireRealContainedFile } from '../platform/contained-path';

export const SESSION_FILE = 'session.json';

type UnreadableSession = SessionListing['unreadable'][number];

/**
 * Sessions are plain files: `<dataDir>/sessions/<id>/session.json` beside the session's audio.
 * A corrupt or foreign file is reported in the listing and skipped, never fatal to the others.
 */
export class SessionStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'sessions');
  }

  folderOf(id: string): string {
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(id)) throw new CoachError('invalid_input', `"${id}" is not a session id.`);
    return path.join(this.root, id);
  }

  /**
   * The recording a document names, checked to sit directly in the session's own folder: the
   * document may have been copied in from elsewhere or edited by hand.
   */
  async audioFileOf(doc: Pick<SessionDocument, 'id' | 'audio'>): Promise<string> {
    if (!doc.audio) throw new CoachError('not_found', `Session "${doc.id}" has no recording (it is a typed answer).`);
    return requireRealContainedFile(this.folderOf(doc.id), doc.audio.file, `Session "${doc.id}"`);
  }

  async list(): Promise<SessionListing> {
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sessions: [], unreadable: [] };
      throw error;
    }
    const sessions: SessionSummary[] = [];
    const unreadable: UnreadableSession[] = [];
    for (const name of entries.sort()) {
      if (name.startsWith('.')) continue;
      const file = path.join(this.root, name, SESSION_FILE);
      const read = await this.readFile(file);
      if (read.ok) sessions.push(summarize(read.doc));
      else if (read.reason !== 'missing') unreadable.push({ file, reason: read.reason });
    }
    sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { sessions, unreadable };
  }

  async get(id: string): Promise<SessionDocument> {
    const file = path.join(this.folderOf(id), SESSION_FILE);
    const read = await this.readFile(file);
    if (read.ok) return read.doc;
    if (read.reason === 'missing') throw new CoachError('not_found', `Session "${id}" does not exist.`);
    throw new CoachError('internal', `Session "${id}" could not be read: ${read.reason}`);
  }

  async save(doc: SessionDocument): Promise<void> {
    const valid = sessionDocument.parse(doc);
    if (jsonDepth(valid, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new CoachError(
        'invalid_input',
        `The session is nested deeper than ${MAX_JSON_DEPTH} levels; it was not saved.`,
      );
    }
    const file = path.join(this.folderOf(valid.id), SESSION_FILE);
    // Encoded before anything is created, so a document that can't be written leaves no folder.
    const text = `${JSON.stringify(valid, null, 2)}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_SESSION_DOCUMENT_BYTES) {
      // Written, it would be listed as unreadable from then on.
      throw new CoachError('too_large', `${sessionDocumentTooLarge(bytes, 'The session')}; it was not saved.`);
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  }

  async remove(id: string): Promise<void> {
    await rm(this.folderOf(id), { recursive: true, force: true });
  }

  private async readFile(file: string): Promise<{ ok: true; doc: SessionDocument } | { ok: false; reason: string }> {
    let text: string;
    try {
      const read = await readTextFileWithin(file, MAX_SESSION_DOCUMENT_BYTES);
      if (!read.ok) return { ok: false, reason: sessionDocumentTooLarge(read.bytes, 'the file') };
      text = read.text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' };
      return { ok: false, reason: (error as Error).message };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'the file is not valid JSON (it may have been cut short)' };
    }
    // A copied-in document nested absurdly deep would fail every later encode of it.
    if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return { ok: false, reason: `the document is nested deeper than ${MAX_JSON_DEPTH} levels` };
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== SESSION_SCHEMA_VERSION) {
      return {
        ok: false,
        reason: `schema version ${String(version)} is not supported (this app reads version ${SESSION_SCHEMA_VERSION})`,
      };
    }
    const parsed = sessionDocument.safeParse(json);
    if (!parsed.success)
      return { ok: false, reason: `invalid session document: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    // A transcript larger than any analysis takes would stall whatever reads it next (corrections, exports).
    const over = storedTranscriptOverLimit(parsed.data.transcript, 'the transcript');
    if (over !== undefined) return { ok: false, reason: over.replace(/\.$/, '') };
    return { ok: true, doc: parsed.data };
  }
}
