import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileServer } from '../../fixtures/http/file-server';
import { REFUSED_PORT } from '../../fixtures/http/refused-port';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';
import type { CatalogEntry } from '../../../src/backend/services/models/catalog';
import { ModelDownloadError } from '../../../src/backend/services/models/download-errors';
import type { DownloadProgress } from '../../../src/shared/channels/models';
import { hashFile } from '../../../src/backend/services/models/hashing';
import { ModelManager } from '../../../src/backend/services/models/model-manager';

let root = '';
let model: Buffer;
let other: Buffer;
let digests: { sha1: string; sha256: string; bytes: number };
let server: FileServer;
let base = '';
let dataDir = '';
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coach-dl-'));
  const a = await writeRandomWhisperModel(join(root, 'a.bin'), 'tiny-tiny', 1);
  const b = await writeRandomWhisperModel(join(root, 'b.bin'), 'tiny-tiny', 2);
  model = await readFile(a.path);
  other = await readFile(b.path);
  digests = await hashFile(a.path);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  server = new FileServer();
  base = await server.start();
  dataDir = join(root, `data-${n++}`);
});
afterEach(async () => {
  await server.stop();
});

function entry(over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'tt.en',
    kind: 'whisper',
    fileName: 'ggml-tt.en.bin',
    url: `${base}/hf/ggml-tt.en.bin`,
    bytes: digests.bytes,
    approxBytes: digests.bytes,
    sha1: digests.sha1,
    sha256: digests.sha256,
    memoryMB: 20,
    memoryEstimated: true,
    shape: null,
    englishOnly: true,
    rank: 1,
    label: 'Tiny-tiny test model',
    ...over,
  };
}

function manager(over: Partial<CatalogEntry> = {}, maxAttempts = 5): ModelManager {
  return new ModelManager({
    dataDir,
    catalog: [entry(over)],
    allowCustomShapes: true,
    download: { maxAttempts, retryDelayMs: 10, progressIntervalMs: 0, idleTimeoutMs: 5000 },
  });
}

async function modelsDirFiles(): Promise<string[]> {
  return readdir(join(dataDir, 'models')).catch(() => []);
}

