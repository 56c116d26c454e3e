import type { FileHandle } from 'node:fs/promises';
import { CoachError } from '../../../shared/coach-error';

export interface OpenUploadsOptions<T> {
  /** What the user is told the uploads are ("model uploads", "imports"). */
  what: string;
  /** Uploads open at once; each holds a file descriptor and a temporary file. */
  maxOpen: number;
  /** An upload that receives nothing for this long is dropped (the tab was closed). */
  idleMs: number;
  /** Closes the upload's file and removes its temporary bytes. */
  discard: (upload: T) => Promise<void>;
}

/** What writing the parts of an upload in order needs from it. */
export interface PartUpload {
  id: string;
  handle: FileHandle;
  /** Bytes announced when the upload began. */
  size: number;
  received: number;
  /** The part being written: the next one waits for it, even if the page sends it early. */
  queue: Promise<unknown>;
}

/** How one service words the refusals of a part, and what it checks after each write. */
export interface PartRules {
  /** The upload was dropped while the part waited its turn; without it the write is tried. */
  gone?: () => Error;
  outOfOrder: (expected: number, offset: number) => Error;
  tooLarge: () => Error;
  /** The error to throw for a failed write; the upload is dropped before it is asked for. */
  diskError: (error: unknown) => unknown;
  /** Runs after each written part, before the next one starts. */
  afterWrite?: () => Promise<void>;
}

/**
 * The uploads in progress of one service, bounded in number and in idle time, so a page that
 * opens uploads and walks away can't exhaust file descriptors or leave temporary files behind.
 * Every client of the back end holds the same per-launch token and is the same user, so the bound
 * is one total per service rather than per connection.
 */
export class OpenUploads<T extends { id: string }> {
  private readonly open = new Map<string, { upload: T; timer: NodeJS.Timeout | null }>();
  /** Discards under way: an idle drop is no longer open but may still be removing its bytes. */
  private readonly discarding = new Set<Promise<void>>();

  constructor(private readonly options: OpenUploadsOptions<T>) {}

  get size(): number {
    return this.open.size;
  }

  values(): T[] {
    return [...this.open.values()].map((e) => e.upload);
  }

  has(id: string): boolean {
    return this.open.has(id);
  }

  get(id: string): T | undefined {
    return this.open.get(id)?.upload;
  }

  /** Call before creating anything on disk: refuses when the limit is reached. */
  assertRoom(): void {
    if (this.open.size >= this.options.maxOpen) {
      throw new CoachError(
        'conflict',
        `${this.options.maxOpen} ${this.options.what} are already in progress: finish or cancel one first (an abandoned one is dropped after ${Math.round(this.options.idleMs / 60_000)} minutes without data).`,
      );
    }
  }

  /** Tracks a new upload; when the limit was reached meanwhile, its bytes are discarded and it is refused. */
  async add(upload: T): Promise<void> {
    try {
      this.assertRoom();
    } catch (error) {
      await this.options.discard(upload);
      throw error;
    }
    this.open.set(upload.id, { upload, timer: null });
    this.touch(upload.id);
  }

  /** Writes one part at `offset` once the parts before it are in: no gaps, no repeats, no excess. */
  writePart(
    upload: T & PartUpload,
    offset: number,
    bytes: Uint8Array,
    rules: PartRules,
  ): Promise<{ received: number }> {
    const run = upload.queue.then(async () => {
      if (rules.gone && !this.has(upload.id)) throw rules.gone();
      if (offset !== upload.received) throw rules.outOfOrder(upload.received, offset);
      if (upload.received + bytes.length > upload.size) throw rules.tooLarge();
      try {
        await writeFully(upload.handle, bytes, upload.received);
      } catch (error) {
        await this.drop(upload.id);
        throw rules.diskError(error);
      }
      upload.received += bytes.length;
      this.touch(upload.id);
      await rules.afterWrite?.();
      return { received: upload.received };
    });
    upload.queue = run.catch(() => undefined);
    return run;
  }

  /** Data arrived: the idle clock starts again. */
  touch(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.drop(id), this.options.idleMs);
    // An abandoned upload must not keep the process alive.
    entry.timer.unref();
  }

  /** No longer in progress (finished): the caller owns its files now. */
  forget(id: string): void {
    const entry = this.open.get(id);
    if (entry?.timer) clearTimeout(entry.timer);
    this.open.delete(id);
  }

  /** Cancelled, failed or idle: forgotten and its bytes discarded. */
  async drop(id: string): Promise<void> {
    const entry = this.open.get(id);
    if (!entry) return;
    this.forget(id);
    const discarded = this.options.discard(entry.upload);
    this.discarding.add(discarded);
    try {
      await discarded;
    } finally {
      this.discarding.delete(discarded);
    }
  }

  /** Shutdown: every open upload dropped, and every drop already under way finished, so no temporary file outlives it. */
  async dropAll(): Promise<void> {
    for (const id of [...this.open.keys()]) await this.drop(id);
    await Promise.allSettled([...this.discarding]);
  }
}

/**
 * Writes every byte: a positional write may write fewer bytes than asked (the kernel is free to),
 * and an upload that silently lost the end of a part would decode as a shorter file.
 */
export async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten <= 0) throw new Error('the disk accepted no more bytes');
    done += bytesWritten;
  }
}
