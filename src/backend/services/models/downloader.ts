/**
 * Streams a file over HTTP(S) into `<target>.part`, resuming with an HTTP Range request after a cut
 * connection (automatically, a few times) or on a later call (the .part stays on disk), and checks
 * size and SHA-1/SHA-256 of the whole file at the end. It never renames: the caller validates and
 * installs. Uses Node's built-in fetch (undici): redirects (Hugging Face → CDN), proxies via the
 * environment, and abort signals without another dependency.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, truncate } from 'node:fs/promises';
import type { DownloadProgress } from '../../../shared/channels/models';
import { CoachError } from '../../../shared/coach-error';
import { asDiskError } from '../platform/atomic-write';
import { ModelDownloadError } from './download-errors';

export interface ExpectedFile {
  bytes: number | null;
  sha1: string | null;
  sha256: string | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  fetchImpl?: typeof fetch;
  /** Attempts in total, counting resumes after a cut connection (default 5). */
  maxAttempts?: number;
  /** Abort an attempt (and resume) when no byte arrives for this long (default 30 s). */
  idleTimeoutMs?: number;
  retryDelayMs?: number;
  progressIntervalMs?: number;
  now?: () => number;
}

export interface DownloadResult {
  bytes: number;
  sha1: string;
  sha256: string;
  attempts: number;
  resumedFromBytes: number;
}

const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function hashExisting(file: string, size: number, sha1: Hash, sha256: Hash): Promise<void> {
  if (size === 0) return;
  const stream = createReadStream(file, { start: 0, end: size - 1, highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sha1.update(chunk);
    sha256.update(chunk);
  }
}

class RateMeter {
  private samples: { t: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 3000) {}
  add(t: number, bytes: number): void {
    this.samples.push({ t, bytes });
    while (this.samples.length > 2 && t - (this.samples[0] as { t: number }).t > this.windowMs) this.samples.shift();
  }
  rate(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.t <= first.t) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.t - first.t);
  }
}

/** Parse "bytes 100-199/1000" → { start: 100, total: 1000 } (total null for "*"). */
function parseContentRange(value: string | null): { start: number; total: number | null } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!m) return undefined;
  return { start: Number(m[1]), total: m[3] === '*' ? null : Number(m[3]) };
}

/** The .part file as it grows, with the running hashes of its bytes. */
interface PartFile {
  readonly path: string;
  size: number;
  sha1: Hash;
  sha256: Hash;
}

/** Picks up what an earlier call left on disk; a part longer than the file cannot be resumed. */
async function openPart(path: string, expected: ExpectedFile): Promise<PartFile> {
  let size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (expected.bytes !== null && size > expected.bytes) {
    await truncate(path, 0);
    size = 0;
  }
  const part: PartFile = { path, size, sha1: createHash('sha1'), sha256: createHash('sha256') };
  await hashExisting(path, size, part.sha1, part.sha256);
  return part;
}

async function restartPart(part: PartFile): Promise<void> {
  await truncate(part.path, 0).catch(() => undefined);
  part.size = 0;
  part.sha1 = createHash('sha1');
  part.sha256 = createHash('sha256');
}

/** What the attempts of one download share: settings, the part on disk and what servers said. */
interface Download {
  readonly url: string;
  readonly host: string;
  readonly expected: ExpectedFile;
  readonly fetchImpl: typeof fetch;
  readonly idleTimeoutMs: number;
  readonly retryDelayMs: number;
  readonly userSignal: AbortSignal | undefined;
  readonly part: PartFile;
  /** Size of the whole file: expected, or announced by the server. */
  total: number | null;
  /** Why the latest attempt failed, for the message when attempts run out. */
  lastFailure: string;
  report(force: boolean): void;
}

/** Reports progress at most every `progressIntervalMs`, unless forced. */
function progressReporter(
  options: DownloadOptions,
  part: PartFile,
  totalBytes: () => number | null,
  resumedFromBytes: number,
): (force: boolean) => void {
  const progressIntervalMs = options.progressIntervalMs ?? 200;
  const now = options.now ?? (() => Date.now());
  const meter = new RateMeter();
  let lastProgressAt = 0;
  return (force) => {
    if (!options.onProgress) return;
    const t = now();
    meter.add(t, part.size);
    if (!force && t - lastProgressAt < progressIntervalMs) return;
    lastProgressAt = t;
    const rate = meter.rate();
    const total = totalBytes();
    options.onProgress({
      receivedBytes: part.size,
      totalBytes: total,
      bytesPerSec: rate,
      etaSec: total !== null && rate > 0 ? Math.max(0, (total - part.size) / rate) : null,
      resumedFromBytes,
    });
  };
}

function cancelled(): ModelDownloadError {
  return new ModelDownloadError('cancelled', 'Download cancelled.');
}

