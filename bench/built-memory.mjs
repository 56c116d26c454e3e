/**
 * Memory of the analysis thread as the built app runs it: plain Node (no TypeScript loader, whose
 * transpiling would be counted too) starts out/main/analysis-worker.js on a worker thread, as the
 * back end does, and asks it what the back end asks, in the order given: `encode` a take's
 * sentences, `analyze` the take with their vectors (or without them, before any `encode`). Prints
 * one JSON line: the process's resident-set growth in MB after each step (it holds its threads').
 *
 *   node --expose-gc bench/built-memory.mjs out/main/analysis-worker.js take.json encode,analyze '{"maxYoungGenerationSizeMb":8}' 5000
 *
 * The last two arguments: the thread's resource limits, as the back end sets them
 * (THREAD_RESOURCES), and how long it waits with no job before it collects (THREAD_QUIET_MS).
 * take.json: { transcript, texts } (texts: the sentences the engine cuts, to encode).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const [workerFile, takeFile, steps, limits, quiet] = process.argv.slice(2);
if (!workerFile || !takeFile || !steps || !limits || !quiet)
  throw new Error('usage: built-memory.mjs WORKER_JS TAKE_JSON STEPS LIMITS_JSON QUIET_MS');
const { transcript, texts } = JSON.parse(readFileSync(takeFile, 'utf8'));
const MB = 1024 * 1024;
const settle = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss;
};
const before = settle();
const worker = new Worker(resolve(workerFile), { resourceLimits: JSON.parse(limits) });
let next = 0;
const call = (job) =>
  new Promise((resolve, reject) => {
    const id = ++next;
    const onMessage = (reply) => {
      if (reply.id !== id) return;
      worker.off('message', onMessage);
      if (reply.ok) resolve(reply.value);
      else reject(new Error(reply.message));
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, job });
  });
const grown = () => Number(((settle() - before) / MB).toFixed(1));

const grew = {};
let sentenceVectors;
for (const step of steps.split(',')) {
  if (step === 'encode') sentenceVectors = await call({ kind: 'encode', texts });
  else await call({ kind: 'analyze', transcript, options: sentenceVectors ? { sentenceVectors } : {} });
  // The thread collects its garbage once it has had no job for its quiet time (collect-garbage.ts);
  // the collection is let finish too: it briefly takes pages of its own.
  await new Promise((done) => setTimeout(done, Number(quiet) + 500));
  grew[step] = grown();
}
await worker.terminate();
process.stdout.write(`${JSON.stringify(grew)}\n`);
