/**
 * The model manager: which Whisper/VAD models exist (official catalog + imported files), which are
 * installed in `<dataDir>/models/`, downloading (resumable, hash-checked, atomic), importing
 * (validated first), removing, the default model and the bench-based recommendation.
 *
 * Files:
 *   <dataDir>/models/ggml-<id>.bin            installed official models (their upstream names)
 *   <dataDir>/models/imported-<id>.bin        imported files that match no official checksum
 *   <dataDir>/models/<file>.part (+ .part.json) a download in progress or interrupted (resumable)
 *   <dataDir>/settings/models.json            default, mirror, imported list, bench result
 * Never imports electron; the data folder is passed in.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import { modelId, type DownloadProgress, type ModelEntry } from '../../../shared/channels/models';
import { asDiskError, syncDir } from '../platform/atomic-write';
import { containedFile, requireContainedFile } from '../platform/contained-path';
import { DEFAULT_VAD_ID, OFFICIAL_CATALOG, findCatalogEntry, type CatalogEntry } from './catalog';
import { ModelDownloadError } from './download-errors';
import { downloadToPart, type DownloadOptions } from './downloader';
import {
  validateModelFile,
  validateWhisperModel,
  type ModelFileInfo,
  type ValidateOptions,
  type WhisperModelInfo,
} from './ggml-validate';
import { OFFICIAL_SHAPES, type OfficialShapeName } from './ggml-layout';
import { hashFile } from './hashing';
import {
  loadModelSettings,
  saveModelSettings,
  type ImportedModel,
  type ModelBenchResult,
  type ModelSettings,
} from './model-settings';
import { realTimeFactor, recommendDefault, type ModelBenchmarker, type Recommendation } from './recommend';

/** One model as the list shows it: the contract's ModelEntry, by the name the back end and CLI use. */
export type ModelListEntry = ModelEntry;
type ModelStatus = ModelEntry['status'];

export interface DefaultModel {
  id: string;
  path: string;
  chosenBy: 'user' | 'recommendation' | 'fallback';
}

export interface DiskUsage {
  modelsDir: string;
  totalBytes: number;
  partialBytes: number;
  models: { id: string; bytes: number }[];
}

export interface ModelManagerOptions {
  dataDir: string;
  /** Defaults to the official catalog; tests pass entries for generated files. */
  catalog?: readonly CatalogEntry[];
  fetchImpl?: typeof fetch;
  download?: Pick<DownloadOptions, 'maxAttempts' | 'idleTimeoutMs' | 'retryDelayMs' | 'progressIntervalMs'>;
  /** Accept imported Whisper files whose shape matches no official model (tests, benches). */
  allowCustomShapes?: boolean;
  now?: () => Date;
}

/** Without a user choice or bench: a model that is fast enough almost anywhere, English first. */
const FALLBACK_ORDER = ['base.en', 'base', 'tiny.en', 'tiny', 'small.en', 'small', 'large-v3-turbo'];

interface PartMeta {
  id: string;
  url: string;
  sha256: string | null;
  sha1: string | null;
  bytes: number | null;
}

