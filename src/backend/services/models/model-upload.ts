/**
 * Model files uploaded from the page (the web shell has no file dialog and the back end never
 * opens a path the page names): the bytes arrive in ordered parts, are written to a temporary file
 * inside the models folder and, once complete, go through the model manager's own import (the same
 * validation and messages as "coach models import"), which moves the file into place.
 *
 * Layout: `<dataDir>/models/<uploadId>.upload/<the user's file name>`. The folder keeps uploads
 * apart; the file inside carries the user's name because the validator's messages and the imported
 * model's label use the file's base name ("my-model.bin is truncated …"), exactly as for the CLI.
 * Being in the models folder, the final move is a rename on the same disk, never a copy.
 * Never imports electron.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { byteSize } from '../../../core/report/format';
import { CoachError } from '../../../shared/coach-error';
import { MODEL_UPLOAD_PART_BYTES } from '../../../shared/channels/models';
import { asDiskError } from '../platform/atomic-write';
import { freeBytesOf, isOutOfSpace } from '../platform/free-space';
import { OpenUploads } from '../platform/open-uploads';
import { validateModelFile } from './ggml-validate';
import { isModelValidationError, type ModelFileProblem } from './model-errors';
import type { ModelListEntry, ModelManager } from './model-manager';

const UPLOAD_SUFFIX = '.upload';

/** Bytes the validator sniffs the format from: with these in, a wrong file can be refused early. */
const HEAD_BYTES = 512;

/**
 * Problems the validator finds in the first bytes alone: on a partial file they are as final as on
 * the whole one, so the user learns at the first part that a 1 GB file is not a model. Everything
 * else (truncation above all, and the shape check, which the manager's settings decide) is only
 * judged once all bytes are in.
 */
const HEADER_PROBLEMS: ReadonlySet<ModelFileProblem> = new Set(['wrong_magic', 'bad_hparams']);

export interface ModelUploadOptions {
  manager: Pick<ModelManager, 'modelsDir' | 'importFile'>;
  /** Free bytes on the disk holding `dir` (null: unknown). Defaults to statfs; tests fake a full disk. */
  freeBytes?: (dir: string) => Promise<number | null>;
  /** An upload that receives nothing for this long is dropped with its bytes (the tab was closed). */
  idleMs?: number;
  /** Uploads open at once (each holds a file descriptor). */
  maxOpen?: number;
  /**
   * At start, `*.upload` leftovers untouched for this long are removed. Younger ones are spared:
   * the desktop app and the web shell may share the data folder, and one may be uploading.
   */
  leftoverAgeMs?: number;
}

interface Upload {
  id: string;
  dir: string;
  file: string;
  fileName: string;
  handle: FileHandle;
  size: number;
  received: number;
  headChecked: boolean;
  queue: Promise<unknown>;
}

/** Model files are large and few: more than this many at once is a page gone wrong. */
const MAX_OPEN_MODEL_UPLOADS = 4;

export class ModelUploadService {
  private readonly uploads: OpenUploads<Upload>;

  constructor(private readonly options: ModelUploadOptions) {
    this.uploads = new OpenUploads<Upload>({
      what: 'model uploads',
      maxOpen: options.maxOpen ?? MAX_OPEN_MODEL_UPLOADS,
      idleMs: options.idleMs ?? 15 * 60 * 1000,
      discard: async (upload) => {
        await upload.handle.close().catch(() => undefined);
        await rm(upload.dir, { recursive: true, force: true });
      },
    });
  }

  private get modelsDir(): string {
    return this.options.manager.modelsDir;
  }

  async begin(input: { fileName: string; size: number }): Promise<{ uploadId: string; partBytes: number }> {
    const id = `mup-${randomBytes(8).toString('hex')}`;
    const fileName = safeFileName(input.fileName);
    this.uploads.assertRoom();
    try {
      await mkdir(this.modelsDir, { recursive: true });
    } catch (error) {
      throw uploadDiskError(error, this.modelsDir, fileName, 0, input.size);
    }
    // Refuse at once rather than after gigabytes: the upload needs its size once (it is moved,
    // not copied, into place), and uploads already running will take the rest of theirs.
    const free = await (this.options.freeBytes ?? freeBytesOf)(this.modelsDir);
    const pending = [...this.uploads.values()].reduce((sum, u) => sum + u.size - u.received, 0);
    if (free !== null && free - pending < input.size) {
      throw new CoachError(
        'disk_full',
        `Not enough free space for ${fileName}: it needs ${byteSize(input.size)} and only ${byteSize(Math.max(0, free - pending))} are free in ${this.modelsDir}. Free some space and try again.`,
      );
    }
    const dir = path.join(this.modelsDir, `${id}${UPLOAD_SUFFIX}`);
    const file = path.join(dir, fileName);
    let handle: FileHandle;
    try {
      await mkdir(dir);
      handle = await open(file, 'wx');
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw uploadDiskError(error, this.modelsDir, fileName, 0, input.size);
    }
    const upload: Upload = {
      id,
      dir,
      file,
      fileName,
      handle,
      size: input.size,
      received: 0,
      headChecked: false,
      queue: Promise.resolve(),
    };
    // Checked again: other uploads may have begun while this one waited for the disk.
    await this.uploads.add(upload);
    return { uploadId: id, partBytes: MODEL_UPLOAD_PART_BYTES };
  }

