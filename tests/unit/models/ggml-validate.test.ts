import { appendFile, copyFile, mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRandomWhisperModel, type WrittenModelInfo } from '../../fixtures/ggml/write-random-model';
import {
  validateModelFile,
  validateVadModel,
  validateWhisperModel,
} from '../../../src/backend/services/models/ggml-validate';
import { ModelValidationError, type ModelFileProblem } from '../../../src/backend/services/models/model-errors';

const VAD_MODEL = join(import.meta.dirname, '../../../../shared/models/silero-vad-v6.2.0-ggml.bin');
const custom = { allowCustomShape: true };

let dir = '';
let tiny: WrittenModelInfo;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-validate-'));
  tiny = await writeRandomWhisperModel(join(dir, 'tiny-tiny.bin'), 'tiny-tiny', 1);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh copy of the good tiny model to damage. */
async function copyOfTiny(): Promise<string> {
  const p = join(dir, `copy-${n++}.bin`);
  await copyFile(tiny.path, p);
  return p;
}

async function patchInt32(file: string, offset: number, value: number): Promise<void> {
  const fh = await open(file, 'r+');
  const b = Buffer.alloc(4);
  b.writeInt32LE(value, 0);
  await fh.write(b, 0, 4, offset);
  await fh.close();
}

async function expectProblem(
  p: Promise<unknown>,
  problem: ModelFileProblem,
  message?: RegExp,
): Promise<ModelValidationError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelValidationError);
  const e = error as ModelValidationError;
  expect(e.problem).toBe(problem);
  expect(e.code).toBe('model_invalid');
  if (message) expect(e.message).toMatch(message);
  return e;
}

function tensor(name: string): WrittenModelInfo['tensorOffsets'][number] {
  const t = tiny.tensorOffsets.find((x) => x.name === name);
  if (!t) throw new Error(`no tensor ${name}`);
  return t;
}