export class ModelManager {
  readonly dataDir: string;
  readonly modelsDir: string;
  private readonly catalog: readonly CatalogEntry[];
  private readonly active = new Map<string, { controller: AbortController; progress: DownloadProgress | null }>();
  /** Serialises settings read-modify-write so concurrent calls don't lose updates. */
  private settingsQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ModelManagerOptions) {
    this.dataDir = options.dataDir;
    this.modelsDir = path.join(options.dataDir, 'models');
    this.catalog = options.catalog ?? OFFICIAL_CATALOG;
  }

  // ---- settings -----------------------------------------------------------------------------

  settings(): Promise<ModelSettings> {
    return loadModelSettings(this.dataDir);
  }

  private updateSettings(fn: (s: ModelSettings) => ModelSettings | void): Promise<ModelSettings> {
    const run = this.settingsQueue.then(async () => {
      const s = await loadModelSettings(this.dataDir);
      const next = fn(s) ?? s;
      await saveModelSettings(this.dataDir, next);
      return next;
    });
    this.settingsQueue = run.catch(() => undefined);
    return run;
  }

  async setMirror(url: string | null): Promise<void> {
    if (url !== null) parseMirror(url);
    await this.updateSettings((s) => {
      s.mirrorUrl = url;
    });
  }

  // ---- listing ------------------------------------------------------------------------------

  /** Imported entries come from settings.json, which a user or a copied-in folder may have edited. */
  private fileOf(entry: { fileName: string }): string {
    return requireContainedFile(this.modelsDir, entry.fileName, 'The model list');
  }

  private async entries(settings: ModelSettings): Promise<(CatalogEntry & { source: 'official' | 'imported' })[]> {
    const official = this.catalog.map((e) => ({ ...e, source: 'official' as const }));
    const imported = settings.imported.map((m) => ({ ...importedToEntry(m), source: 'imported' as const }));
    return [...official, ...imported];
  }

  async list(): Promise<ModelListEntry[]> {
    const settings = await this.settings();
    const all = await this.entries(settings);
    const def = await this.defaultFrom(settings, all);
    const out: ModelListEntry[] = [];
    for (const e of all) {
      const active = this.active.get(e.id);
      const { status, path: file, size, partial } = await this.onDisk(e, active !== undefined);
      out.push({
        id: e.id,
        kind: e.kind,
        label: e.label,
        source: e.source,
        status,
        path: file,
        bytes: size ?? e.bytes,
        approxBytes: e.approxBytes,
        partialBytes: partial,
        memoryMB: e.memoryMB,
        memoryEstimated: e.memoryEstimated,
        englishOnly: e.englishOnly,
        shape: e.shape,
        isDefault: e.kind === 'whisper' ? def?.id === e.id : false,
        recommended: settings.bench?.recommended === e.id,
        progress: active?.progress ?? null,
      });
    }
    // The VAD in use: the official one when installed, else the first installed (imported) one.
    const vads = out.filter((e) => e.kind === 'vad' && e.status === 'installed');
    const vadDefault = (vads.find((e) => e.id === DEFAULT_VAD_ID) ?? vads[0])?.id ?? null;
    for (const e of out) if (e.kind === 'vad') e.isDefault = e.id === vadDefault;
    return out;
  }

  /**
   * What is on disk for an entry. An entry of a copied-in or hand-edited list whose file name leads
   * outside the models folder is listed as damaged, so it can be removed from the app, and
   * nothing outside is looked at.
   */
  private async onDisk(
    e: CatalogEntry,
    downloading: boolean,
  ): Promise<{ status: ModelStatus; path: string | null; size: number | null; partial: number }> {
    const file = containedFile(this.modelsDir, e.fileName);
    if (file === null) return { status: 'damaged', path: null, size: null, partial: 0 };
    const size = await fileSize(file);
    const partial = (await fileSize(`${file}.part`)) ?? 0;
    let status: ModelStatus;
    if (downloading) status = 'downloading';
    else if (size !== null) status = e.bytes !== null && size !== e.bytes ? 'damaged' : 'installed';
    else status = partial > 0 ? 'partial' : 'not_installed';
    return { status, path: size !== null ? file : null, size, partial };
  }

  private async installedWhisper(all: CatalogEntry[]): Promise<Map<string, string>> {
    const m = new Map<string, string>();
    for (const e of all) {
      if (e.kind !== 'whisper') continue;
      // A file name leading outside the models folder is never installed: nothing there is looked at.
      const file = containedFile(this.modelsDir, e.fileName);
      const size = file === null ? null : await fileSize(file);
      if (file !== null && size !== null && (e.bytes === null || size === e.bytes)) m.set(e.id, file);
    }
    return m;
  }

  private async defaultFrom(settings: ModelSettings, all: CatalogEntry[]): Promise<DefaultModel | null> {
    const installed = await this.installedWhisper(all);
    const user = settings.defaultModel;
    if (user !== null && installed.has(user))
      return { id: user, path: installed.get(user) as string, chosenBy: 'user' };
    const rec = settings.bench?.recommended ?? null;
    if (rec !== null && installed.has(rec))
      return { id: rec, path: installed.get(rec) as string, chosenBy: 'recommendation' };
    const ids = [...FALLBACK_ORDER, ...installed.keys()];
    for (const id of ids) {
      const p = installed.get(id);
      if (p) return { id, path: p, chosenBy: 'fallback' };
    }
    return null;
  }

  /** The Whisper model transcription uses when none is named. */
  async getDefault(): Promise<DefaultModel | null> {
    const settings = await this.settings();
    return this.defaultFrom(settings, await this.entries(settings));
  }

  async setDefault(id: string | null): Promise<void> {
    if (id !== null) {
      const all = await this.list();
      const entry = all.find((e) => e.id === id);
      if (!entry) throw new CoachError('not_found', `Unknown model "${id}". ${knownIds(all)}`);
      if (entry.kind !== 'whisper')
        throw new CoachError(
          'invalid_input',
          `"${id}" is a voice-activity model; the default must be a Whisper model.`,
        );
      if (entry.status !== 'installed')
        throw new CoachError('model_missing', `Model "${id}" is not installed. Download or import it first.`);
    }
    await this.updateSettings((s) => {
      s.defaultModel = id;
    });
  }

  /** Path of the installed VAD model, or null. */
  async vadModelPath(): Promise<string | null> {
    const vad = (await this.list()).find((e) => e.kind === 'vad' && e.isDefault);
    return vad?.path ?? null;
  }

  /**
   * Turn a CLI/UI model reference into a validated file: a path to a .bin file, a catalog or
   * imported id, or undefined for the default model.
   */
  async resolveModel(
    ref?: string,
    validate: ValidateOptions = {},
  ): Promise<{ id: string | null; path: string; info: WhisperModelInfo }> {
    let id: string | null = null;
    let file: string;
    if (
      ref !== undefined &&
      (ref.includes('/') || ref.includes('\\') || ref.endsWith('.bin')) &&
      (await fileSize(ref)) !== null
    ) {
      file = path.resolve(ref);
    } else if (ref !== undefined) {
      const all = await this.list();
      const entry = all.find((e) => e.id === ref);
      if (!entry)
        throw new CoachError('not_found', `Unknown model "${ref}": not a file and not a model name. ${knownIds(all)}`);
      if (entry.status !== 'installed' || !entry.path) {
        throw new CoachError(
          'model_missing',
          `Model "${ref}" is not installed. Run "coach models download ${ref}" or import a file with "coach models import FILE".`,
        );
      }
      id = entry.id;
      file = entry.path;
    } else {
      const def = await this.getDefault();
      if (!def)
        throw new CoachError(
          'model_missing',
          'No Whisper model is installed. Run "coach models download base.en" (148 MB) or import a ggml file with "coach models import FILE".',
        );
      id = def.id;
      file = def.path;
    }
    const info = await validateWhisperModel(file, {
      allowCustomShape: this.options.allowCustomShapes ?? validate.allowCustomShape ?? false,
    });
    return { id, path: file, info };
  }

  async diskUsage(): Promise<DiskUsage> {
    const names = await readdir(this.modelsDir).catch(() => [] as string[]);
    const settings = await this.settings();
    const all = await this.entries(settings);
    let totalBytes = 0;
    let partialBytes = 0;
    const models: DiskUsage['models'] = [];
    for (const name of names) {
      const size = (await fileSize(path.join(this.modelsDir, name))) ?? 0;
      totalBytes += size;
      if (name.endsWith('.part')) partialBytes += size;
      const entry = all.find((e) => e.fileName === name);
      if (entry) models.push({ id: entry.id, bytes: size });
    }
    return { modelsDir: this.modelsDir, totalBytes, partialBytes, models };
  }

  // ---- download -----------------------------------------------------------------------------

  isDownloading(id: string): boolean {
    return this.active.has(id);
  }

  /** Cancel a running download; its partial file is deleted. Returns false if none was running. */
  cancel(id: string): boolean {
    const a = this.active.get(id);
    if (!a) return false;
    a.controller.abort();
    return true;
  }

  async download(
    id: string,
    options: { mirrorUrl?: string | null; signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void } = {},
  ): Promise<ModelListEntry> {
    const entry = findCatalogEntry(this.catalog, id);
    if (!entry) throw new CoachError('not_found', `Unknown model "${id}". ${knownIds(this.catalog)}`);
    if (this.active.has(id)) throw new ModelDownloadError('busy', `"${id}" is already downloading.`);
    const final = this.fileOf(entry);
    const current = (await this.list()).find((e) => e.id === id);
    if (current?.status === 'installed') return current;

    const settings = await this.settings();
    const mirror = options.mirrorUrl !== undefined ? options.mirrorUrl : settings.mirrorUrl;
    const url = mirror ? mirrorFileUrl(mirror, entry.fileName) : entry.url;
    const part = `${final}.part`;
    const metaFile = `${part}.json`;
    await mkdir(this.modelsDir, { recursive: true });
    if (current?.status === 'damaged') await rm(final, { force: true });

    // A .part from another file version (catalog changed) must not be resumed.
    const meta: PartMeta = { id, url, sha256: entry.sha256, sha1: entry.sha1, bytes: entry.bytes };
    const old = await readJson<PartMeta>(metaFile);
    if (old && (old.sha256 !== meta.sha256 || old.sha1 !== meta.sha1 || old.bytes !== meta.bytes))
      await rm(part, { force: true });
    await writeFile(metaFile, JSON.stringify(meta));

    const controller = new AbortController();
    const onOuterAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const state = { controller, progress: null as DownloadProgress | null };
    this.active.set(id, state);
    try {
      await downloadToPart(
        url,
        part,
        { bytes: entry.bytes, sha1: entry.sha1, sha256: entry.sha256 },
        {
          ...this.options.download,
          fetchImpl: this.options.fetchImpl,
          signal: controller.signal,
          onProgress: (p) => {
            state.progress = p;
            options.onProgress?.(p);
          },
        },
      );
      await this.checkKind(part, entry);
      await rename(part, final);
      await syncDir(this.modelsDir);
      await rm(metaFile, { force: true });
    } catch (error) {
      const problem = error instanceof ModelDownloadError ? error.problem : null;
      if (
        problem === 'cancelled' ||
        problem === 'checksum_mismatch' ||
        problem === 'size_mismatch' ||
        problem === 'not_a_model'
      ) {
        // Cancel: the user wants nothing left behind. Bad content: never resume from it.
        await rm(part, { force: true });
        await rm(metaFile, { force: true });
      } else if (!((await fileSize(part)) ?? 0)) {
        // Nothing was received (offline, blocked): leave no trace behind.
        await rm(part, { force: true });
        await rm(metaFile, { force: true });
      }
      throw error;
    } finally {
      this.active.delete(id);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
    const done = (await this.list()).find((e) => e.id === id);
    if (!done) throw new CoachError('internal', `model ${id} vanished after download`);
    return done;
  }

  private async checkKind(file: string, entry: CatalogEntry): Promise<ModelFileInfo> {
    let info: ModelFileInfo;
    try {
      info = await validateModelFile(file, {
        allowCustomShape: entry.shape === null || this.options.allowCustomShapes === true,
      });
    } catch (error) {
      throw new ModelDownloadError(
        'not_a_model',
        `The downloaded file is not a usable model: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (info.kind !== entry.kind) {
      throw new ModelDownloadError(
        'not_a_model',
        `The downloaded file is a ${info.kind} model, expected ${entry.kind}.`,
      );
    }
    return info;
  }

  // ---- import / remove ----------------------------------------------------------------------

  /**
   * Copy a local model file into the data folder after validating it. A file whose checksum is an
   * official model's installs as that model; anything else is listed as an imported model.
   * `move`: the source is our own temporary file inside the models folder (a finished upload),
   * so it is renamed into place instead of copied: no second write of gigabytes, no extra space.
   * Its base name is what the messages and the label show, so give it the user's file name.
   */
  async importFile(source: string, options: { id?: string; move?: boolean } = {}): Promise<ModelListEntry> {
    if (options.id !== undefined) modelNameOrThrow(options.id);
    const src = path.resolve(source);
    const info = await validateModelFile(src, { allowCustomShape: this.options.allowCustomShapes ?? false });
    const digests = await hashFile(src);
    await mkdir(this.modelsDir, { recursive: true });
    const official = this.catalog.find(
      (e) =>
        e.kind === info.kind &&
        ((e.sha256 !== null && e.sha256 === digests.sha256) || (e.sha1 !== null && e.sha1 === digests.sha1)),
    );
    const settings = await this.settings();
    let imported: ImportedModel | null = null;
    let dest: string;
    let id: string;
    if (official) {
      id = official.id;
      dest = this.fileOf(official);
    } else {
      const wanted = options.id;
      if (
        wanted !== undefined &&
        (this.catalog.some((e) => e.id === wanted) ||
          settings.imported.some((m) => m.id === wanted && m.sha256 !== digests.sha256))
      ) {
        throw new CoachError('conflict', `A model named "${wanted}" already exists; choose another name.`);
      }
      const same = settings.imported.find((m) => m.sha256 === digests.sha256);
      id = wanted ?? same?.id ?? this.freeImportId(slugFromFile(src), settings);
      const fileName = `imported-${id}.bin`;
      dest = path.join(this.modelsDir, fileName);
      imported = {
        id,
        kind: info.kind,
        fileName,
        bytes: digests.bytes,
        sha256: digests.sha256,
        shape: info.kind === 'whisper' ? info.shape : 'silero',
        originalName: path.basename(src),
        importedAt: (this.options.now?.() ?? new Date()).toISOString(),
      };
    }
    if (options.move === true && path.resolve(dest) !== src) {
      try {
        await rename(src, dest);
        await syncDir(this.modelsDir);
      } catch (error) {
        throw asDiskError(error, dest);
      }
    } else if (path.resolve(dest) !== src) {
      const tmp = `${dest}.import-part`;
      try {
        await copyFile(src, tmp);
        const copied = await fileSize(tmp);
        if (copied !== digests.bytes)
          throw new CoachError('internal', `copy of ${src} is ${String(copied)} bytes, expected ${digests.bytes}`);
        await rename(tmp, dest);
        await syncDir(this.modelsDir);
      } catch (error) {
        await rm(tmp, { force: true });
        throw asDiskError(error, dest);
      }
    }
    if (imported) {
      const rec = imported;
      await this.updateSettings((s) => {
        s.imported = [...s.imported.filter((m) => m.id !== rec.id), rec];
      });
    }
    const entry = (await this.list()).find((e) => e.id === id);
    if (!entry) throw new CoachError('internal', `imported model ${id} is not listed`);
    return entry;
  }

  private freeImportId(base: string, settings: ModelSettings): string {
    const taken = new Set([...this.catalog.map((e) => e.id), ...settings.imported.map((m) => m.id)]);
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }

  /** Delete an installed model (and any partial download). Clears the default if it was this one. */
  async remove(id: string): Promise<void> {
    const settings = await this.settings();
    const all = await this.entries(settings);
    const entry = all.find((e) => e.id === id);
    if (!entry) throw new CoachError('not_found', `Unknown model "${id}". ${knownIds(all)}`);
    const a = this.active.get(id);
    if (a) a.controller.abort();
    // An entry naming a file outside the models folder leaves the list; no file is touched.
    const file = containedFile(this.modelsDir, entry.fileName);
    const existed = file !== null && ((await fileSize(file)) !== null || (await fileSize(`${file}.part`)) !== null);
    if (file !== null) {
      await rm(file, { force: true });
      await rm(`${file}.part`, { force: true });
      await rm(`${file}.part.json`, { force: true });
    }
    await this.updateSettings((s) => {
      if (s.defaultModel === id) s.defaultModel = null;
      s.imported = s.imported.filter((m) => m.id !== id);
    });
    if (!existed && entry.source === 'official') throw new CoachError('not_found', `Model "${id}" is not installed.`);
  }

  // ---- bench / recommendation ---------------------------------------------------------------

  /** Store bench results (from the transcriber host) and the recommendation derived from them. */
  async recordBench(results: ModelBenchResult[], machine: string): Promise<Recommendation> {
    const settings = await this.settings();
    const all = await this.entries(settings);
    const rec = recommendDefault(results, all);
    await this.updateSettings((s) => {
      s.bench = {
        measuredAt: (this.options.now?.() ?? new Date()).toISOString(),
        machine,
        results,
        recommended: rec.modelId,
        reason: rec.reason,
      };
    });
    return rec;
  }

  /**
   * Installed Whisper models that have no bench result for this machine yet (or all of them with
   * `force`), and the results still valid: a result is kept only while its model is installed
   * with the same file size, on the same machine and engine build.
   */
  private async benchPlan(
    settings: ModelSettings,
    machine: string,
    force: boolean,
  ): Promise<{ todo: ModelListEntry[]; kept: ModelBenchResult[] }> {
    const installed = (await this.list()).filter((e) => e.kind === 'whisper' && e.status === 'installed' && e.path);
    const previous = !force && settings.bench?.machine === machine ? settings.bench.results : [];
    const kept: ModelBenchResult[] = [];
    const todo: ModelListEntry[] = [];
    for (const m of installed) {
      const r = previous.find((p) => p.modelId === m.id && (p.fileBytes === undefined || p.fileBytes === m.bytes));
      if (r) kept.push(r);
      else todo.push(m);
    }
    return { todo, kept };
  }

  /**
   * The one-time bench: times each installed Whisper model not yet measured on this machine with
   * the host's benchmarker (every model with `force`) and stores the recommendation. Models
   * already measured are not run again, so installing a model later measures only that one.
   */
  async runBench(
    benchmarker: ModelBenchmarker,
    options: { force?: boolean; signal?: AbortSignal } = {},
  ): Promise<Recommendation> {
    const machine = await benchmarker.machineKey();
    const settings = await this.settings();
    const { todo, kept } = await this.benchPlan(settings, machine, options.force === true);
    if (todo.length === 0 && settings.bench?.machine === machine && kept.length === settings.bench.results.length) {
      const { recommended, reason } = settings.bench;
      const rtf = kept.find((r) => r.modelId === recommended);
      return { modelId: recommended, realTimeFactor: rtf ? realTimeFactor(rtf) : null, reason };
    }
    const results: ModelBenchResult[] = [...kept];
    for (const m of todo) {
      if (options.signal?.aborted) throw new CoachError('cancelled', 'Benchmark cancelled.');
      const r = await benchmarker.benchModel(m.path as string, options.signal ? { signal: options.signal } : {});
      if (options.signal?.aborted) throw new CoachError('cancelled', 'Benchmark cancelled.');
      results.push({
        modelId: m.id,
        audioSec: r.audioSec,
        processingSec: r.processingSec,
        ...(m.bytes !== null ? { fileBytes: m.bytes } : {}),
      });
    }
    return this.recordBench(results, machine);
  }
}

// ---- helpers ------------------------------------------------------------------------------------

function importedToEntry(m: ImportedModel): CatalogEntry {
  return {
    id: m.id,
    kind: m.kind,
    fileName: m.fileName,
    url: '',
    bytes: m.bytes,
    approxBytes: m.bytes,
    sha1: null,
    sha256: m.sha256,
    memoryMB: null,
    memoryEstimated: false,
    shape: m.shape in OFFICIAL_SHAPES ? (m.shape as OfficialShapeName) : null,
    englishOnly: m.shape.endsWith('.en'),
    rank: 0,
    label: `${m.originalName} (imported${m.shape !== 'custom' ? `, ${m.shape} shape` : ''})`,
  };
}

/** A model's name becomes part of a file name, so it is checked before anything is read or written. */
function modelNameOrThrow(name: string): string {
  const parsed = modelId.safeParse(name);
  if (!parsed.success || parsed.data !== name) {
    throw new CoachError(
      'invalid_input',
      `"${name.slice(0, 80)}" is not a valid model name: use lowercase letters, digits, dots and dashes (at most 80), starting with a letter or digit.`,
    );
  }
  return name;
}

function slugFromFile(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.bin$/i, '')
    .replace(/^ggml-/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'model' : slug;
}

function parseMirror(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CoachError('invalid_input', `Mirror URL "${url}" is not a valid URL.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new CoachError('invalid_input', `Mirror URL must be http(s), got ${u.protocol}`);
  return u;
}

/** `https://mirror/whisper` + `ggml-base.en.bin` → `https://mirror/whisper/ggml-base.en.bin`. */
export function mirrorFileUrl(mirror: string, fileName: string): string {
  const u = parseMirror(mirror);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL(encodeURIComponent(fileName), u).toString();
}

async function fileSize(file: string): Promise<number | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The names a message offers: read from the current list, so imported models are included. */
function knownIds(entries: readonly { id: string }[]): string {
  return `Known: ${entries.map((e) => e.id).join(', ')}.`;
}
