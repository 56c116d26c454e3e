/**
 * Audio import decoding on files made at run time with sox and espeak-ng (nothing binary is
 * committed). Needs `sox` with MP3/FLAC/Ogg support (Debian: sox libsox-fmt-all) and espeak-ng.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioDecodeError, type AudioProblem } from '../../../src/backend/services/audio/audio-errors';
import { decodeAudioFile, decodeAudioFileToPcm16 } from '../../../src/backend/services/audio/decode-audio';

function has(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const haveSox = has('sox', ['--version']);
const haveEspeak = has('espeak-ng', ['--version']);
if (!haveSox) console.warn('decode-audio tests skipped: sox is not installed (apt-get install -y sox libsox-fmt-all)');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-audio-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
/** `-R`: sox seeds its dither at random otherwise, and the same command writes other bytes each run. */
function sox(args: string[], ext: string): string {
  const out = join(dir, `f${n++}.${ext}`);
  execFileSync('sox', ['-R', ...args.slice(0, -1), out, ...(args.at(-1) as string).split(' ')], { stdio: 'ignore' });
  return out;
}

/** sox -n <format opts> OUT synth <seconds> sine <hz> vol <v> */
function toneFile(ext: string, format: string, seconds: number, hz: number, vol = 0.5): string {
  return sox(['-n', ...format.split(' '), `synth ${seconds} sine ${hz} vol ${vol}`], ext);
}

function rms(x: Float32Array, skip = 800): number {
  let s = 0;
  for (let i = skip; i < x.length - skip; i++) s += (x[i] as number) ** 2;
  return Math.sqrt(s / Math.max(1, x.length - 2 * skip));
}

/** Amplitude of the `hz` component (quadrature correlation), to check the tone survived. */
function toneAmplitude(x: Float32Array, hz: number, rate = 16000, skip = 800): number {
  let c = 0;
  let s = 0;
  for (let i = skip; i < x.length - skip; i++) {
    c += (x[i] as number) * Math.cos((2 * Math.PI * hz * i) / rate);
    s += (x[i] as number) * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(c, s)) / (x.length - 2 * skip);
}

async function expectProblem(p: Promise<unknown>, problem: AudioProblem, message: RegExp): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AudioDecodeError);
  expect((e as AudioDecodeError).problem).toBe(problem);
  expect((e as Error).message).toMatch(message);
}

