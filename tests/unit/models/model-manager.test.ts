import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';
import { OFFICIAL_CATALOG, type CatalogEntry } from '../../../src/backend/services/models/catalog';
import { hashFile } from '../../../src/backend/services/models/hashing';
import { ModelManager, mirrorFileUrl } from '../../../src/backend/services/models/model-manager';
import { loadModelSettings, modelSettingsPath } from '../../../src/backend/services/models/model-settings';
import { ModelValidationError } from '../../../src/backend/services/models/model-errors';
import type { ModelBenchmarker } from '../../../src/backend/services/models/recommend';

let root = '';
let fileA = '';
let fileB = '';
let fileC = '';
let dataDir = '';
let n = 0;
let catalog: CatalogEntry[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coach-mm-'));
  fileA = (await writeRandomWhisperModel(join(root, 'ggml-my-finetune.bin'), 'tiny-tiny', 1)).path;
  fileB = (await writeRandomWhisperModel(join(root, 'other.bin'), 'tiny-tiny', 2)).path;
  fileC = (await writeRandomWhisperModel(join(root, 'third.bin'), 'tiny-tiny', 3)).path;
  const a = await hashFile(fileA);
  // A catalog whose "tt.en" is file A, so importing file A must install it as that official model.
  catalog = [
    {
      ...(OFFICIAL_CATALOG[0] as CatalogEntry),
      id: 'tt.en',
      fileName: 'ggml-tt.en.bin',
      bytes: a.bytes,
      sha1: a.sha1,
      sha256: a.sha256,
      shape: null,
      rank: 1,
    },
    {
      ...(OFFICIAL_CATALOG[2] as CatalogEntry),
      id: 'tt-base.en',
      fileName: 'ggml-tt-base.en.bin',
      bytes: 1,
      sha1: null,
      sha256: '0'.repeat(64),
      shape: null,
      rank: 2,
    },
    OFFICIAL_CATALOG.find((e) => e.kind === 'vad') as CatalogEntry,
  ];
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  dataDir = join(root, `data-${n++}`);
});

function mm(): ModelManager {
  return new ModelManager({ dataDir, catalog, allowCustomShapes: true, now: () => new Date('2026-01-02T03:04:05Z') });
}

