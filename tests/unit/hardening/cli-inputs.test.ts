import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModels } from '../../../src/cli/commands/models';
import { run as runTranscribe } from '../../../src/cli/commands/transcribe';
import { main } from '../../../src/cli/main';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { TranscriberHost } from '../../../src/backend/services/whisper/transcriber-host';
import { toneWav } from '../../fixtures/audio/tone-wav';
import { writeRandomWhisperModel } from '../../fixtures/ggml/write-random-model';
import { corpusSession, STORY_IDS } from '../report/corpus-fixture';
import { VAD_MODEL } from '../whisper/support';

/** Arguments a careless user (or a script) gives the CLI: each is refused before anything is written. */
let root: string;
let dataDir: string;
let whisperModel: string;
let customModel: string;
let audio: string;
const previous = process.env.COACH_DATA_DIR;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-inputs-'));
  dataDir = path.join(root, 'data');
  await mkdir(dataDir);
  process.env.COACH_DATA_DIR = dataDir;
  whisperModel = (await writeRandomWhisperModel(path.join(root, 'ggml-tiny-tiny.en.bin'), 'tiny-tiny', 3)).path;
  customModel = (await writeRandomWhisperModel(path.join(root, 'my-model.bin'), 'tiny-tiny', 11)).path;
  audio = path.join(root, 'answer.wav');
  await writeFile(audio, toneWav(16000, 0));
  await new SessionStore(dataDir).save(corpusSession(STORY_IDS[0]).document);
});
afterAll(async () => {
  if (previous === undefined) delete process.env.COACH_DATA_DIR;
  else process.env.COACH_DATA_DIR = previous;
  await rm(root, { recursive: true, force: true });
});

async function coach(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
  // Generated test models have no official shape: the commands get a manager that accepts them.
  const manager = new ModelManager({ dataDir: process.env.COACH_DATA_DIR ?? dataDir, allowCustomShapes: true });
  const [command, ...rest] = argv;
  const code =
    command === 'models'
      ? await runModels(rest, io, { dataDir, manager })
      : command === 'transcribe'
        ? await runTranscribe(rest, io, { manager })
        : await main(argv, io);
  return { code, out, err };
}

describe('model names', () => {
  it.each(['../../evil', 'a/b', '..', '.hidden', 'UPPER', 'x\\y'])(
    '"%s" is refused and nothing is written',
    async (name) => {
      const r = await coach('models', 'import', customModel, '--name', name);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/not a valid model name/);
      expect(existsSync(path.join(dataDir, 'models'))).toBe(false);
      expect(await readdir(root)).not.toContain('evil.bin');
      expect(existsSync(path.join(root, 'imported-..'))).toBe(false);
    },
  );

  it('a valid name imports', async () => {
    const r = await coach('models', 'import', customModel, '--name', 'my-model.v2');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/as my-model\.v2 /);
  });
});

describe('model kinds are told apart by their header, before any native load', () => {
  it('the VAD file given as the Whisper model', async () => {
    const r = await coach('transcribe', audio, '--model', VAD_MODEL, '--vad', VAD_MODEL);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a Silero voice-activity \(VAD\) model, not a Whisper speech model/);
  });

  it('a Whisper file given as the VAD model', async () => {
    const r = await coach('transcribe', audio, '--model', whisperModel, '--vad', whisperModel);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a Whisper speech model, not a Silero voice-activity \(VAD\) model/);
  });

  it('the engine host refuses either mix-up without starting a worker', async () => {
    let spawned = 0;
    const spawner = () => {
      spawned++;
      throw new Error('must not spawn');
    };
    for (const options of [{ modelPath: VAD_MODEL }, { modelPath: whisperModel, vadModelPath: whisperModel }]) {
      const host = new TranscriberHost({ ...options, spawner });
      await expect(host.start()).rejects.toMatchObject({
        code: 'model_invalid',
        message: expect.stringMatching(/not a/),
      });
      await host.dispose();
    }
    expect(spawned).toBe(0);
  });
});

describe('transcribe and analyze arguments', () => {
  it('a missing input file is reported before a missing model', async () => {
    const empty = await mkdtemp(path.join(root, 'empty-'));
    const before = process.env.COACH_DATA_DIR;
    process.env.COACH_DATA_DIR = empty;
    try {
      const r = await coach('transcribe', path.join(root, 'nope.wav'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Audio file not found: .*nope\.wav/);
      expect(r.err).not.toMatch(/No Whisper model|not installed/);
    } finally {
      process.env.COACH_DATA_DIR = before;
    }
  });

  it('--language is honoured or refused, never ignored', async () => {
    const english = await coach('transcribe', audio, '--model', whisperModel, '--vad', VAD_MODEL, '--language', 'de');
    expect(english.code).toBe(2);
    expect(english.err).toMatch(/English-only model/);
    const nonsense = await coach(
      'transcribe',
      audio,
      '--model',
      whisperModel,
      '--vad',
      VAD_MODEL,
      '--language',
      'german!',
    );
    expect(nonsense.code).toBe(2);
    expect(nonsense.err).toMatch(/language code/);
  });
});

describe('coach export -o', () => {
  const id = corpusSession(STORY_IDS[0]).document.id;

  it('into a folder that does not exist: said, and the folder is not created', async () => {
    const r = await coach('export', id, '--format', 'md', '-o', path.join(root, 'missing', 'deeper', 'take.md'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not exist/);
    expect(existsSync(path.join(root, 'missing'))).toBe(false);
  });

  it('an existing folder receives the file under its usual name', async () => {
    const folder = await mkdtemp(path.join(root, 'out-'));
    const r = await coach('export', id, '--format', 'md', '-o', folder);
    expect(r.code).toBe(0);
    const written = await readdir(folder);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/\.md$/);
    expect(r.out).toContain(path.join(folder, written[0] as string));
  });
});