describe('model download from a local HTTP server', () => {
  it('streams to .part, reports progress with bytes and ETA, verifies and installs atomically', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model, trickle: { chunk: 256 * 1024, delayMs: 5 } });
    const progress: DownloadProgress[] = [];
    const m = manager();
    const done = await m.download('tt.en', { onProgress: (p) => progress.push(p) });
    expect(done.status).toBe('installed');
    expect((await readFile(join(dataDir, 'models', 'ggml-tt.en.bin'))).equals(model)).toBe(true);
    expect(await modelsDirFiles()).toEqual(['ggml-tt.en.bin']);
    const last = progress.at(-1);
    expect(last?.receivedBytes).toBe(model.length);
    expect(last?.totalBytes).toBe(model.length);
    const received = progress.map((p) => p.receivedBytes);
    expect(received).toEqual([...received].sort((x, y) => x - y));
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.some((p) => p.etaSec !== null && p.etaSec > 0 && p.bytesPerSec > 0)).toBe(true);
    // A second download of an installed model does nothing.
    await m.download('tt.en');
    expect(server.requests).toHaveLength(1);
  });

  it('resumes with an HTTP Range request after the connection is cut', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model, cutAfter: 3_000_000 });
    const done = await manager().download('tt.en');
    expect(done.status).toBe('installed');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.range).toBeUndefined();
    const range = server.requests[1]?.range ?? '';
    const from = Number(/^bytes=(\d+)-$/.exec(range)?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(3_000_000);
    expect(await hashFile(join(dataDir, 'models', 'ggml-tt.en.bin'))).toEqual(digests);
  });

  it('keeps the partial file when attempts run out and resumes on the next call', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model, cutAfter: 2_000_000 });
    const m = manager({}, 1);
    const error = await m.download('tt.en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as ModelDownloadError).problem).toBe('interrupted');
    expect((error as ModelDownloadError).offerImport).toBe(true);
    const listed = (await m.list())[0];
    expect(listed?.status).toBe('partial');
    expect(listed?.partialBytes).toBeGreaterThan(0);
    const partBytes = listed?.partialBytes ?? 0;

    const progress: DownloadProgress[] = [];
    const done = await m.download('tt.en', { onProgress: (p) => progress.push(p) });
    expect(done.status).toBe('installed');
    expect(server.requests.at(-1)?.range).toBe(`bytes=${partBytes}-`);
    expect(progress[0]?.resumedFromBytes).toBe(partBytes);
    expect(await hashFile(join(dataDir, 'models', 'ggml-tt.en.bin'))).toEqual(digests);
  });

  it('starts over when the server ignores the Range header', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model, cutAfter: 1_000_000, ignoreRange: true });
    const done = await manager().download('tt.en');
    expect(done.status).toBe('installed');
    expect(await hashFile(join(dataDir, 'models', 'ggml-tt.en.bin'))).toEqual(digests);
  });

  it('rejects a file whose hash does not match and leaves nothing behind', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: other }); // same size, different bytes
    const m = manager();
    const error = await m.download('tt.en').catch((e: unknown) => e);
    expect((error as ModelDownloadError).problem).toBe('checksum_mismatch');
    expect((error as ModelDownloadError).message).toMatch(/SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}/);
    expect(await modelsDirFiles()).toEqual([]);
    expect((await m.list())[0]?.status).toBe('not_installed');
  });

  it('checks a user-set mirror against the pinned hash too', async () => {
    server.routes.set('/mirror/ggml-tt.en.bin', { body: other });
    server.routes.set('/good-mirror/ggml-tt.en.bin', { body: model });
    const m = manager();
    await m.setMirror(`${base}/mirror`);
    const error = await m.download('tt.en').catch((e: unknown) => e);
    expect((error as ModelDownloadError).problem).toBe('checksum_mismatch');
    expect(server.requests.map((r) => r.path)).toEqual(['/mirror/ggml-tt.en.bin']);
    const done = await m.download('tt.en', { mirrorUrl: `${base}/good-mirror/` });
    expect(done.status).toBe('installed');
  });

  it('refuses early when the server offers a file of the wrong size', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model.subarray(0, 1000) });
    const error = await manager()
      .download('tt.en')
      .catch((e: unknown) => e);
    expect((error as ModelDownloadError).problem).toBe('size_mismatch');
    expect(await modelsDirFiles()).toEqual([]);
  });

  it('cancel stops the download and leaves no partial model in the catalog', async () => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: model, trickle: { chunk: 64 * 1024, delayMs: 20 } });
    const m = manager();
    let cancelled = false;
    const p = m.download('tt.en', {
      onProgress: (pr) => {
        if (!cancelled && pr.receivedBytes > 200_000) {
          cancelled = true;
          expect(m.cancel('tt.en')).toBe(true);
        }
      },
    });
    const error = await p.catch((e: unknown) => e);
    expect((error as ModelDownloadError).problem).toBe('cancelled');
    expect((error as ModelDownloadError).code).toBe('cancelled');
    const listed = (await m.list())[0];
    expect(listed?.status).toBe('not_installed');
    expect(listed?.partialBytes).toBe(0);
    expect(await modelsDirFiles()).toEqual([]);
    expect(m.isDownloading('tt.en')).toBe(false);
  });

  it('says offline and offers import when the host is unreachable', async () => {
    const error = await manager({ url: `http://127.0.0.1:${REFUSED_PORT}/ggml-tt.en.bin` })
      .download('tt.en')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as ModelDownloadError).problem).toBe('offline');
    expect((error as ModelDownloadError).code).toBe('offline');
    expect((error as ModelDownloadError).offerImport).toBe(true);
    expect((error as Error).message).toMatch(/ECONNREFUSED.*import/);
    expect(await modelsDirFiles()).toEqual([]);
  });

  it.each([
    [403, 'text/plain', 'blocked', /HTTP 403/],
    [404, 'text/plain', 'not_found', /HTTP 404/],
    [200, 'text/html; charset=utf-8', 'blocked', /web page instead of the model/],
  ])('HTTP %i (%s) → %s', async (status, contentType, problem, message) => {
    server.routes.set('/hf/ggml-tt.en.bin', { body: Buffer.from('<html>login</html>'), status, contentType });
    const error = await manager({ bytes: null })
      .download('tt.en')
      .catch((e: unknown) => e);
    expect((error as ModelDownloadError).problem).toBe(problem);
    expect((error as Error).message).toMatch(message);
    expect((error as ModelDownloadError).offerImport).toBe(true);
  });

  it('retries server errors, then installs', async () => {
    let calls = 0;
    server.routes.set('/hf/ggml-tt.en.bin', { body: model });
    const m = new ModelManager({
      dataDir,
      catalog: [entry()],
      allowCustomShapes: true,
      download: { retryDelayMs: 1 },
      fetchImpl: async (input, init) => {
        calls++;
        if (calls === 1) return new Response('busy', { status: 503 });
        return fetch(input, init);
      },
    });
    expect((await m.download('tt.en')).status).toBe('installed');
    expect(calls).toBe(2);
    expect((await stat(join(dataDir, 'models', 'ggml-tt.en.bin'))).size).toBe(model.length);
  });
});
