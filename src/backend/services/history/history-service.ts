/**
 * The history of takes: every session with the digest of its analysis (tier, levels, time per
 * layer), rename, and undoable delete. Digests are cached per session file (size + mtime), so
 * listing hundreds of long sessions re-reads only what changed.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AnalysisSchema } from '../../../core/analysis/schema';
import { hasTranscriptCorrections, readCorrections } from '../../../core/corrections/model';
import { digestAnalysis, type AnalysisDigest } from '../../../core/history/digest';
import type { HistoryEntry } from '../../../shared/channels/history';
import type { Contract } from '../../../shared/contract';
import type { OutputOf } from '../../../shared/contract-types';
import { summarize, type SessionDocument } from '../../../shared/session-document';
import { SESSION_FILE, type SessionStore } from '../sessions/session-store';
import { SessionTrash } from './trash';

interface CacheItem {
  size: number;
  mtimeMs: number;
  entry: HistoryEntry;
}

export type HistoryListing = OutputOf<Contract, 'history.list'>;

/** The digest of a stored analysis, or the reason there is none (shown in the list). */
function digestOf(doc: SessionDocument): { digest: AnalysisDigest | null; note: string | null } {
  if (doc.analysis === undefined) {
    const note =
      doc.status === 'ready'
        ? 'not analysed'
        : doc.status === 'failed'
          ? (doc.error ?? 'processing failed')
          : doc.status;
    return { digest: null, note };
  }
  const parsed = AnalysisSchema.safeParse(doc.analysis);
  if (!parsed.success) return { digest: null, note: 'the stored analysis is from another app version' };
  return { digest: digestAnalysis(parsed.data), note: null };
}

function historyEntryOf(doc: SessionDocument): HistoryEntry {
  const { digest, note } = digestOf(doc);
  const corrections = readCorrections(doc.corrections);
  return {
    ...summarize(doc),
    durationSec: doc.audio?.durationSec ?? digest?.totalSeconds ?? null,
    updatedAt: doc.updatedAt,
    digest,
    digestNote: note,
    corrected: corrections.ok && hasTranscriptCorrections(corrections.corrections),
    hasAudio: doc.audio !== undefined,
    importedFrom: doc.importedFrom?.fileName ?? null,
  };
}

export class HistoryService {
  readonly trash: SessionTrash;
  private readonly cache = new Map<string, CacheItem>();

  constructor(private readonly store: SessionStore) {
    this.trash = new SessionTrash(store);
  }

  async list(now = new Date()): Promise<HistoryListing> {
    await this.trash.purgeExpired(now);
    const listing = await this.store.list();
    const sessions: HistoryEntry[] = [];
    const unreadable = [...listing.unreadable];
    for (const summary of listing.sessions) {
      try {
        sessions.push(await this.entry(summary.id));
      } catch (error) {
        unreadable.push({
          file: path.join(this.store.folderOf(summary.id), SESSION_FILE),
          reason: (error as Error).message,
        });
      }
    }
    return { sessions, unreadable, trash: await this.trash.list() };
  }

  private async entry(id: string): Promise<HistoryEntry> {
    const file = path.join(this.store.folderOf(id), SESSION_FILE);
    const info = await stat(file);
    const cached = this.cache.get(id);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.entry;
    const entry = historyEntryOf(await this.store.get(id));
    this.cache.set(id, { size: info.size, mtimeMs: info.mtimeMs, entry });
    return entry;
  }

  async rename(id: string, title: string, now = new Date()): Promise<{ id: string; title: string | null }> {
    const doc = await this.store.get(id);
    const clean = title.trim();
    const { title: _old, ...rest } = doc;
    void _old;
    const next: SessionDocument = clean === '' ? rest : { ...rest, title: clean };
    await this.store.save({ ...next, updatedAt: now.toISOString() });
    return { id, title: clean === '' ? null : clean };
  }

  async remove(id: string): Promise<{ id: string; deletedAt: string }> {
    const result = await this.trash.moveToTrash(id);
    this.cache.delete(id);
    return result;
  }

  async restore(id: string): Promise<{ id: string }> {
    await this.trash.restore(id);
    return { id };
  }

  async purge(id: string): Promise<{ id: string }> {
    await this.trash.purge(id);
    return { id };
  }
}