  async part(input: { uploadId: string; offset: number; bytes: Uint8Array }): Promise<{ received: number }> {
    const upload = this.upload(input.uploadId);
    return this.uploads.writePart(upload, input.offset, input.bytes, {
      gone: notInProgress,
      outOfOrder: (expected, offset) =>
        new CoachError(
          'conflict',
          `Expected the part at byte ${expected} of ${upload.fileName}, got one at byte ${offset}: parts must be sent in order, each once.`,
        ),
      tooLarge: () =>
        new CoachError(
          'invalid_input',
          `${upload.fileName} is larger than the ${upload.size} bytes announced when the upload began.`,
        ),
      diskError: (error) => uploadDiskError(error, this.modelsDir, upload.fileName, upload.received, upload.size),
      afterWrite: () => this.checkHead(upload),
    });
  }

  /** All bytes in: validate and install through the model manager; the temporary file goes either way. */
  async finish(input: { uploadId: string }): Promise<ModelListEntry> {
    const upload = this.upload(input.uploadId);
    await upload.queue;
    if (!this.uploads.has(upload.id)) throw notInProgress();
    if (upload.received !== upload.size) {
      throw new CoachError(
        'invalid_input',
        `Only ${upload.received} of ${upload.size} bytes of ${upload.fileName} arrived; send the rest first.`,
      );
    }
    this.uploads.forget(upload.id);
    try {
      // Flushing surfaces write errors the OS deferred (a full disk) before the file is trusted.
      try {
        await upload.handle.sync();
      } catch (error) {
        throw uploadDiskError(error, this.modelsDir, upload.fileName, upload.received, upload.size);
      } finally {
        await upload.handle.close().catch(() => undefined);
      }
      return await this.options.manager.importFile(upload.file, { move: true });
    } finally {
      await rm(upload.dir, { recursive: true, force: true });
    }
  }

  async cancel(input: { uploadId: string }): Promise<{ cancelled: boolean }> {
    const upload = this.uploads.get(input.uploadId);
    if (!upload) return { cancelled: false };
    await upload.queue;
    if (!this.uploads.has(upload.id)) return { cancelled: false };
    await this.uploads.drop(upload.id);
    return { cancelled: true };
  }

  /** Removes uploads a previous run left behind (the app quit or crashed mid-upload). */
  async cleanLeftovers(): Promise<string[]> {
    const maxAge = this.options.leftoverAgeMs ?? 60 * 60 * 1000;
    const names = await readdir(this.modelsDir).catch(() => [] as string[]);
    const ours = new Set(this.uploads.values().map((u) => path.basename(u.dir)));
    const removed: string[] = [];
    for (const name of names) {
      if (!name.endsWith(UPLOAD_SUFFIX) || ours.has(name)) continue;
      const entry = path.join(this.modelsDir, name);
      const touched = await lastModified(entry);
      if (touched !== null && Date.now() - touched < maxAge) continue;
      await rm(entry, { recursive: true, force: true });
      removed.push(name);
    }
    return removed;
  }

  async dispose(): Promise<void> {
    await this.uploads.dropAll();
  }

  private upload(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw notInProgress();
    return upload;
  }

  /** Refuses a file whose header already shows it is no usable model, with the import's message. */
  private async checkHead(upload: Upload): Promise<void> {
    if (upload.headChecked || upload.received < HEAD_BYTES || upload.received === upload.size) return;
    upload.headChecked = true;
    try {
      // Shapes are the manager's call at finish; here only the header's own sanity counts.
      await validateModelFile(upload.file, { allowCustomShape: true });
    } catch (error) {
      if (isModelValidationError(error) && HEADER_PROBLEMS.has(error.problem)) {
        await this.uploads.drop(upload.id);
        throw error;
      }
      // Anything else (a partial file is "truncated") is decided when all bytes are in.
    }
  }
}

/** A write that failed for want of space says so, with how far the upload got and where. */
export function uploadDiskError(
  error: unknown,
  modelsDir: string,
  fileName: string,
  received: number,
  size: number,
): unknown {
  if (isOutOfSpace(error)) {
    return new CoachError(
      'disk_full',
      `The disk is full: ${fileName} could not be saved (stopped after ${byteSize(received)} of ${byteSize(size)}). Free some space in ${modelsDir} and try again.`,
    );
  }
  return asDiskError(error, path.join(modelsDir, fileName));
}

function notInProgress(): CoachError {
  return new CoachError(
    'not_found',
    'This model upload is no longer in progress (it finished, was cancelled, waited too long, or the app restarted). Start it again.',
  );
}

/**
 * The page's file name as one safe path component (it names the temporary file, and so the
 * messages and the label): no folders, no characters Windows refuses, at most 200 UTF-8 bytes.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .replace(/[. ]+$/, '');
  if (Buffer.byteLength(cleaned) <= 200) return cleaned === '' ? 'model.bin' : cleaned;
  const ext = path.extname(cleaned).slice(0, 16);
  const stem = [...cleaned.slice(0, cleaned.length - path.extname(cleaned).length)];
  while (stem.length > 0 && Buffer.byteLength(stem.join('') + ext) > 200) stem.pop();
  return stem.length > 0 ? stem.join('') + ext : 'model.bin';
}

/** Newest modification time of an upload folder or anything in it (null if it vanished). */
async function lastModified(entry: string): Promise<number | null> {
  const info = await stat(entry).catch(() => null);
  if (!info) return null;
  let newest = info.mtimeMs;
  if (info.isDirectory()) {
    for (const name of await readdir(entry).catch(() => [] as string[])) {
      const inner = await stat(path.join(entry, name)).catch(() => null);
      if (inner) newest = Math.max(newest, inner.mtimeMs);
    }
  }
  return newest;
}
