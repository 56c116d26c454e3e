/**
 * `npm run bench:analyze`: median time of analyzeTranscript for Whisper-like transcripts of about
 * 1, 5, 15 and 60 minutes, built by repeating corpus stories back to back, plus the size of the
 * learned model's files, how much memory loading the engine adds and what the story reader costs
 * against the engine without it. Prints numbers only; never asserts on time (targets: < 100 ms
 * for 15 minutes, model files <= 30 MB, memory <= 200 MB).
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, transcriptOfMinutes } from './corpus';

const MB = 1024 * 1024;
const modelFile = fileURLToPath(new URL('../src/core/analysis/layer-model.json', import.meta.url));
const vectorsFile = fileURLToPath(new URL('../src/core/analysis/word-vectors.json', import.meta.url));
const readerFile = fileURLToPath(new URL('../src/core/analysis/story-reader.json', import.meta.url));
const before = process.memoryUsage().rss;
const { analyzeTranscript } = await import('../src/core/analysis/analyze');
analyzeTranscript(transcriptOfMinutes(1));
const loaded = process.memoryUsage().rss;
console.log(
  `model files: ${((statSync(modelFile).size + statSync(vectorsFile).size + statSync(readerFile).size) / MB).toFixed(2)} MB (layer model ${(statSync(modelFile).size / MB).toFixed(2)} MB, story reader ${(statSync(readerFile).size / MB).toFixed(2)} MB, word vectors ${(statSync(vectorsFile).size / MB).toFixed(2)} MB)`,
);
console.log(`memory added by loading the engine and analysing once: ${((loaded - before) / MB).toFixed(1)} MB (rss)`);

const sizes = [1, 5, 15, 60];
// Warm the JIT and regex caches once on a mid-size input so the first size is not penalised.
for (let i = 0; i < 5; i++) analyzeTranscript(transcriptOfMinutes(5));
console.log('minutes  words  sentences  median ms  ms/min   (runs)');
for (const minutes of sizes) {
  const transcript = transcriptOfMinutes(minutes);
  const words = transcript.segments.reduce((n, s) => n + (s.words?.length ?? 0), 0);
  const runs = minutes >= 60 ? 9 : 21;
  for (let i = 0; i < 3; i++) analyzeTranscript(transcript); // warm-up (JIT, regex compilation)
  const times: number[] = [];
  let sentences = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const a = analyzeTranscript(transcript);
    times.push(performance.now() - t0);
    sentences = a.sentences.length;
  }
  const ms = median(times);
  console.log(
    `${String(minutes).padStart(7)}  ${String(words).padStart(5)}  ${String(sentences).padStart(9)}  ${ms.toFixed(2).padStart(9)}  ${(ms / minutes).toFixed(2).padStart(6)}   (${runs})`,
  );
}

// What the story reader costs, against the same engine without it, in the same run.
const { classifySentences, DEFAULT_CLASSIFIER_MODEL } = await import('../src/core/analysis/classify');
const texts = analyzeTranscript(transcriptOfMinutes(15)).sentences.map((s) => s.text);
const timed = (reader: typeof DEFAULT_CLASSIFIER_MODEL.reader) => {
  const model = { ...DEFAULT_CLASSIFIER_MODEL, reader };
  for (let i = 0; i < 3; i++) classifySentences(texts, {}, model);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    classifySentences(texts, {}, model);
    times.push(performance.now() - t0);
  }
  return median(times);
};
const withReader = timed(DEFAULT_CLASSIFIER_MODEL.reader);
const without = timed(null);
console.log(
  `labelling 15 minutes (${texts.length} sentences): ${withReader.toFixed(2)} ms with the story reader, ${without.toFixed(2)} ms without (×${(withReader / without).toFixed(2)})`,
);
