import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from '@playwright/test';
import type { WorkerToHost } from '../../src/backend/services/whisper/protocol';
import type {
  AnalysisJob,
  AnalysisReply,
  AnalysisRequest,
} from '../../src/backend/services/analysis/analysis-protocol';
import { transcriptFromText } from '../../src/core/transcript/from-text';
import { writeRandomWhisperModel } from '../fixtures/ggml/write-random-model';

/**
 * The desktop app runs the transcriber from the *bundled* worker (out/main/worker.js) as a
 * utilityProcess. Bundling can break what works from source, so start the built file for real and
 * load a generated model and the real VAD model with it.
 */
test('the built transcriber worker starts, loads a model and reports its build', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-worker-'));
  try {
    const modelPath = path.join(dir, 'tiny-tiny.bin');
    await writeRandomWhisperModel(modelPath, 'tiny-tiny', 3);
    const child = fork('out/main/worker.js', [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const ready = await new Promise<WorkerToHost>((resolve, reject) => {
      child.on('message', (m) => resolve(m as WorkerToHost));
      child.on('exit', (code) => reject(new Error(`worker exited with ${String(code)} before answering`)));
      child.send({
        type: 'init',
        modelPath,
        vadModelPath: path.resolve('../shared/models/silero-vad-v6.2.0-ggml.bin'),
        threads: 1,
        flashAttn: false,
      });
    }).finally(() => child.kill('SIGKILL'));
    expect(ready).toMatchObject({ type: 'ready', vadLoaded: true });
    if (ready.type === 'ready') expect(['native', 'prebuilt']).toContain(ready.build);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * The analysis thread, as bundled: it encodes a take's sentences without loading the engine (its
 * bundle imports the engine's chunk only when an engine job comes), and still runs engine jobs.
 */
test('the built analysis thread encodes without the engine and analyses on request', async () => {
  const file = path.resolve('out/main/analysis-worker.js');
  const source = await readFile(file, 'utf8');
  const engineChunk = /analysis-jobs-[\w-]+\.js/;
  expect(source).toMatch(engineChunk);
  for (const line of source.split('\n').filter((l) => engineChunk.test(l)))
    expect(line).toMatch(/import\(\s*["']\.\/chunks\/analysis-jobs-/);
  const worker = new Worker(file);
  try {
    const call = (id: number, job: AnalysisJob) =>
      new Promise<AnalysisReply>((resolve) => {
        const onMessage = (reply: AnalysisReply) => {
          if (reply.id !== id) return;
          worker.off('message', onMessage);
          resolve(reply);
        };
        worker.on('message', onMessage);
        worker.postMessage({ id, job } satisfies AnalysisRequest);
      });
    const texts = ['The pager went off at three in the morning.', 'We rolled the deploy back.'];
    const encoded = await call(1, { kind: 'encode', texts });
    expect(encoded.ok).toBe(true);
    if (encoded.ok) expect(Object.keys(encoded.value).sort()).toEqual([...texts].sort());
    const analysed = await call(2, { kind: 'analyze', transcript: transcriptFromText(texts.join(' ')), options: {} });
    expect(analysed).toMatchObject({ ok: true, value: { sentences: [{}, {}] } });
  } finally {
    await worker.terminate();
  }
});