describe('model manager: import, list, default, remove, disk use', () => {
  it('installs an imported file that matches an official checksum as that official model', async () => {
    const m = mm();
    const e = await m.importFile(fileA);
    expect(e.id).toBe('tt.en');
    expect(e.source).toBe('official');
    expect(e.status).toBe('installed');
    expect(e.path).toBe(join(dataDir, 'models', 'ggml-tt.en.bin'));
    expect((await loadModelSettings(dataDir)).imported).toEqual([]);
  });

  it('lists any other valid file as an imported model named after the file', async () => {
    const m = mm();
    const e = await m.importFile(fileB);
    expect(e).toMatchObject({ id: 'other', source: 'imported', status: 'installed', kind: 'whisper' });
    const again = await m.importFile(fileB);
    expect(again.id).toBe('other');
    const s = await loadModelSettings(dataDir);
    expect(s.imported).toHaveLength(1);
    expect(s.imported[0]).toMatchObject({
      id: 'other',
      originalName: 'other.bin',
      shape: 'custom',
      importedAt: '2026-01-02T03:04:05.000Z',
    });
    await expect(m.importFile(fileC, { id: 'other' })).rejects.toThrow(/already exists/);
    await expect(m.importFile(fileC, { id: 'tt.en' })).rejects.toThrow(/already exists/);
    expect((await m.importFile(fileC, { id: 'mine' })).id).toBe('mine');
    // The names an error offers are the current list, imported models included.
    await expect(m.setDefault('nope')).rejects.toThrow(/Known: .*\bother\b.*\bmine\b/);
    await expect(m.resolveModel('nope')).rejects.toThrow(/Known: .*\bmine\b/);
    await expect(m.remove('nope')).rejects.toThrow(/Known: .*\bmine\b/);
  });

  it('validates before importing and copies nothing on failure', async () => {
    const bad = join(root, 'page.bin');
    await writeFile(bad, '<!DOCTYPE html><html>Sign in</html>');
    const error = await mm()
      .importFile(bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelValidationError);
    expect((error as ModelValidationError).problem).toBe('wrong_magic');
    expect(await readdir(join(dataDir, 'models')).catch(() => [])).toEqual([]);
  });

  it('refuses a custom-shaped file when custom shapes are not allowed (user imports)', async () => {
    const m = new ModelManager({ dataDir, catalog });
    await expect(m.importFile(fileB)).rejects.toMatchObject({ problem: 'unknown_shape' });
  });

  it('imports the real Silero VAD model and reports its path', async () => {
    const vad = join(import.meta.dirname, '../../../../shared/models/silero-vad-v6.2.0-ggml.bin');
    const m = mm();
    const e = await m.importFile(vad);
    expect(e).toMatchObject({ id: 'silero-v6.2.0', kind: 'vad', source: 'official', isDefault: true });
    expect(await m.vadModelPath()).toBe(join(dataDir, 'models', 'ggml-silero-v6.2.0.bin'));
  });

  it('chooses the default: user choice, else recommendation, else a fallback', async () => {
    const m = mm();
    expect(await m.getDefault()).toBeNull();
    await expect(m.resolveModel()).rejects.toMatchObject({ code: 'model_missing' });
    await m.importFile(fileA); // tt.en
    await m.importFile(fileB); // other
    expect((await m.getDefault())?.chosenBy).toBe('fallback');
    await m.recordBench(
      [
        { modelId: 'tt.en', audioSec: 60, processingSec: 6 },
        { modelId: 'other', audioSec: 60, processingSec: 1 },
      ],
      'test-machine',
    );
    expect(await m.getDefault()).toMatchObject({ id: 'tt.en', chosenBy: 'recommendation' });
    await m.setDefault('other');
    expect(await m.getDefault()).toMatchObject({ id: 'other', chosenBy: 'user' });
    expect((await m.list()).filter((e) => e.isDefault).map((e) => e.id)).toEqual(['other']);
    expect((await m.resolveModel()).id).toBe('other');
    expect((await m.resolveModel('tt.en')).path).toBe(join(dataDir, 'models', 'ggml-tt.en.bin'));
    expect((await m.resolveModel(fileB)).id).toBeNull();
    await expect(m.setDefault('tt-base.en')).rejects.toMatchObject({ code: 'model_missing' });
    await expect(m.setDefault('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(m.setDefault('silero-v6.2.0')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(m.resolveModel('tt-base.en')).rejects.toThrow(/coach models download tt-base\.en/);

    await m.remove('other');
    expect((await loadModelSettings(dataDir)).defaultModel).toBeNull();
    expect(await m.getDefault()).toMatchObject({ id: 'tt.en', chosenBy: 'recommendation' });
    expect((await m.list()).map((e) => e.id)).not.toContain('other');
    await expect(m.remove('tt-base.en')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports disk use including partial downloads', async () => {
    const m = mm();
    const a = await m.importFile(fileA);
    await writeFile(join(dataDir, 'models', 'ggml-tt-base.en.bin.part'), Buffer.alloc(1234));
    const use = await m.diskUsage();
    expect(use.partialBytes).toBe(1234);
    expect(use.totalBytes).toBe((a.bytes ?? 0) + 1234);
    expect(use.models).toContainEqual({ id: 'tt.en', bytes: a.bytes });
    expect((await m.list()).find((e) => e.id === 'tt-base.en')).toMatchObject({
      status: 'partial',
      partialBytes: 1234,
    });
  });

  it('marks an installed file of the wrong size as damaged and not usable as default', async () => {
    const m = mm();
    await mkdir(join(dataDir, 'models'), { recursive: true });
    await writeFile(join(dataDir, 'models', 'ggml-tt-base.en.bin'), Buffer.alloc(10));
    const list = await m.list();
    expect(list.find((e) => e.id === 'tt-base.en')?.status).toBe('damaged');
    expect((await m.getDefault())?.id).not.toBe('tt-base.en');
  });

  it('runs the one-time bench through the host interface and stores the recommendation', async () => {
    const m = mm();
    await m.importFile(fileA);
    await m.importFile(fileB);
    const calls: string[] = [];
    const bench: ModelBenchmarker = {
      machineKey: async () => 'cpu-x|native',
      benchModel: async (file) => {
        calls.push(file);
        return { audioSec: 30, processingSec: file.includes('tt.en') ? 3 : 15 };
      },
    };
    const rec = await m.runBench(bench);
    expect(calls).toHaveLength(2);
    expect(rec.modelId).toBe('tt.en');
    const again = await m.runBench(bench); // same machine: not re-run
    expect(calls).toHaveLength(2);
    expect(again.modelId).toBe('tt.en');
    const s = await loadModelSettings(dataDir);
    expect(s.bench).toMatchObject({ machine: 'cpu-x|native', recommended: 'tt.en' });
  });

  it('measures only models not yet measured on this machine, and forgets removed ones', async () => {
    const m = mm();
    await m.importFile(fileA);
    const calls: string[] = [];
    let machine = 'cpu-x|native';
    const bench: ModelBenchmarker = {
      machineKey: async () => machine,
      benchModel: async (file) => {
        calls.push(file);
        // tt.en keeps up (0.1x); the imported model is slower but still under 0.3x.
        return { audioSec: 30, processingSec: file.includes('tt.en') ? 3 : 6 };
      },
    };
    expect((await m.runBench(bench)).modelId).toBe('tt.en');
    expect(calls).toHaveLength(1);

    await m.importFile(fileB); // installed later: measured alone
    await m.runBench(bench);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toContain('other');
    expect((await loadModelSettings(dataDir)).bench?.results.map((r) => r.modelId).sort()).toEqual(['other', 'tt.en']);

    await m.runBench(bench); // nothing new: no run
    expect(calls).toHaveLength(2);

    await m.remove('tt.en'); // the recommended model is gone: the recommendation moves on
    const after = await m.runBench(bench);
    expect(calls).toHaveLength(2);
    expect(after.modelId).toBe('other');
    expect((await m.getDefault())?.id).toBe('other');

    machine = 'cpu-y|prebuilt'; // another machine or engine build: everything again
    await m.runBench(bench);
    expect(calls).toHaveLength(3);
    await m.runBench(bench, { force: true });
    expect(calls).toHaveLength(4);
  });

  it('stops a bench when its signal aborts and keeps the earlier results', async () => {
    const m = mm();
    await m.importFile(fileA);
    await m.importFile(fileB);
    const controller = new AbortController();
    const bench: ModelBenchmarker = {
      machineKey: async () => 'cpu-x|native',
      benchModel: async () => {
        controller.abort();
        return { audioSec: 30, processingSec: 3 };
      },
    };
    await expect(m.runBench(bench, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect((await loadModelSettings(dataDir)).bench).toBeNull();
  });

  it('writes settings atomically and survives a corrupt settings file', async () => {
    const m = mm();
    await m.setMirror('https://mirror.example/whisper');
    const file = modelSettingsPath(dataDir);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      mirrorUrl: 'https://mirror.example/whisper',
    });
    expect((await readdir(join(dataDir, 'settings'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await writeFile(file, '{"version": 1, "defaultModel": ');
    expect((await loadModelSettings(dataDir)).mirrorUrl).toBeNull();
    expect((await readdir(join(dataDir, 'settings'))).some((f) => f.startsWith('models.json.corrupt-'))).toBe(true);
    await expect(m.setMirror('ftp://x')).rejects.toThrow(/http/);
  });

  it('joins mirror URLs with file names', () => {
    expect(mirrorFileUrl('https://m.example/whisper', 'ggml-base.en.bin')).toBe(
      'https://m.example/whisper/ggml-base.en.bin',
    );
    expect(mirrorFileUrl('https://m.example/whisper/', 'ggml-base.en.bin')).toBe(
      'https://m.example/whisper/ggml-base.en.bin',
    );
    expect(() => mirrorFileUrl('not a url', 'x')).toThrow(/not a valid URL/);
  });
});
