import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CorpusStory {
  id: string;
  prompt: string;
  text: string;
}

export const CORPUS_DIR = path.resolve(
  process.env.COACH_CORPUS_DIR ?? path.join(process.cwd(), '..', 'shared', 'corpus', 'dev'),
);

export async function loadStory(file: string): Promise<CorpusStory> {
  const json = JSON.parse(await readFile(path.join(CORPUS_DIR, file), 'utf8')) as {
    id: string;
    prompt: string;
    sentences: { text: string }[];
  };
  return { id: json.id, prompt: json.prompt, text: json.sentences.map((s) => s.text).join(' ') };
}

export interface RenderedSpeech {
  /** What Chromium's fake microphone plays: 48 kHz mono 16-bit PCM WAV. */
  fakeMicWav: string;
  /** The same speech at 16 kHz, to compare the app's recording against. */
  reference16k: Int16Array;
  durationSec: number;
}

/** PCM samples of a canonical 16-bit mono WAV written by sox (header is 44 bytes). */
export function pcmOf(bytes: Buffer): Int16Array {
  let pos = 12;
  while (pos + 8 <= bytes.length) {
    const id = bytes.toString('ascii', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    if (id === 'data') {
      const data = bytes.subarray(pos + 8, pos + 8 + size);
      return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length - (data.length % 2)));
    }
    pos += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/**
 * Speaks `text` with espeak-ng and converts it with sox to what Chromium's
 * --use-file-for-fake-audio-capture reads (PCM WAV), plus a 16 kHz reference copy.
 */
export async function renderSpeech(
  text: string,
  dir: string,
  name: string,
  options: { leadSilenceSec?: number } = {},
): Promise<RenderedSpeech> {
  await mkdir(dir, { recursive: true });
  const textFile = path.join(dir, `${name}.txt`);
  const raw = path.join(dir, `${name}.espeak.wav`);
  const fakeMicWav = path.join(dir, `${name}.48k.wav`);
  const ref = path.join(dir, `${name}.16k.wav`);
  await writeFile(textFile, text);
  execFileSync('espeak-ng', ['-s', '185', '-w', raw, '-f', textFile]);
  // `-R` (here and below): sox seeds its dither at random otherwise, so every run would hear other audio.
  const pad = options.leadSilenceSec ? ['pad', String(options.leadSilenceSec), '0'] : [];
  execFileSync('sox', ['-R', raw, '-r', '48000', '-c', '1', '-b', '16', '-e', 'signed-integer', fakeMicWav, ...pad]);
  execFileSync('sox', ['-R', raw, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', ref, ...pad]);
  const reference16k = pcmOf(await readFile(ref));
  return { fakeMicWav, reference16k, durationSec: reference16k.length / 16000 };
}

/** A silent WAV for the "no speech" path. */
export function renderSilence(dir: string, name: string, seconds: number): string {
  const file = path.join(dir, `${name}.48k.wav`);
  execFileSync('sox', [
    '-R',
    '-n',
    '-r',
    '48000',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    file,
    'trim',
    '0',
    String(seconds),
  ]);
  return file;
}

/** A full-scale square wave: every block clips, as a microphone with its gain too high does. */
export function renderClipping(dir: string, name: string, seconds: number): string {
  const file = path.join(dir, `${name}.48k.wav`);
  const format = ['-r', '48000', '-c', '1', '-b', '16', '-e', 'signed-integer'];
  execFileSync('sox', ['-R', '-n', ...format, file, 'synth', String(seconds), 'square', '220', 'vol', '1']);
  return file;
}

/**
 * Loudness envelope of 16 kHz samples: RMS over 50-ms windows taken every 10 ms, so an alignment
 * search is accurate to 10 ms (a recording starts at an arbitrary point of the looping source).
 */
export function envelope(samples: Int16Array, hop = 160, window = 800): Float64Array {
  const out = new Float64Array(Math.max(0, Math.floor((samples.length - window) / hop) + 1));
  for (let f = 0; f < out.length; f++) {
    let sum = 0;
    for (let i = f * hop; i < f * hop + window; i++) sum += (samples[i] ?? 0) ** 2;
    out[f] = Math.sqrt(sum / window);
  }
  return out;
}

/**
 * Best Pearson correlation of `recorded`'s envelope against the looping `reference` envelope over
 * every circular lag: high only if the recording is the reference audio, in order, without gaps.
 */
export function bestLoopedCorrelation(
  recorded: Float64Array,
  reference: Float64Array,
): { r: number; lagFrames: number } {
  let best = { r: -1, lagFrames: 0 };
  const n = recorded.length;
  const meanR = recorded.reduce((a, b) => a + b, 0) / n;
  for (let lag = 0; lag < reference.length; lag++) {
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    let meanS = 0;
    for (let i = 0; i < n; i++) meanS += reference[(lag + i) % reference.length] ?? 0;
    meanS /= n;
    for (let i = 0; i < n; i++) {
      const x = (recorded[i] ?? 0) - meanR;
      const y = (reference[(lag + i) % reference.length] ?? 0) - meanS;
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
    }
    const r = sxy / Math.sqrt(sxx * syy || 1);
    if (r > best.r) best = { r, lagFrames: lag };
  }
  return best;
}

/**
 * Whether a take runs on without a jump at `atSample`: the stretch before it and the 3 s after it
 * (each clear of it by 250 ms) are lined up with the looping `reference` on their own, and
 * `driftSec` is how far the second lines up from where the first says it should (a lost 250-ms
 * chunk shows as +0.25 s, a chunk sent twice as −0.25 s). A capture glitch elsewhere in the take
 * (a loaded machine's audio thread missing a deadline) leaves it alone.
 */
export function continuityAt(
  samples: Int16Array,
  reference16k: Int16Array,
  atSample: number,
): { driftSec: number; rBefore: number; rAfter: number } {
  const hop = 160;
  const clear = 4000;
  const reference = envelope(reference16k, hop);
  const before = bestLoopedCorrelation(envelope(samples.subarray(0, atSample - clear), hop), reference);
  const afterStart = atSample + clear;
  const after = bestLoopedCorrelation(envelope(samples.subarray(afterStart, afterStart + 3 * 16000), hop), reference);
  const n = reference.length;
  const expected = (before.lagFrames + Math.round(afterStart / hop)) % n;
  const drift = ((((after.lagFrames - expected) % n) + n + n / 2) % n) - n / 2;
  return { driftSec: (drift * hop) / 16000, rBefore: before.r, rAfter: after.r };
}
