/**
 * Prints (never asserts) the speed of the model-file and audio-import paths:
 *   npx tsx bench/models-audio.ts
 * - random ggml writer (tests' fixture), validator, SHA-1+SHA-256 hashing on tiny-tiny / tiny.en / base.en shapes
 * - resampler throughput (48 kHz, 44.1 kHz → 16 kHz)
 * - decoding 60 s of 44.1 kHz stereo WAV / MP3 / FLAC made with sox (skipped without sox)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resample } from '../src/core/audio/resample';
import { decodeAudioFile } from '../src/backend/services/audio/decode-audio';
import { validateModelFile } from '../src/backend/services/models/ggml-validate';
import { hashFile } from '../src/backend/services/models/hashing';
import { writeRandomWhisperModel } from '../tests/fixtures/ggml/write-random-model';

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

const dir = await mkdtemp(join(tmpdir(), 'coach-bench-'));
try {
  console.log('model files');
  for (const shape of ['tiny-tiny', 'tiny.en', 'base.en'] as const) {
    const file = join(dir, `${shape}.bin`);
    const [info, writeMs] = await time(() => writeRandomWhisperModel(file, shape, 1));
    await validateModelFile(file, { allowCustomShape: true }); // warm-up
    const [, validateMs] = await time(() => validateModelFile(file, { allowCustomShape: true }));
    const [, hashMs] = await time(() => hashFile(file));
    console.log(
      `  ${shape.padEnd(9)} ${(info.bytes / 1e6).toFixed(1).padStart(6)} MB  write ${writeMs.toFixed(0).padStart(5)} ms  validate ${validateMs.toFixed(1).padStart(5)} ms  sha1+sha256 ${hashMs.toFixed(0).padStart(5)} ms (${(info.bytes / 1e6 / (hashMs / 1000)).toFixed(0)} MB/s)`,
    );
    await rm(file);
  }

  console.log('resampler (60 s mono)');
  for (const rate of [48000, 44100]) {
    const x = new Float32Array(rate * 60).map((_, i) => Math.sin(i / 7));
    const [, ms] = await time(() => resample(x, rate, 16000));
    console.log(`  ${rate} → 16000 Hz: ${ms.toFixed(0)} ms (${(60000 / ms).toFixed(0)}× real time)`);
  }

  try {
    execFileSync('sox', ['--version'], { stdio: 'ignore' });
    console.log('decode 60 s, 44.1 kHz stereo → 16 kHz mono');
    for (const ext of ['wav', 'mp3', 'flac']) {
      const f = join(dir, `speech.${ext}`);
      execFileSync(
        'sox',
        [
          '-R',
          '-n',
          '-r',
          '44100',
          '-c',
          '2',
          ...(ext === 'wav' ? ['-b', '16'] : []),
          f,
          'synth',
          '60',
          'pinknoise',
          'vol',
          '0.3',
        ],
        { stdio: 'ignore' },
      );
      const size = (await stat(f)).size;
      await decodeAudioFile(f); // warm-up (wasm compile)
      const [d, ms] = await time(() => decodeAudioFile(f));
      console.log(
        `  ${ext.padEnd(4)} ${(size / 1e6).toFixed(1).padStart(5)} MB  ${ms.toFixed(0).padStart(5)} ms  (${(60000 / ms).toFixed(0)}× real time, ${d.samples.length} samples)`,
      );
    }
  } catch (error) {
    console.log(`  audio decode skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
