import type { Events } from '../../../src/shared/contract';
import type { HandlerContext } from '../../../src/shared/contract-types';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsHandlers } from '../../../src/backend/handlers/models';
import { BenchScheduler } from '../../../src/backend/services/models/bench-scheduler';
import { createWhisperBenchmarker } from '../../../src/backend/services/whisper/whisper-benchmarker';
import { OFFICIAL_CATALOG, type CatalogEntry } from '../../../src/backend/services/models/catalog';
import { hashFile } from '../../../src/backend/services/models/hashing';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { modelsChannels } from '../../../src/shared/channels/models';
import { modelsEvents } from '../../../src/shared/events/models';
import { FileServer } from '../../fixtures/http/file-server';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';

let root = '';
let server: FileServer;
let manager: ModelManager;
let file = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coach-mh-'));
  file = (await writeRandomWhisperModel(join(root, 'm.bin'), 'tiny-tiny', 4)).path;
  const d = await hashFile(file);
  server = new FileServer();
  const base = await server.start();
  server.routes.set('/ggml-tt.en.bin', { body: await readFile(file), trickle: { chunk: 1 << 20, delayMs: 250 } });
  const catalog: CatalogEntry[] = [
    {
      ...(OFFICIAL_CATALOG[0] as CatalogEntry),
      id: 'tt.en',
      fileName: 'ggml-tt.en.bin',
      url: `${base}/ggml-tt.en.bin`,
      bytes: d.bytes,
      sha1: d.sha1,
      sha256: d.sha256,
      shape: null,
    },
    OFFICIAL_CATALOG.find((e) => e.kind === 'vad') as CatalogEntry,
  ];
  manager = new ModelManager({ dataDir: join(root, 'data'), catalog, allowCustomShapes: true });
});
afterAll(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

/** Handlers take the caller's context; these calls emit nothing. */
const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };

describe('models channel handlers', () => {
  it('return what the contract schemas accept and emit progress events', async () => {
    const benchmarker = createWhisperBenchmarker({ threads: 1 });
    const runs: string[] = [];
    // A long quiet time: this test sees the request, not the background run.
    const scheduler = new BenchScheduler({
      run: async () => void runs.push('bench'),
      isBusy: () => false,
      quietMs: 60_000,
    });
    const h = modelsHandlers(manager, async () => null, benchmarker, scheduler);
    expect((await h['models.list']({}, ctx)).benchState).toBe('idle');
    const events: unknown[] = [];
    const out = await h['models.download']({ id: 'tt.en' }, { shell: 'web', emit: (_e, p) => events.push(p) });
    expect(modelsChannels['models.download'].output.parse(out).model.status).toBe('installed');
    expect(events.length).toBeGreaterThan(2);
    for (const e of events) modelsEvents['models.progress'].parse(e);

    const list = modelsChannels['models.list'].output.parse(await h['models.list']({}, ctx));
    expect(list.default).toEqual({ id: 'tt.en', chosenBy: 'fallback' });
    // A new model gets measured in the background once the engine is idle.
    expect(list.benchState).toBe('waiting');
    expect(list.models.map((m) => m.id)).toEqual(['tt.en', 'silero-v6.2.0']);

    expect(modelsChannels['models.importChoose'].output.parse(await h['models.importChoose']({}, ctx))).toEqual({
      chosen: false,
    });
    // The real engine measures the installed model on this machine and records a recommendation.
    const bench = modelsChannels['models.bench'].output.parse(await h['models.bench']({ force: true }, ctx));
    expect(bench.reason.length).toBeGreaterThan(10);
    expect((await h['models.list']({}, ctx)).recommendation?.reason).toBe(bench.reason);

    await h['models.setDefault']({ id: 'tt.en' }, ctx);
    expect((await h['models.list']({}, ctx)).default?.chosenBy).toBe('user');
    await h['models.remove']({ id: 'tt.en' }, ctx);
    expect((await h['models.list']({}, ctx)).default).toBeNull();
    await scheduler.dispose();
    expect(runs).toEqual([]);
  });

  it('refuses the dialog import in the web shell', async () => {
    await expect(
      modelsHandlers(
        manager,
        null,
        createWhisperBenchmarker(),
        new BenchScheduler({ run: async () => undefined, isBusy: () => false }),
      )['models.importChoose']({}, ctx),
    ).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  it('validates channel inputs', () => {
    expect(modelsChannels['models.download'].input.safeParse({ id: '../etc/passwd' }).success).toBe(false);
    expect(modelsChannels['models.download'].input.safeParse({ id: 'base.en', mirrorUrl: 'notaurl' }).success).toBe(
      false,
    );
    expect(modelsChannels['models.setDefault'].input.safeParse({ id: null }).success).toBe(true);
  });
});