/** A WAV written by hand, for content sox can't make (opposite-phase channels, broken headers). */
function wav16(channels: Int16Array[], rate: number, opts: { dataSize?: number; omitFmt?: boolean } = {}): Buffer {
  const frames = channels[0]?.length ?? 0;
  const nch = channels.length;
  const data = Buffer.alloc(frames * nch * 2);
  for (let i = 0; i < frames; i++)
    for (let c = 0; c < nch; c++) data.writeInt16LE((channels[c] as Int16Array)[i] as number, (i * nch + c) * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(nch, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * nch * 2, 16);
  fmt.writeUInt16LE(nch * 2, 20);
  fmt.writeUInt16LE(16, 22);
  const dh = Buffer.alloc(8);
  dh.write('data', 0, 'latin1');
  dh.writeUInt32LE(opts.dataSize ?? data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), ...(opts.omitFmt ? [] : [fmt]), dh, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe.skipIf(!haveSox)('audio import decoding (WAV, MP3, FLAC → 16 kHz mono)', () => {
  it.each([
    ['PCM 8-bit, 44.1 kHz stereo', '-r 44100 -c 2 -b 8 -e unsigned-integer', 'PCM 8-bit'],
    ['PCM 16-bit, 48 kHz mono', '-r 48000 -c 1 -b 16 -e signed-integer', 'PCM 16-bit'],
    ['PCM 24-bit, 22.05 kHz stereo', '-r 22050 -c 2 -b 24 -e signed-integer', 'PCM 24-bit'],
    ['PCM 32-bit, 16 kHz mono', '-r 16000 -c 1 -b 32 -e signed-integer', 'PCM 32-bit'],
    ['float 32-bit, 96 kHz stereo', '-r 96000 -c 2 -b 32 -e floating-point', 'float 32-bit'],
    ['float 64-bit, 8 kHz mono', '-r 8000 -c 1 -b 64 -e floating-point', 'float 64-bit'],
  ])('decodes WAV %s', async (_label, format, codec) => {
    const file = toneFile('wav', format, 1.5, 1000);
    const d = await decodeAudioFile(file);
    expect(d.sampleRate).toBe(16000);
    expect(d.samples.length).toBe(24000);
    expect(d.durationSec).toBeCloseTo(1.5, 6);
    expect(d.source.codec).toBe(codec);
    // A clock shows whole seconds reached: 1.5 s reads 0:01.
    expect(d.description).toMatch(new RegExp(`^WAV \\(${codec}\\), \\d+ Hz, (mono|stereo), 0:01$`));
    // Tone at half scale: amplitude 0.5, RMS 0.354 (8-bit: quantisation costs a little).
    expect(toneAmplitude(d.samples, 1000)).toBeGreaterThan(0.49);
    expect(toneAmplitude(d.samples, 1000)).toBeLessThan(0.51);
    expect(rms(d.samples)).toBeCloseTo(0.3536, 2);
  });

  it('decodes MP3 (44.1 kHz stereo) to the same tone and duration', async () => {
    const file = toneFile('mp3', '-r 44100 -c 2', 2, 1000);
    const d = await decodeAudioFile(file);
    expect(d.source.container).toBe('mp3');
    expect(d.source.codec).toBe('MPEG Layer III');
    expect(d.source.sampleRate).toBe(44100);
    expect(d.durationSec).toBeGreaterThan(1.95);
    expect(d.durationSec).toBeLessThan(2.1); // encoder padding, if the file has no gapless header
    expect(toneAmplitude(d.samples, 1000)).toBeGreaterThan(0.45);
    expect(toneAmplitude(d.samples, 3000)).toBeLessThan(0.01);
  });

  it('decodes FLAC (48 kHz, 24-bit, stereo)', async () => {
    const file = toneFile('flac', '-r 48000 -c 2 -b 24', 2, 440);
    const d = await decodeAudioFile(file);
    expect(d.source).toMatchObject({ container: 'flac', sampleRate: 48000, channels: 2, bitsPerSample: 24 });
    expect(d.samples.length).toBe(32000);
    expect(toneAmplitude(d.samples, 440)).toBeCloseTo(0.5, 2);
    expect(d.description).toBe('FLAC (24-bit), 48000 Hz, stereo, 0:02');
  });

  it('low-pass filters before downsampling: a 12 kHz tone in a 48 kHz file does not alias into speech', async () => {
    const d = await decodeAudioFile(toneFile('wav', '-r 48000 -c 1 -b 16', 1, 12000));
    expect(rms(d.samples)).toBeLessThan(0.001);
    expect(toneAmplitude(d.samples, 4000)).toBeLessThan(0.001); // where plain decimation would put it
  });

  it('downmixes by averaging channels (opposite-phase channels cancel)', async () => {
    const left = Int16Array.from({ length: 16000 }, (_, i) =>
      Math.round(16000 * Math.sin((2 * Math.PI * 500 * i) / 16000)),
    );
    const right = left.map((v) => -v);
    const file = join(dir, 'antiphase.wav');
    await writeFile(file, wav16([left, right], 16000));
    expect(rms((await decodeAudioFile(file)).samples)).toBeLessThan(1e-4);
    const same = join(dir, 'inphase.wav');
    await writeFile(same, wav16([left, left], 16000));
    expect(toneAmplitude((await decodeAudioFile(same)).samples, 500)).toBeCloseTo(16000 / 32768, 3);
  });

  it.skipIf(!haveEspeak)('decodes espeak-ng speech with the duration sox reports', async () => {
    const wavFile = join(dir, 'speech.wav');
    execFileSync('espeak-ng', ['-w', wavFile, 'We detected the outage from a latency alert at two in the morning.']);
    const mp3 = join(dir, 'speech.mp3');
    execFileSync('sox', ['-R', wavFile, mp3]);
    const seconds = Number(execFileSync('soxi', ['-D', wavFile]).toString().trim());
    const d = await decodeAudioFile(wavFile);
    expect(d.durationSec).toBeCloseTo(seconds, 3);
    expect(d.source.sampleRate).toBe(22050);
    expect(rms(d.samples)).toBeGreaterThan(0.01);
    const m = await decodeAudioFile(mp3);
    expect(Math.abs(m.durationSec - seconds)).toBeLessThan(0.1);
  });

  it('gives 16-bit PCM for the session importer', async () => {
    const d = await decodeAudioFileToPcm16(toneFile('flac', '-r 16000 -c 1 -b 16', 1, 1000));
    expect(d.samples).toBeInstanceOf(Int16Array);
    expect(d.samples.length).toBe(16000);
    expect(d.format).toBe('flac');
    expect(Math.max(...d.samples)).toBeGreaterThan(16000);
    expect(Math.max(...d.samples)).toBeLessThan(16500);
  });

  it('decodes a WAV whose header claims more data than the file has, with a warning', async () => {
    const tone = Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin(i / 3)));
    const file = join(dir, 'cut.wav');
    await writeFile(file, wav16([tone], 16000, { dataSize: 1_000_000 }));
    const d = await decodeAudioFile(file);
    expect(d.samples.length).toBe(8000);
    expect(d.source.warnings.join()).toMatch(/shorter than its header says/);
  });

  describe('errors', () => {
    it('an empty file', async () => {
      const file = join(dir, 'empty.wav');
      await writeFile(file, '');
      await expectProblem(decodeAudioFile(file), 'empty', /empty \(0 bytes\)/);
    });

    it('a missing file', async () => {
      await expectProblem(decodeAudioFile(join(dir, 'missing.mp3')), 'not_found', /not found/);
    });

    it('a WAV with no samples', async () => {
      const file = join(dir, 'nosamples.wav');
      await writeFile(file, wav16([new Int16Array(0)], 16000));
      await expectProblem(decodeAudioFile(file), 'no_audio', /contains no audio \(0 samples\)/);
    });

    it('a FLAC stream with no samples', async () => {
      const file = sox(['-n', '-r', '16000', '-c', '1', 'trim 0 0'], 'flac');
      await expectProblem(decodeAudioFile(file), 'no_audio', /FLAC stream has 0 samples/);
    });

    it('a WAV without a format chunk', async () => {
      const file = join(dir, 'nofmt.wav');
      await writeFile(file, wav16([new Int16Array(100)], 16000, { omitFmt: true }));
      await expectProblem(decodeAudioFile(file), 'corrupt', /no format/);
    });

    it('an A-law WAV (unsupported encoding, named)', async () => {
      const file = toneFile('wav', '-r 8000 -c 1 -e a-law', 0.5, 440);
      await expectProblem(decodeAudioFile(file), 'unsupported_format', /A-law encoding/);
    });

    it('Ogg Vorbis (unsupported container, named)', async () => {
      const file = toneFile('ogg', '-r 44100 -c 1', 0.5, 440);
      await expectProblem(
        decodeAudioFile(file),
        'unsupported_format',
        /Ogg Vorbis audio.*Supported: WAV, MP3 and FLAC/,
      );
    });

    it('a text file renamed to .mp3', async () => {
      const file = join(dir, 'notes.mp3');
      await writeFile(file, 'Incident notes: the cache stampede started at 02:10.\n'.repeat(20));
      await expectProblem(decodeAudioFile(file), 'unsupported_format', /is a text file/);
    });

    it('an MP3 whose frames are destroyed', async () => {
      const good = await readFile(toneFile('mp3', '-r 44100 -c 1', 1, 440));
      const bad = Buffer.concat([good.subarray(0, 4), Buffer.alloc(good.length - 4)]);
      const file = join(dir, 'broken.mp3');
      await writeFile(file, bad);
      await expectProblem(decodeAudioFile(file), 'corrupt', /damaged MP3 file/);
    });

    it('a FLAC file whose frames are destroyed', async () => {
      const good = await readFile(toneFile('flac', '-r 16000 -c 1', 1, 440));
      const bad = Buffer.concat([good.subarray(0, 42), Buffer.alloc(good.length - 42, 0x55)]);
      const file = join(dir, 'broken.flac');
      await writeFile(file, bad);
      await expectProblem(decodeAudioFile(file), 'corrupt', /damaged FLAC file/);
    });
  });
});
