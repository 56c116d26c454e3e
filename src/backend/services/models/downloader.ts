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
import { CoachError } from '../../../shared/coach-error';
import { asDiskError } from '../platform/atomic-write';
import { ModelDownloadError } from './download-errors';

export interface ExpectedFile {
  bytes: number | null;
  sha1: string | null;
  sha256: string | null;
}

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
  /** Recent throughput (last few seconds). */
  bytesPerSec: number;
  etaSec: number | null;
  /** Bytes that were already on disk from an earlier, interrupted attempt. */
  resumedFromBytes: number;
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
export function parseContentRange(value: string | null): { start: number; total: number | null } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!m) return undefined;
  return { start: Number(m[1]), total: m[3] === '*' ? null : Number(m[3]) };
}

export async function downloadToPart(
  url: string,
  partFile: string,
  expected: ExpectedFile,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const doFetch = options.fetchImpl ?? fetch;
  const maxAttempts = options.maxAttempts ?? 5;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const progressIntervalMs = options.progressIntervalMs ?? 200;
  const now = options.now ?? (() => Date.now());
  const host = hostOf(url);
  const userSignal = options.signal;

  let size = await stat(partFile).then(
    (s) => s.size,
    () => 0,
  );
  if (expected.bytes !== null && size > expected.bytes) {
    await truncate(partFile, 0);
    size = 0;
  }
  let sha1 = createHash('sha1');
  let sha256 = createHash('sha256');
  await hashExisting(partFile, size, sha1, sha256);
  const resumedFromBytes = size;
  const restart = async (): Promise<void> => {
    await truncate(partFile, 0).catch(() => undefined);
    size = 0;
    sha1 = createHash('sha1');
    sha256 = createHash('sha256');
  };

  const meter = new RateMeter();
  let lastProgressAt = 0;
  let total: number | null = expected.bytes;
  const report = (force: boolean): void => {
    if (!options.onProgress) return;
    const t = now();
    meter.add(t, size);
    if (!force && t - lastProgressAt < progressIntervalMs) return;
    lastProgressAt = t;
    const rate = meter.rate();
    options.onProgress({
      receivedBytes: size,
      totalBytes: total,
      bytesPerSec: rate,
      etaSec: total !== null && rate > 0 ? Math.max(0, (total - size) / rate) : null,
      resumedFromBytes,
    });
  };
  const cancelled = (): ModelDownloadError => new ModelDownloadError('cancelled', 'Download cancelled.');

  let attempts = 0;
  let lastFailure = '';
  for (;;) {
    if (userSignal?.aborted) throw cancelled();
    if (expected.bytes !== null && size === expected.bytes) break; // already complete on disk
    if (attempts >= maxAttempts) {
      throw new ModelDownloadError(
        'interrupted',
        `The download from ${host} kept failing (${lastFailure}); ${size} bytes are kept and the next attempt resumes from there. You can also import the file.`,
      );
    }
    attempts++;
    report(true);

    const attempt = new AbortController();
    const onUserAbort = (): void => attempt.abort();
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let idleTimer: NodeJS.Timeout | undefined;
    let idledOut = false;
    const armIdle = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idledOut = true;
        attempt.abort();
      }, idleTimeoutMs);
    };

    try {
      armIdle();
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      if (size > 0) headers.range = `bytes=${size}-`;
      let res: Response;
      try {
        res = await doFetch(url, { headers, signal: attempt.signal, redirect: 'follow' });
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
        if (!idledOut && code && UNREACHABLE.has(code)) {
          throw new ModelDownloadError(
            'offline',
            `Cannot reach ${host} (${code}): the computer looks offline or the site is blocked. Download the file elsewhere and import it instead.`,
          );
        }
        lastFailure = idledOut
          ? `no data for ${idleTimeoutMs / 1000} s`
          : (code ?? (error instanceof Error ? error.message : String(error)));
        await delay(retryDelayMs, userSignal);
        continue;
      }

      if (res.status === 416 && size > 0) {
        // Nothing after our bytes: the part is complete or longer than the file. Verify below.
        await res.body?.cancel();
        if (expected.bytes === null || size === expected.bytes) break;
        await restart();
        continue;
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
        lastFailure = `HTTP ${res.status}`;
        await delay(retryDelayMs, userSignal);
        continue;
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

      if (res.status === 206) {
        const range = parseContentRange(res.headers.get('content-range'));
        if (!range || range.start !== size) {
          await res.body?.cancel();
          await restart();
          lastFailure = 'server resumed at the wrong offset';
          continue;
        }
        if (range.total !== null) total = range.total;
      } else {
        if (size > 0) await restart(); // server ignored Range: start over
        const len = res.headers.get('content-length');
        if (len !== null && /^\d+$/.test(len)) total = Number(len);
      }
      if (expected.bytes !== null && total !== null && total !== expected.bytes) {
        await res.body?.cancel();
        await restart();
        throw new ModelDownloadError(
          'size_mismatch',
          `${host} serves a ${total}-byte file, but this model is ${expected.bytes} bytes: it is a different or damaged file.`,
        );
      }
      if (!res.body) {
        lastFailure = 'empty response';
        continue;
      }

      const fh = await open(partFile, size === 0 ? 'w' : 'r+');
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          armIdle();
          if (expected.bytes !== null && size + chunk.length > expected.bytes) {
            throw new ModelDownloadError(
              'size_mismatch',
              `${host} sent more than the expected ${expected.bytes} bytes: it is a different or damaged file.`,
            );
          }
          let off = 0;
          while (off < chunk.length) {
            const { bytesWritten } = await fh.write(chunk, off, chunk.length - off, size + off);
            off += bytesWritten;
          }
          sha1.update(chunk);
          sha256.update(chunk);
          size += chunk.length;
          report(false);
        }
        await fh.sync();
      } catch (error) {
        if (error instanceof ModelDownloadError) throw error;
        throw asDiskError(error, partFile);
      } finally {
        await fh.close();
      }
      if (total !== null && size < total) {
        lastFailure = `connection closed after ${size} of ${total} bytes`;
        continue;
      }
      break; // complete
    } catch (error) {
      if (error instanceof CoachError) throw error; // ours, or disk full / no permission
      if (userSignal?.aborted) throw cancelled();
      const code = errorCode(error);
      // A cut connection mid-body (undici: "terminated"), an idle timeout, a reset: resume.
      lastFailure = idledOut
        ? `no data for ${idleTimeoutMs / 1000} s`
        : (code ?? (error instanceof Error ? error.message : String(error)));
      await delay(retryDelayMs, userSignal);
      continue;
    } finally {
      clearTimeout(idleTimer);
      userSignal?.removeEventListener('abort', onUserAbort);
    }
  }

  report(true);
  if (expected.bytes !== null && size !== expected.bytes) {
    await rm(partFile, { force: true });
    throw new ModelDownloadError('size_mismatch', `The downloaded file has ${size} bytes, expected ${expected.bytes}.`);
  }
  const digest1 = sha1.digest('hex');
  const digest256 = sha256.digest('hex');
  const mismatch =
    expected.sha256 !== null && expected.sha256.toLowerCase() !== digest256
      ? `SHA-256 ${digest256}, expected ${expected.sha256}`
      : expected.sha1 !== null && expected.sha1.toLowerCase() !== digest1
        ? `SHA-1 ${digest1}, expected ${expected.sha1}`
        : null;
  if (mismatch) {
    await rm(partFile, { force: true });
    throw new ModelDownloadError(
      'checksum_mismatch',
      `The file from ${host} does not match the published checksum (${mismatch}). It was deleted; the server or mirror serves a different or corrupted file.`,
    );
  }
  return { bytes: size, sha1: digest1, sha256: digest256, attempts, resumedFromBytes };
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
