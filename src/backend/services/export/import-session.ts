/**
 * Imports a session document exported as JSON (the "json" export format) back into the data
 * folder. The file is untrusted: it is parsed, its schema version checked, the document and its
 * analysis validated, its transcript held to the analysis limits, and its id must be a plain
 * session id (no path tricks). An identical session
 * that is already there is left alone; a different one with the same id is imported under a new id.
 */
import { isDeepStrictEqual } from 'node:util';
import { AnalysisSchema } from '../../../core/analysis/schema';
import { CoachError } from '../../../shared/coach-error';
import { storedTranscriptOverLimit } from '../../../shared/channels/analysis';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../shared/json-depth';
import { SESSION_SCHEMA_VERSION, sessionDocument, type SessionDocument } from '../../../shared/session-document';
import type { SessionStore } from '../sessions/session-store';

export const SESSION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

type ImportStatus = 'imported' | 'already_present' | 'imported_as_copy';

export interface ImportOutcome {
  id: string;
  status: ImportStatus;
  document: SessionDocument;
}

/** Parses and validates an exported session document; throws a CoachError saying what is wrong. */
export function parseSessionJson(text: string): SessionDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CoachError('invalid_input', `The file is not valid JSON (${(error as Error).message}).`);
  }
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new CoachError(
      'invalid_input',
      `The file is nested deeper than ${MAX_JSON_DEPTH} levels: it is not a session export.`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CoachError('invalid_input', 'The file is not a Postmortem Coach session: expected a JSON object.');
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) {
    const looksLikeAnalysis = 'sentences' in json && 'rubric' in json;
    throw new CoachError(
      'invalid_input',
      looksLikeAnalysis
        ? 'This is an analysis, not a session: only JSON session exports (format "json") can be imported.'
        : 'The file is not a Postmortem Coach session export (it has no schemaVersion).',
    );
  }
  if (version !== SESSION_SCHEMA_VERSION) {
    throw new CoachError(
      'unsupported',
      `The session was exported with schema version ${String(version)}; this app reads version ${SESSION_SCHEMA_VERSION}. Update the app to import it.`,
    );
  }
  const parsed = sessionDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoachError(
      'invalid_input',
      `The session file is damaged: ${issue ? `${issue.path.join('.') || '(document)'}: ${issue.message}` : 'invalid'}.`,
    );
  }
  const doc = parsed.data;
  const over = storedTranscriptOverLimit(doc.transcript, "The session's transcript");
  if (over !== undefined) throw new CoachError('too_large', `${over} It was not imported.`);
  if (!SESSION_ID_PATTERN.test(doc.id)) {
    throw new CoachError(
      'invalid_input',
      `"${doc.id.slice(0, 80)}" is not a valid session id (3-64 lowercase letters, digits or dashes).`,
    );
  }
  if (doc.status === 'recording' || doc.status === 'processing') {
    throw new CoachError(
      'invalid_input',
      `The session was exported while it was still ${doc.status}; export it again once it is ready.`,
    );
  }
  if (doc.analysis !== undefined && !AnalysisSchema.safeParse(doc.analysis).success) {
    throw new CoachError('invalid_input', 'The analysis in this session file is damaged or from another app version.');
  }
  return doc;
}

async function existing(store: SessionStore, id: string): Promise<SessionDocument | null> {
  try {
    return await store.get(id);
  } catch (error) {
    if (error instanceof CoachError && error.code === 'not_found') return null;
    throw error;
  }
}

/** `<id>-2`, `<id>-3`, … within the 64-character limit. */
function copyId(id: string, n: number): string {
  const suffix = `-${n}`;
  return `${id.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

export async function importSession(store: SessionStore, doc: SessionDocument): Promise<ImportOutcome> {
  const present = await existing(store, doc.id);
  if (present === null) {
    await store.save(doc);
    return { id: doc.id, status: 'imported', document: doc };
  }
  if (isDeepStrictEqual(present, doc)) return { id: doc.id, status: 'already_present', document: present };
  for (let n = 2; n < 1000; n++) {
    const id = copyId(doc.id, n);
    const other = await existing(store, id);
    if (other !== null && isDeepStrictEqual(other, { ...doc, id }))
      return { id, status: 'already_present', document: other };
    if (other === null) {
      const copy = { ...doc, id };
      await store.save(copy);
      return { id, status: 'imported_as_copy', document: copy };
    }
  }
  throw new CoachError('conflict', `Too many sessions named "${doc.id}" already exist.`);
}
