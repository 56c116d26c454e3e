import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runAnalyze } from '../../../src/cli/commands/analyze';
import { run as runTranscribe } from '../../../src/cli/commands/transcribe';
import type { Transcript } from '../../../src/core/transcript/types';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { chattyModel, randomModel, speak, tmpDir, VAD_MODEL } from './support';

function capture() {
  const io = { out: '', err: '', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

describe('coach transcribe AUDIO', () => {
  let wav: string;
  let model: string;
  let manager: ModelManager;
  const dir = tmpDir('cli');

  beforeAll(async () => {
    wav = speak(
      'We paged the on-call engineer, and she rolled back the release within ten minutes.',
      'cli-speech',
      0.5,
      0.5,
      dir,
    ).wav;
    model = await chattyModel();
    // The generated test model has no official shape; the manager accepts it only when told to.
    manager = new ModelManager({ dataDir: dir, allowCustomShapes: true });
  }, 120_000);

  it('--json prints a Transcript with word times; status goes to stderr', async () => {
    const io = capture();
    const code = await runTranscribe([wav, '--model', model, '--vad', VAD_MODEL, '--json', '--threads', '2'], io, {
      manager,
    });
    expect(io.err).toMatch(/Whisper: (native build|prebuilt binary)/);
    expect(code).toBe(0);
    const t = JSON.parse(io.out) as Transcript;
    expect(t.language).toBe('en');
    expect(t.segments.length).toBeGreaterThan(0);
    const words = t.segments.flatMap((s) => s.words ?? []);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(w.end).toBeLessThanOrEqual(t.durationSec ?? 0);
  }, 120_000);

  it('prints timed lines without --json', async () => {
    const io = capture();
    expect(await runTranscribe([wav, '--model', model, '--vad', VAD_MODEL], io, { manager })).toBe(0);
    expect(io.out).toMatch(/^\[0:\d\d\.\d → 0:\d\d\.\d\] \S/m);
  }, 120_000);

  it('silence: "No speech detected", exit 3, no invented text', async () => {
    const silent = path.join(dir, 'silence.wav');
    execFileSync('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', silent, 'trim', '0', '4']);
    const io = capture();
    expect(await runTranscribe([silent, '--model', model, '--vad', VAD_MODEL], io, { manager })).toBe(3);
    expect(io.err).toContain('No speech detected');
    expect(io.out).toBe('');
  }, 120_000);

  it('bad input: exit 2 with a specific message', async () => {
    const io = capture();
    expect(
      await runTranscribe([path.join(dir, 'missing.wav'), '--model', model, '--vad', VAD_MODEL], io, { manager }),
    ).toBe(2);
    expect(io.err).toContain('Audio file not found');
    const io2 = capture();
    expect(await runTranscribe([wav, '--speed', '2'], io2, { manager })).toBe(2);
    expect(io2.err).toContain('Unknown option --speed');
    const io3 = capture();
    expect(await runTranscribe([wav, '--model', 'no-such-model', '--vad', VAD_MODEL], io3, { manager })).toBe(2);
    expect(io3.err).toContain('Unknown model "no-such-model"');
  }, 60_000);
});

describe('coach analyze AUDIO', () => {
  it('transcribes first, then coaches the transcript', async () => {
    const dir = tmpDir('cli-analyze');
    const wav = speak(
      'At two in the morning the pager fired for checkout errors. We rolled back the release. The root cause was a config change without a canary. We added a canary stage to every deploy.',
      'analyze-speech',
      0.3,
      0.5,
      dir,
    ).wav;
    // analyze resolves --model through the model manager, which wants an official shape.
    const model = await randomModel('cli-tiny.en', 'tiny.en', 1, { weightStd: 0.5 });
    const io = capture();
    const code = await runAnalyze([wav, '--model', model, '--vad', VAD_MODEL, '--json'], io);
    expect(io.err).toMatch(/Whisper: (native build|prebuilt binary)/);
    if (code === 2)
      expect(io.err).toContain('No speech detected'); // a random model may say nothing usable
    else {
      expect(code).toBe(0);
      const analysis = JSON.parse(io.out) as Record<string, unknown>;
      expect(Object.keys(analysis).length).toBeGreaterThan(0);
    }
  }, 180_000);
});
