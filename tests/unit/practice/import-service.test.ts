import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAudioFileToPcm16 } from '../../../src/backend/services/audio/decode-audio';
import { ImportService } from '../../../src/backend/services/imports/import-service';
import { parseWavHeader } from '../../../src/backend/services/recording/wav-format';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';

const SETUP = { question: 'Tell me about an incident you owned.', story: 'Imported', targetSec: 120 };

let dir: string;
let sessions: SessionStore;
let service: ImportService;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-import-'));
  sessions = new SessionStore(dir);
  service = new ImportService({ dataDir: dir, sessions, decode: decodeAudioFileToPcm16 });
});
afterEach(async () => {
  await service.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** 44.1 kHz stereo FLAC of spoken words (espeak-ng), as a user's own recording might be. */
function spokenFlac(): { file: string; seconds: number } {
  const wav = path.join(dir, 'speech.wav');
  const flac = path.join(dir, 'speech.flac');
  execFileSync('espeak-ng', [
    '-w',
    wav,
    'We rolled back the model, and then we shipped a release gate that still runs today.',
  ]);
  // -R: the same FLAC every run; sox seeds its dither at random otherwise.
  execFileSync('sox', ['-R', wav, '-r', '44100', '-c', '2', flac]);
  const seconds = Number(execFileSync('soxi', ['-D', flac]).toString().trim());
  return { file: flac, seconds };
}

async function upload(bytes: Buffer, fileName: string, partBytes = 64 * 1024) {
  const { importId } = await service.begin({ ...SETUP, fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += partBytes) {
    await service.part({ importId, offset, bytes: bytes.subarray(offset, offset + partBytes) });
  }
  return importId;
}

describe('ImportService', () => {
  it('turns uploaded FLAC bytes into a 16 kHz mono session, removing the upload afterwards', async () => {
    const { file, seconds } = spokenFlac();
    const importId = await upload(await readFile(file), 'my answer.flac');
    const result = await service.finish({ importId });
    expect(result.session).toMatchObject({
      kind: 'imported',
      status: 'draft',
      story: 'Imported',
      targetSec: 120,
    });
    // The file's name is where it came from, not the take's title.
    expect(result.session.title).toBeUndefined();
    expect(Math.abs(result.durationSec - seconds)).toBeLessThan(0.01);
    expect(result.source).toMatch(/FLAC|flac/);
    const wav = await readFile(path.join(sessions.folderOf(result.session.id), 'audio.wav'));
    const header = parseWavHeader(wav);
    expect(header).toMatchObject({ sampleRate: 16000, channels: 1 });
    expect(wav.length).toBe(44 + header.declaredDataBytes);
    expect((await sessions.get(result.session.id)).importedFrom).toEqual({
      fileName: 'my answer.flac',
      format: 'flac',
    });
    expect(await readdir(path.join(dir, 'imports'))).toEqual([]);
  });

  it('insists on parts in order and on the announced size', async () => {
    const { importId } = await service.begin({ ...SETUP, fileName: 'a.wav', size: 10 });
    await expect(service.part({ importId, offset: 4, bytes: new Uint8Array(4) })).rejects.toMatchObject({
      code: 'conflict',
    });
    await service.part({ importId, offset: 0, bytes: new Uint8Array(6) });
    await expect(service.finish({ importId })).rejects.toThrow('Only 6 of 10 bytes arrived');
    await expect(service.part({ importId, offset: 6, bytes: new Uint8Array(8) })).rejects.toThrow(
      'larger than the 10 bytes announced',
    );
    expect(await service.cancel({ importId })).toEqual({ cancelled: true });
    expect(await readdir(path.join(dir, 'imports'))).toEqual([]);
    await expect(service.finish({ importId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names the user’s file (not the upload) when the bytes are not audio, and creates no session', async () => {
    const importId = await upload(Buffer.from('just some notes'), 'notes.mp3');
    await expect(service.finish({ importId })).rejects.toThrow(/^"notes\.mp3" /);
    expect((await sessions.list()).sessions).toEqual([]);
  });

  it('refuses a silent recording with "no speech detected"', async () => {
    const silent = path.join(dir, 'silence.wav');
    execFileSync('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', silent, 'trim', '0', '3']);
    const importId = await upload(await readFile(silent), 'silence.wav');
    await expect(service.finish({ importId })).rejects.toMatchObject({
      code: 'no_speech',
      message: expect.stringContaining('silence.wav'),
    });
    expect((await sessions.list()).sessions).toEqual([]);
  });
});
