import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModels } from '../../../src/cli/commands/models';
import { OFFICIAL_CATALOG, type CatalogEntry } from '../../../src/backend/services/models/catalog';
import { hashFile } from '../../../src/backend/services/models/hashing';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { FileServer } from '../../fixtures/http/file-server';
import { REFUSED_PORT } from '../../fixtures/http/refused-port';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';

let root = '';
let server: FileServer;
let base = '';
let catalog: CatalogEntry[];
let modelFile = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coach-cli-models-'));
  modelFile = (await writeRandomWhisperModel(join(root, 'ggml-tt.bin'), 'tiny-tiny', 9)).path;
  const d = await hashFile(modelFile);
  server = new FileServer();
  base = await server.start();
  server.routes.set('/m/ggml-tt.en.bin', {
    body: await readFile(modelFile),
    trickle: { chunk: 512 * 1024, delayMs: 2 },
  });
  catalog = [
    {
      ...(OFFICIAL_CATALOG[0] as CatalogEntry),
      id: 'tt.en',
      fileName: 'ggml-tt.en.bin',
      url: `${base}/m/ggml-tt.en.bin`,
      bytes: d.bytes,
      sha1: d.sha1,
      sha256: d.sha256,
      shape: null,
    },
    {
      ...(OFFICIAL_CATALOG[0] as CatalogEntry),
      id: 'gone.en',
      fileName: 'ggml-gone.en.bin',
      url: `http://127.0.0.1:${REFUSED_PORT}/ggml-gone.en.bin`,
    },
  ];
});
afterAll(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

function cli(dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const manager = new ModelManager({ dataDir, catalog, allowCustomShapes: true, download: { retryDelayMs: 1 } });
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
  return {
    run: (...argv: string[]) => runModels(argv, io, { dataDir, manager, progressEverySec: 0 }),
    out: () => out.join(''),
    err: () => err.join(''),
    clear: () => {
      out.length = 0;
      err.length = 0;
    },
  };
}

describe('coach models', () => {
  it('downloads with progress, lists, sets the default and removes', async () => {
    const c = cli(join(root, 'd1'));
    expect(await c.run('download', 'tt.en')).toBe(0);
    expect(c.out()).toMatch(/Installed tt\.en .*checksum verified/);
    expect(c.err()).toMatch(/tt\.en {2}[\d.]+ (KB|MB) \/ [\d.]+ MB \(\d+%\) {2}.*\/s {2}ETA \d+:\d\d/);
    expect(c.err()).toMatch(/\(100%\)/);
    c.clear();

    expect(await c.run('list')).toBe(0);
    expect(c.out()).toMatch(/\* tt\.en +English +installed/);
    expect(c.out()).toMatch(/gone\.en +English +not installed/);
    expect(c.out()).toMatch(/Default: tt\.en \(first installed\)/);
    expect(c.out()).toMatch(/Disk use: [\d.]+ MB in /);
    c.clear();

    expect(await c.run('list', '--json')).toBe(0);
    const json = JSON.parse(c.out()) as { models: { id: string; status: string }[]; default: { id: string } };
    expect(json.models.find((m) => m.id === 'tt.en')?.status).toBe('installed');
    expect(json.default.id).toBe('tt.en');
    c.clear();

    expect(await c.run('default', 'tt.en')).toBe(0);
    expect(await c.run('default')).toBe(0);
    expect(c.out()).toMatch(/tt\.en \(user\)/);
    expect(await c.run('remove', 'tt.en')).toBe(0);
    c.clear();
    expect(await c.run('default')).toBe(1);
    expect(c.out()).toMatch(/No Whisper model installed/);
  });

  it('imports a file and refuses a bad one with the validator message', async () => {
    const c = cli(join(root, 'd2'));
    expect(await c.run('import', modelFile)).toBe(0);
    expect(c.out()).toMatch(/as tt\.en \(matches the official checksum/);
    const bad = join(root, 'bad.bin');
    await writeFile(bad, 'version https://git-lfs.github.com/spec/v1\noid sha256:x\n');
    expect(await c.run('import', bad)).toBe(2);
    expect(c.err()).toMatch(/Git LFS pointer/);
  });

  it('explains an unreachable host and suggests importing', async () => {
    const c = cli(join(root, 'd3'));
    expect(await c.run('download', 'gone.en')).toBe(1);
    expect(c.err()).toMatch(/Cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\).*offline/);
    expect(c.err()).toMatch(/coach models import FILE/);
  });

  it('validates its arguments', async () => {
    const c = cli(join(root, 'd4'));
    expect(await c.run('download')).toBe(2);
    expect(await c.run('download', 'nope')).toBe(2);
    expect(c.err()).toMatch(/Unknown model "nope"/);
    expect(await c.run('download', 'tt.en', '--mirror')).toBe(2);
    expect(await c.run('frobnicate')).toBe(2);
    expect(await c.run()).toBe(2);
    expect(await c.run('mirror', 'https://mirror.example/w')).toBe(0);
    expect(await c.run('mirror')).toBe(0);
    expect(c.out()).toMatch(/https:\/\/mirror\.example\/w\n$/);
  });
});