/** The failure worth resuming after, in a few words for the final message. */
function failureText(error: unknown, idledOut: boolean, idleTimeoutMs: number): string {
  const code = errorCode(error);
  return idledOut
    ? `no data for ${idleTimeoutMs / 1000} s`
    : (code ?? (error instanceof Error ? error.message : String(error)));
}

/** Ends one attempt when the user cancels, or when no byte arrives for too long. */
class AttemptWatch {
  readonly controller = new AbortController();
  idledOut = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly onUserAbort = (): void => this.controller.abort();

  constructor(
    private readonly userSignal: AbortSignal | undefined,
    private readonly idleTimeoutMs: number,
  ) {
    userSignal?.addEventListener('abort', this.onUserAbort, { once: true });
  }

  armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idledOut = true;
      this.controller.abort();
    }, this.idleTimeoutMs);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}

/** What an attempt leaves the download loop to do. */
type AttemptEnd = 'complete' | 'again';

/** Asks for the bytes after the part; null when the request failed in a way another attempt may fix. */
async function requestRest(download: Download, watch: AttemptWatch): Promise<Response | null> {
  const { url, host, part, userSignal, fetchImpl } = download;
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (part.size > 0) headers.range = `bytes=${part.size}-`;
  try {
    return await fetchImpl(url, { headers, signal: watch.controller.signal, redirect: 'follow' });
  } catch (error) {
    if (userSignal?.aborted) throw cancelled();
    const code = errorCode(error);
    const cause = (error as { cause?: { message?: unknown } }).cause?.message;
    if (cause === 'bad port' || cause === 'invalid url') {
      throw new ModelDownloadError(
        'http',
        `Cannot download from ${url}: ${String(cause)} (browsers' fetch refuses this address).`,
      );
    }
    if (!watch.idledOut && code && UNREACHABLE.has(code)) {
      throw new ModelDownloadError(
        'offline',
        `Cannot reach ${host} (${code}): the computer looks offline or the site is blocked. Download the file elsewhere and import it instead.`,
      );
    }
    download.lastFailure = failureText(error, watch.idledOut, download.idleTimeoutMs);
    await delay(download.retryDelayMs, userSignal);
    return null;
  }
}

/** Reads the status and type: refusals throw, passing trouble tries again, 'proceed' means a body to take. */
async function checkAnswer(download: Download, res: Response): Promise<AttemptEnd | 'proceed'> {
  const { url, host, part, expected } = download;
  if (res.status === 416 && part.size > 0) {
    // Nothing after our bytes: the part is complete or longer than the file. Verify below.
    await res.body?.cancel();
    if (expected.bytes === null || part.size === expected.bytes) return 'complete';
    await restartPart(part);
    return 'again';
  }
  if (res.status === 401 || res.status === 403 || res.status === 407 || res.status === 451) {
    await res.body?.cancel();
    throw new ModelDownloadError(
      'blocked',
      `${host} refused the download (HTTP ${res.status}): a proxy or firewall may block it. Download the file elsewhere and import it instead.`,
    );
  }
  if (res.status === 404 || res.status === 410) {
    await res.body?.cancel();
    throw new ModelDownloadError(
      'not_found',
      `${host} has no such file (HTTP ${res.status}: ${url}). Check the mirror URL, or import the file.`,
    );
  }
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    await res.body?.cancel();
    download.lastFailure = `HTTP ${res.status}`;
    await delay(download.retryDelayMs, download.userSignal);
    return 'again';
  }
  if (res.status !== 200 && res.status !== 206) {
    await res.body?.cancel();
    throw new ModelDownloadError('http', `${host} answered HTTP ${res.status} ${res.statusText} for ${url}.`);
  }
  const type = res.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type)) {
    await res.body?.cancel();
    throw new ModelDownloadError(
      'blocked',
      `${host} returned a web page instead of the model (a login page or captive portal?). Download the file elsewhere and import it instead.`,
    );
  }
  return 'proceed';
}

/** Learns the file's size from the answer and makes sure the body continues the part. */
async function alignWithAnswer(download: Download, res: Response): Promise<'again' | 'proceed'> {
  const { host, part, expected } = download;
  if (res.status === 206) {
    const range = parseContentRange(res.headers.get('content-range'));
    if (!range || range.start !== part.size) {
      await res.body?.cancel();
      await restartPart(part);
      download.lastFailure = 'server resumed at the wrong offset';
      return 'again';
    }
    if (range.total !== null) download.total = range.total;
  } else {
    if (part.size > 0) await restartPart(part); // server ignored Range: start over
    const len = res.headers.get('content-length');
    if (len !== null && /^\d+$/.test(len)) download.total = Number(len);
  }
  if (expected.bytes !== null && download.total !== null && download.total !== expected.bytes) {
    await res.body?.cancel();
    await restartPart(part);
    throw new ModelDownloadError(
      'size_mismatch',
      `${host} serves a ${download.total}-byte file, but this model is ${expected.bytes} bytes: it is a different or damaged file.`,
    );
  }
  return 'proceed';
}

