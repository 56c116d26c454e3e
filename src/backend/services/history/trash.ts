/**
 * Deleting a session is undoable: the session folder moves into `sessions/.trash/<id>` (which the
 * session listing skips, as it skips every dot-folder) and is purged when the undo window has
 * passed, or at the next start for anything older. Restoring moves it back unchanged.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import { MAX_SESSION_DOCUMENT_BYTES } from '../../../shared/channels/analysis';
import type { TrashedSession } from '../../../shared/channels/history';
import { sessionDocument } from '../../../shared/session-document';
import { readTextFileWithin } from '../platform/bounded-read';
import { SESSION_FILE, type SessionStore } from '../sessions/session-store';

const TRASH_DIR = '.trash';
const DELETED_AT_FILE = '.deleted-at';
/** Trash older than this is purged whenever the history is listed (the undo window is seconds). */
const TRASH_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** An ISO time stamp is 24 characters; anything much larger was not written by the trash. */
const MAX_DELETED_AT_BYTES = 64;

/** When the folder was trashed, from the stamp the trash wrote; throws if it is missing or not one. */
async function readDeletedAt(folder: string): Promise<string> {
  const read = await readTextFileWithin(path.join(folder, DELETED_AT_FILE), MAX_DELETED_AT_BYTES);
  const stamp = read.ok ? read.text.trim() : '';
  if (Number.isNaN(Date.parse(stamp))) throw new Error('not a deletion time');
  return stamp;
}

export class SessionTrash {
  readonly dir: string;

  constructor(private readonly store: SessionStore) {
    this.dir = path.join(store.root, TRASH_DIR);
  }

  private folderOf(id: string): string {
    // Same id rules as live sessions: never a path.
    return path.join(this.dir, path.basename(this.store.folderOf(id)));
  }

  async moveToTrash(id: string, now = new Date()): Promise<{ id: string; deletedAt: string }> {
    const live = this.store.folderOf(id);
    try {
      await stat(path.join(live, SESSION_FILE));
    } catch {
      throw new CoachError('not_found', `Session "${id}" does not exist (it may already be deleted).`);
    }
    await mkdir(this.dir, { recursive: true });
    const target = this.folderOf(id);
    // A leftover with the same id (deleted, restored, deleted again) is replaced.
    await rm(target, { recursive: true, force: true });
    await rename(live, target);
    const deletedAt = now.toISOString();
    await writeFile(path.join(target, DELETED_AT_FILE), deletedAt);
    return { id, deletedAt };
  }

  async restore(id: string): Promise<void> {
    const source = this.folderOf(id);
    const live = this.store.folderOf(id);
    try {
      await stat(source);
    } catch {
      throw new CoachError('not_found', `Session "${id}" is not in the trash any more (it was purged).`);
    }
    try {
      await stat(live);
      throw new CoachError('conflict', `A session "${id}" already exists; the deleted one was kept in the trash.`);
    } catch (error) {
      if (error instanceof CoachError) throw error;
    }
    await rm(path.join(source, DELETED_AT_FILE), { force: true });
    await rename(source, live);
  }

  async purge(id: string): Promise<void> {
    await rm(this.folderOf(id), { recursive: true, force: true });
  }

  async list(): Promise<TrashedSession[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: TrashedSession[] = [];
    for (const id of names.sort()) {
      const folder = path.join(this.dir, id);
      let deletedAt: string;
      try {
        deletedAt = await readDeletedAt(folder);
      } catch {
        try {
          deletedAt = (await stat(folder)).mtime.toISOString();
        } catch {
          // Purged (or restored) while listing: it is not in the trash any more.
          continue;
        }
      }
      let story = '';
      let title: string | null = null;
      try {
        const read = await readTextFileWithin(path.join(folder, SESSION_FILE), MAX_SESSION_DOCUMENT_BYTES);
        const doc = read.ok ? sessionDocument.safeParse(JSON.parse(read.text)) : null;
        if (doc?.success) {
          story = doc.data.story;
          title = doc.data.title ?? null;
        }
      } catch {
        // A damaged or too large document in the trash is still listed so it can be purged.
      }
      out.push({ id, story, title, deletedAt });
    }
    return out;
  }

  /** Purges trash older than `maxAgeMs`; returns the ids purged. */
  async purgeExpired(now = new Date(), maxAgeMs = TRASH_MAX_AGE_MS): Promise<string[]> {
    const purged: string[] = [];
    for (const item of await this.list()) {
      const at = Date.parse(item.deletedAt);
      if (Number.isFinite(at) && now.getTime() - at < maxAgeMs) continue;
      await this.purge(item.id);
      purged.push(item.id);
    }
    return purged;
  }
}
