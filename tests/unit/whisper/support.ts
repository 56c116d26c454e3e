import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  writeRandomWhisperModel,
  type RandomModelShape,
  type WriteRandomModelOptions,
} from '../../fixtures/ggml/write-random-model';

/** Test helpers for the Whisper engine: generated models, the real VAD model, espeak-ng speech. */
export const SAMPLE_RATE = 16000;

/** The real Silero VAD model, read from ../shared/models relative to the project root (never committed). */
export const VAD_MODEL = path.resolve(process.cwd(), '..', 'shared', 'models', 'silero-vad-v6.2.0-ggml.bin');

const FIXTURE_DIR = path.join(os.tmpdir(), 'coach-whisper-fixtures');

export function tmpDir(name: string): string {
  const dir = path.join(FIXTURE_DIR, `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A random-weights Whisper model (deterministic for its arguments). 'chatty' (weightStd 0.5,
 * seed 1) is a tiny-tiny model that emits ~20 tokens for a 9-s sentence — the default std 0.02
 * stops after one token — so token timestamps have something to show.
 */
export async function randomModel(
  name: string,
  shape: RandomModelShape = 'tiny-tiny',
  seed = 1,
  options: WriteRandomModelOptions = {},
): Promise<string> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const file = path.join(FIXTURE_DIR, `${name}.bin`);
  const stamp = `${file}.json`;
  // A change to the writer or the layout must not reuse an old file.
  const writer = ['tests/fixtures/ggml/write-random-model.ts', 'src/backend/services/models/ggml-layout.ts']
    .map((f) => readFileSync(path.resolve(process.cwd(), f)))
    .reduce((h, b) => h.update(b), createHash('sha256'))
    .digest('hex');
  const key = JSON.stringify({ shape, seed, options, writer });
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return file;
  // Test files run in parallel: write aside and rename, so no one ever loads a half-written model.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeRandomWhisperModel(tmp, shape, seed, options);
  renameSync(tmp, file);
  writeFileSync(stamp, key);
  return file;
}

export const chattyModel = () => randomModel('chatty-tiny-tiny', 'tiny-tiny', 1, { weightStd: 0.5 });
export const quietModel = () => randomModel('tiny-tiny-s1', 'tiny-tiny', 1);

function requireTool(tool: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is required for these tests: apt-get install -y espeak-ng sox`);
  }
}

/** PCM of a 16-bit mono WAV (walks the chunks; sox writes a plain 44-byte header). */
export function pcmOfWav(bytes: Buffer): Int16Array {
  let pos = 12;
  while (pos + 8 <= bytes.length) {
    const id = bytes.toString('ascii', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    if (id === 'data') {
      const data = bytes.subarray(pos + 8, Math.min(bytes.length, pos + 8 + size));
      return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length - (data.length % 2)));
    }
    pos += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in WAV');
}

export interface Speech {
  pcm: Int16Array;
  /** Where the spoken part is, in seconds (espeak's own leading/trailing silence trimmed). */
  speechStart: number;
  speechEnd: number;
  durationSec: number;
  wav: string;
}

/** espeak-ng speech, trimmed of its own silence with sox, then padded with exact digital silence. */
export function speak(text: string, name: string, padBefore = 0, padAfter = 0, dir = tmpDir('speech')): Speech {
  requireTool('espeak-ng');
  requireTool('sox');
  const raw = path.join(dir, `${name}.raw.wav`);
  const trimmed = path.join(dir, `${name}.trim.wav`);
  const out = path.join(dir, `${name}.wav`);
  const textFile = path.join(dir, `${name}.txt`);
  writeFileSync(textFile, text);
  execFileSync('espeak-ng', ['-s', '170', '-w', raw, '-f', textFile]);
  // -R: the same bytes every run (sox seeds its dither at random otherwise).
  // silence 1 0.02 0.5% : drop leading audio below 0.5 % for 20 ms; reverse twice for the tail.
  execFileSync('sox', [
    '-R',
    raw,
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    trimmed,
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
    'silence',
    '1',
    '0.02',
    '0.5%',
    'reverse',
  ]);
  execFileSync('sox', ['-R', trimmed, out, 'pad', String(padBefore), String(padAfter)]);
  const speechLen = pcmOfWav(readFileSync(trimmed)).length / SAMPLE_RATE;
  const pcm = pcmOfWav(readFileSync(out));
  return {
    pcm,
    speechStart: padBefore,
    speechEnd: padBefore + speechLen,
    durationSec: pcm.length / SAMPLE_RATE,
    wav: out,
  };
}

export interface CorpusSentence {
  text: string;
}

/** A labelled story from ../shared/corpus/dev as one text. */
export function corpusStory(file: string): { id: string; text: string } {
  const json = JSON.parse(readFileSync(path.resolve(process.cwd(), '..', 'shared', 'corpus', 'dev', file), 'utf8')) as {
    id: string;
    sentences: CorpusSentence[];
  };
  return { id: json.id, text: json.sentences.map((s) => s.text).join(' ') };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True while a process with this pid exists. */
export function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
