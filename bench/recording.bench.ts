/**
 * `npm run bench:recording` — cost of crash-safe recording on this machine (numbers, no asserts):
 * one 250-ms chunk appended (write + header rewrite + fdatasync) vs the real time it covers,
 * crash repair of a long take, and the resampler's cost per second of 48 kHz capture.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createResampler } from '../src/core/audio/resample';
import { WavAppender } from '../src/backend/services/recording/wav-appender';
import { repairWav } from '../src/backend/services/recording/wav-repair';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const dir = await mkdtemp(path.join(process.env.COACH_BENCH_DIR ?? os.tmpdir(), 'coach-bench-rec-'));
try {
  const file = path.join(dir, 'audio.wav');
  const writer = await WavAppender.create(file, { sampleRate: 16000, channels: 1, bitsPerSample: 16 });
  const chunk = new Uint8Array(8000);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 37) % 251;
  const times: number[] = [];
  const chunks = 1200; // 5 minutes of audio
  const t0 = performance.now();
  for (let i = 0; i < chunks; i++) {
    const t = performance.now();
    await writer.append(chunk);
    times.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  await writer.close();
  console.log(`WAV append (250 ms chunk, header rewrite + fdatasync) in ${dir}:`);
  console.log(`  ${chunks} chunks = ${(chunks / 4 / 60).toFixed(0)} min of audio in ${(total / 1000).toFixed(2)} s`);
  console.log(
    `  per chunk: median ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (budget: 250 ms of real time)`,
  );

  const r0 = performance.now();
  const repaired = await repairWav(file);
  console.log(
    `Repair of a ${repaired.durationSec.toFixed(0)}-s take (already consistent): ${(performance.now() - r0).toFixed(2)} ms`,
  );

  const seconds = 60;
  const input = new Float32Array(48000 * seconds);
  for (let i = 0; i < input.length; i++) input[i] = Math.sin((2 * Math.PI * 440 * i) / 48000) * 0.3;
  const resampler = createResampler(48000, 16000);
  const s0 = performance.now();
  for (let i = 0; i < input.length; i += 128) resampler.process(input.subarray(i, i + 128)); // AudioWorklet block size
  const ms = performance.now() - s0;
  console.log(
    `Resampler 48 kHz → 16 kHz in 128-frame blocks: ${(ms / seconds).toFixed(2)} ms per second of audio (${((ms / (seconds * 1000)) * 100).toFixed(2)} % of real time)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