describe('Whisper ggml validation', () => {
  it('accepts a well-formed model and reports its shape', async () => {
    const info = await validateWhisperModel(tiny.path, custom);
    expect(info.shape).toBe('custom');
    expect(info.hparams.n_audio_state).toBe(64);
    expect(info.weightType).toBe('f16');
    expect(info.tensorCount).toBe(tiny.tensorCount);
    expect(info.vocabCount).toBe(51864);
    expect(info.fileBytes).toBe(tiny.bytes);
  });

  it('names the official shape of a tiny.en-shaped file and accepts it without allowCustomShape', async () => {
    const p = join(dir, 'tiny.en.bin');
    await writeRandomWhisperModel(p, 'tiny.en', 2, { vocab: 'bpe' });
    const info = await validateWhisperModel(p);
    expect(info.shape).toBe('tiny.en');
    expect(info.multilingual).toBe(false);
    expect(info.vocabCount).toBe(50256);
    await rm(p);
  });

  it('refuses an unknown shape unless asked to accept custom shapes', async () => {
    await expectProblem(validateWhisperModel(tiny.path), 'unknown_shape', /width 64, 1 encoder/);
  });

  it('refuses an empty file', async () => {
    const p = join(dir, 'empty.bin');
    await writeFile(p, '');
    await expectProblem(validateWhisperModel(p), 'empty', /empty \(0 bytes\)/);
  });

  it('refuses a missing file and a folder', async () => {
    await expectProblem(validateWhisperModel(join(dir, 'nope.bin')), 'not_found');
    await expectProblem(validateWhisperModel(dir), 'not_a_file');
  });

  it.each([
    ['GGUF file', Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60)]), /GGUF/],
    ['HTML error page', Buffer.from('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'), /HTML web page/],
    [
      'Git LFS pointer',
      Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 77704715\n'),
      /Git LFS pointer/,
    ],
    ['JSON error', Buffer.from('{"error":"Repository not found"}'), /JSON/],
    ['ZIP / PyTorch checkpoint', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]), /ZIP/],
    ['random bytes', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3, 200, 201]), /unrecognised binary/],
  ])('refuses a %s with a wrong-magic error that says what it is', async (_label, bytes, message) => {
    const p = join(dir, `magic-${n++}.bin`);
    await writeFile(p, bytes);
    await expectProblem(validateWhisperModel(p), 'wrong_magic', message);
  });

  it('refuses a file cut inside the header', async () => {
    const p = await copyOfTiny();
    await truncate(p, 20);
    await expectProblem(validateWhisperModel(p, custom), 'truncated', /only 20 bytes/);
  });

  it('refuses a file cut inside the vocabulary', async () => {
    const p = await copyOfTiny();
    await truncate(p, 4 + 44 + 8 + 80 * 201 * 4 + 1000);
    await expectProblem(validateWhisperModel(p, custom), 'truncated', /vocabulary/);
  });

  it('refuses a file cut inside a tensor and names the tensor', async () => {
    const p = await copyOfTiny();
    const t = tensor('decoder.token_embedding.weight');
    await truncate(p, t.dataOffset + 100);
    const e = await expectProblem(validateWhisperModel(p, custom), 'truncated', /decoder\.token_embedding\.weight/);
    expect(e.tensor).toBe('decoder.token_embedding.weight');
  });

  it('refuses a file cut cleanly between tensors and names the first missing one', async () => {
    const p = await copyOfTiny();
    const last = tiny.tensorOffsets.at(-1);
    if (!last) throw new Error('no tensors');
    await truncate(p, last.headerOffset);
    const e = await expectProblem(validateWhisperModel(p, custom), 'truncated', /ends after \d+ of \d+ tensors/);
    expect(e.tensor).toBe(last.name);
  });

  it('refuses a tensor whose shape does not match the hyper-parameters', async () => {
    const p = await copyOfTiny();
    const t = tensor('encoder.conv1.weight');
    await patchInt32(p, t.headerOffset + 12 + 4, 81); // ne[1] = n_mels 80 -> 81
    await expectProblem(
      validateWhisperModel(p, custom),
      'wrong_tensor_shape',
      /encoder\.conv1\.weight.*\[3, 81, 64\].*\[3, 80, 64\]/,
    );
  });

  it('refuses hyper-parameters that disagree with the tensors (a wrong-shape model)', async () => {
    const p = await copyOfTiny();
    await patchInt32(p, 4 + 4 * 4, 2); // n_audio_layer 1 -> 2: the table now lacks encoder.blocks.1
    await expectProblem(
      validateWhisperModel(p, custom),
      'missing_tensors',
      /lacks tensor 'encoder\.blocks\.1\.attn\.query\.weight'/,
    );
  });

  it('refuses a tensor stored in the wrong type', async () => {
    const p = await copyOfTiny();
    await patchInt32(p, tensor('encoder.blocks.0.attn.query.weight').headerOffset + 8, 0);
    await expectProblem(validateWhisperModel(p, custom), 'wrong_tensor_type', /stored as f32 but this model needs f16/);
  });

  it('refuses an unknown tensor name', async () => {
    const p = await copyOfTiny();
    const t = tensor('encoder.ln_post.bias');
    const fh = await open(p, 'r+');
    await fh.write(Buffer.from('X'), 0, 1, t.headerOffset + 12 + 4); // 1-D tensor: name follows one ne
    await fh.close();
    await expectProblem(validateWhisperModel(p, custom), 'unknown_tensor', /Xncoder\.ln_post\.bias/);
  });

  it('refuses impossible hyper-parameters', async () => {
    const p = await copyOfTiny();
    await patchInt32(p, 4, 1000); // n_vocab
    await expectProblem(validateWhisperModel(p, custom), 'bad_hparams', /n_vocab = 1000/);
    const q = await copyOfTiny();
    await patchInt32(q, 4 + 6 * 4, 32); // n_text_state 64 -> 32
    await expectProblem(validateWhisperModel(q, custom), 'bad_hparams', /differs from n_text_state/);
  });

  it('refuses a corrupt mel filter bank', async () => {
    const p = await copyOfTiny();
    const fh = await open(p, 'r+');
    const nan = Buffer.alloc(4);
    nan.writeFloatLE(Number.NaN, 0);
    await fh.write(nan, 0, 4, 4 + 44 + 8 + 4 * 500);
    await fh.close();
    await expectProblem(validateWhisperModel(p, custom), 'bad_mel_filters', /index 500/);
  });

  it('refuses bytes after the last tensor', async () => {
    const p = await copyOfTiny();
    await appendFile(p, Buffer.alloc(32, 7));
    await expectProblem(validateWhisperModel(p, custom), 'trailing_data', /32 unexpected bytes/);
  });
});

describe('Silero VAD ggml validation', () => {
  const haveVad = existsSync(VAD_MODEL);

  it.skipIf(!haveVad)('accepts the real Silero VAD v6.2.0 model', async () => {
    const info = await validateVadModel(VAD_MODEL);
    expect(info.hparams.modelType).toBe('silero-16k');
    expect(info.hparams.version).toBe('6.2.0');
    expect(info.hparams.nWindow).toBe(512);
    expect(info.tensorCount).toBe(15);
    const any = await validateModelFile(VAD_MODEL);
    expect(any.kind).toBe('vad');
  });

  it.skipIf(!haveVad)('refuses a truncated VAD model and names the tensor', async () => {
    const p = join(dir, 'vad-cut.bin');
    await copyFile(VAD_MODEL, p);
    await truncate(p, 885098 - 1000);
    await expectProblem(validateVadModel(p), 'truncated', /_model\.stft\.forward_basis_buffer/);
  });

  it.skipIf(!haveVad)('tells a VAD model and a Whisper model apart', async () => {
    await expectProblem(validateWhisperModel(VAD_MODEL), 'wrong_model_kind', /voice-activity/);
    await expectProblem(validateVadModel(tiny.path, custom), 'wrong_model_kind', /Whisper speech model/);
  });

  it.skipIf(!haveVad)('refuses a VAD model with a wrong layer size', async () => {
    const p = join(dir, 'vad-shape.bin');
    await copyFile(VAD_MODEL, p);
    // header: magic, len(10), "silero-16k", 3 ints version, window, context, n_layers, then (in,out,k)
    await patchInt32(p, 4 + 4 + 10 + 5 * 4 + 4, 130); // encoder 0 in_channels 129 -> 130
    await expectProblem(validateVadModel(p), 'wrong_tensor_shape', /encoder\.0\.reparam_conv\.weight/);
  });
});