/** Appends the body to the part, hashing and reporting as the bytes arrive. */
async function appendBody(download: Download, body: NonNullable<Response['body']>, watch: AttemptWatch): Promise<void> {
  const { host, part, expected } = download;
  const fh = await open(part.path, part.size === 0 ? 'w' : 'r+');
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      watch.armIdle();
      if (expected.bytes !== null && part.size + chunk.length > expected.bytes) {
        throw new ModelDownloadError(
          'size_mismatch',
          `${host} sent more than the expected ${expected.bytes} bytes: it is a different or damaged file.`,
        );
      }
      let off = 0;
      while (off < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off, part.size + off);
        off += bytesWritten;
      }
      part.sha1.update(chunk);
      part.sha256.update(chunk);
      part.size += chunk.length;
      download.report(false);
    }
    await fh.sync();
  } catch (error) {
    if (error instanceof ModelDownloadError) throw error;
    throw asDiskError(error, part.path);
  } finally {
    await fh.close();
  }
}

/** One request and its body; a cut connection, an idle timeout or a reset ends in 'again'. */
async function runAttempt(download: Download): Promise<AttemptEnd> {
  const { part, userSignal } = download;
  const watch = new AttemptWatch(userSignal, download.idleTimeoutMs);
  try {
    watch.armIdle();
    const res = await requestRest(download, watch);
    if (res === null) return 'again';
    const checked = await checkAnswer(download, res);
    if (checked !== 'proceed') return checked;
    if ((await alignWithAnswer(download, res)) === 'again') return 'again';
    if (!res.body) {
      download.lastFailure = 'empty response';
      return 'again';
    }
    await appendBody(download, res.body, watch);
    if (download.total !== null && part.size < download.total) {
      download.lastFailure = `connection closed after ${part.size} of ${download.total} bytes`;
      return 'again';
    }
    return 'complete';
  } catch (error) {
    if (error instanceof CoachError) throw error; // ours, or disk full / no permission
    if (userSignal?.aborted) throw cancelled();
    // A cut connection mid-body (undici: "terminated"), an idle timeout, a reset: resume.
    download.lastFailure = failureText(error, watch.idledOut, download.idleTimeoutMs);
    await delay(download.retryDelayMs, userSignal);
    return 'again';
  } finally {
    watch.dispose();
  }
}

/** Checks the whole part against the expected size and checksums; a wrong file is deleted. */
async function verifyPart(download: Download, attempts: number, resumedFromBytes: number): Promise<DownloadResult> {
  const { host, part, expected } = download;
  if (expected.bytes !== null && part.size !== expected.bytes) {
    await rm(part.path, { force: true });
    throw new ModelDownloadError(
      'size_mismatch',
      `The downloaded file has ${part.size} bytes, expected ${expected.bytes}.`,
    );
  }
  const digest1 = part.sha1.digest('hex');
  const digest256 = part.sha256.digest('hex');
  const mismatch =
    expected.sha256 !== null && expected.sha256.toLowerCase() !== digest256
      ? `SHA-256 ${digest256}, expected ${expected.sha256}`
      : expected.sha1 !== null && expected.sha1.toLowerCase() !== digest1
        ? `SHA-1 ${digest1}, expected ${expected.sha1}`
        : null;
  if (mismatch) {
    await rm(part.path, { force: true });
    throw new ModelDownloadError(
      'checksum_mismatch',
      `The file from ${host} does not match the published checksum (${mismatch}). It was deleted; the server or mirror serves a different or corrupted file.`,
    );
  }
  return { bytes: part.size, sha1: digest1, sha256: digest256, attempts, resumedFromBytes };
}

export async function downloadToPart(
  url: string,
  partFile: string,
  expected: ExpectedFile,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const part = await openPart(partFile, expected);
  const resumedFromBytes = part.size;
  const download: Download = {
    url,
    host: hostOf(url),
    expected,
    fetchImpl: options.fetchImpl ?? fetch,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    retryDelayMs: options.retryDelayMs ?? 1000,
    userSignal: options.signal,
    part,
    total: expected.bytes,
    lastFailure: '',
    report: progressReporter(options, part, () => download.total, resumedFromBytes),
  };

  let attempts = 0;
  for (;;) {
    if (download.userSignal?.aborted) throw cancelled();
    if (expected.bytes !== null && part.size === expected.bytes) break; // already complete on disk
    if (attempts >= maxAttempts) {
      throw new ModelDownloadError(
        'interrupted',
        `The download from ${download.host} kept failing (${download.lastFailure}); ${part.size} bytes are kept and the next attempt resumes from there. You can also import the file.`,
      );
    }
    attempts++;
    download.report(true);
    if ((await runAttempt(download)) === 'complete') break;
  }

  download.report(true);
  return verifyPart(download, attempts, resumedFromBytes);
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
