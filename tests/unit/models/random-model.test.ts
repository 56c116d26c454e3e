import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initWhisper } from '@fugood/whisper.node';
import {
  TINY_TINY_SHAPE,
  buildVocabulary,
  float32ToFloat16Bits,
  whisperMelFilters,
  writeRandomWhisperModel,
} from '../../fixtures/ggml/write-random-model';
import {
  GGML_FILE_MAGIC,
  OFFICIAL_SHAPES,
  specialTokenIds,
  whisperTensorTable,
} from '../../../src/backend/services/models/ggml-layout';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-ggml-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('random ggml Whisper model writer', () => {
  it('puts special tokens at whisper.cpp ids for English and multilingual vocabularies', () => {
    const en = buildVocabulary(51864).map((b) => b.toString('utf8'));
    expect(en).toHaveLength(51864);
    expect(en[50256]).toBe('<|endoftext|>');
    expect(en[50257]).toBe('<|startoftranscript|>');
    expect(en[50258]).toBe('<|en|>');
    expect(en[50357]).toBe('<|translate|>');
    expect(en[50362]).toBe('<|notimestamps|>');
    expect(en[50363]).toBe('<|0.00|>');
    expect(en[51863]).toBe('<|30.00|>');

    const ml = buildVocabulary(51865).map((b) => b.toString('utf8'));
    const ids = specialTokenIds(51865);
    expect(ml[ids.eot]).toBe('<|endoftext|>');
    expect(ml[ids.sot]).toBe('<|startoftranscript|>');
    expect(ml[ids.transcribe]).toBe('<|transcribe|>');
    expect(ml[ids.beg]).toBe('<|0.00|>');

    const v3 = buildVocabulary(51866).map((b) => b.toString('utf8'));
    expect(v3[specialTokenIds(51866).sot + 100]).toBe('<|yue|>');
    expect(buildVocabulary(51864, 'bpe')).toHaveLength(50256);
  });

  it('builds the Slaney mel filter bank (each filter a triangle with unit area in Hz/2)', () => {
    const f = whisperMelFilters(80);
    expect(f).toHaveLength(80 * 201);
    // librosa's first filter of whisper's mel_80 peaks at bin 1 with weight 0.02486
    expect(f[1]).toBeCloseTo(0.02486, 4);
    expect(Math.max(...f)).toBeLessThan(0.03);
  });

  it('converts floats to binary16 bits', () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(0.1)).toBe(0x2e66);
    expect(float32ToFloat16Bits(1e-8)).toBe(0);
    expect(float32ToFloat16Bits(70000)).toBe(0x7c00);
  });

  it('writes the header and the tensor table of the requested shape', async () => {
    const path = join(dir, 'tiny-en.bin');
    const info = await writeRandomWhisperModel(path, 'tiny.en', 7);
    const buf = await readFile(path);
    expect(buf.length).toBe(info.bytes);
    expect(buf.readUInt32LE(0)).toBe(GGML_FILE_MAGIC);
    expect(buf.readInt32LE(4)).toBe(51864);
    expect(buf.readInt32LE(12)).toBe(384);
    expect(info.tensorCount).toBe(whisperTensorTable(OFFICIAL_SHAPES['tiny.en']).length);
    // same parameter count as the real tiny.en (77.11 MB of tensors, per whisper.cpp's log)
    const tensorBytes = info.tensorOffsets.reduce((a, t) => a + t.dataBytes, 0);
    expect(tensorBytes / 1e6).toBeCloseTo(77.11, 2);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await writeRandomWhisperModel(join(dir, 'a.bin'), 'tiny-tiny', 3);
    const b = await writeRandomWhisperModel(join(dir, 'b.bin'), 'tiny-tiny', 3);
    const c = await writeRandomWhisperModel(join(dir, 'c.bin'), 'tiny-tiny', 4);
    const [ba, bb, bc] = await Promise.all([a, b, c].map((i) => readFile(i.path)));
    expect(ba?.equals(bb as Buffer)).toBe(true);
    expect(ba?.equals(bc as Buffer)).toBe(false);
  });

  it('rejects shapes whisper.cpp cannot load', async () => {
    await expect(
      writeRandomWhisperModel(join(dir, 'bad.bin'), { ...OFFICIAL_SHAPES['tiny.en'], n_text_state: 512 }),
    ).rejects.toThrow(/n_audio_state == n_text_state/);
  });

  it('loads and transcribes with the whisper.cpp binding', async () => {
    const path = join(dir, 'tt.bin');
    await writeRandomWhisperModel(path, 'tiny-tiny', 11);
    const ctx = await initWhisper({ filePath: path, useGpu: false });
    try {
      const pcm = new Int16Array(16000 * 2);
      for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(6000 * Math.sin((2 * Math.PI * 220 * i) / 16000));
      const progress: number[] = [];
      const { promise } = ctx.transcribeData(pcm.buffer, {
        language: 'en',
        maxThreads: 2,
        tokenTimestamps: true,
        onProgress: (p) => progress.push(p),
      });
      const r = await promise;
      expect(r.isAborted).toBe(false);
      expect(Array.isArray(r.segments)).toBe(true);
      expect(progress.at(-1)).toBe(100);
    } finally {
      await ctx.release();
    }
  });

  it('loads a multilingual model in the official BPE-only vocabulary layout', async () => {
    const path = join(dir, 'ml.bin');
    const info = await writeRandomWhisperModel(path, { ...TINY_TINY_SHAPE, n_vocab: 51865 }, 5, { vocab: 'bpe' });
    expect(info.vocabCount).toBe(50257);
    const ctx = await initWhisper({ filePath: path, useGpu: false });
    try {
      const { promise } = ctx.transcribeData(new Int16Array(16000).buffer, { language: 'de', maxThreads: 2 });
      const r = await promise;
      expect(r.isAborted).toBe(false);
    } finally {
      await ctx.release();
    }
  });

  it('writes a file whisper.cpp refuses when a tensor is missing (the loader really checks)', async () => {
    const path = join(dir, 'cut.bin');
    const info = await writeRandomWhisperModel(path, 'tiny-tiny', 12);
    const last = info.tensorOffsets.at(-1);
    if (!last) throw new Error('no tensors');
    const { truncate } = await import('node:fs/promises');
    await truncate(path, last.headerOffset);
    await expect(initWhisper({ filePath: path, useGpu: false })).rejects.toThrow();
  });
});
