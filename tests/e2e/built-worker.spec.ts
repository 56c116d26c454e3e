import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { WorkerToHost } from '../../src/backend/services/whisper/protocol';
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
