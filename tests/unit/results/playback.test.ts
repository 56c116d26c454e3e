import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computePeaks, peakCount } from '../../../src/backend/services/playback/peaks';
import { PlaybackService } from '../../../src/backend/services/playback/playback-service';
import { parseWavInfo, readWavInfo, WavReadError } from '../../../src/backend/services/playback/wav-info';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import type { SessionDocument } from '../../../src/shared/session-document';
import { synthWav, wavHeader } from '../../fixtures/results/synth-wav';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-playback-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function doc(id: string, audioFile?: string): SessionDocument {
  return {
    schemaVersion: 1,
    id,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    kind: audioFile ? 'recorded' : 'typed',
    status: 'ready',
    question: 'Tell me about an incident you owned',
    story: 'Bureau sentinel',
    targetSec: 120,
    ...(audioFile ? { audio: { file: audioFile, sampleRate: 16000, durationSec: 3 } } : {}),
  };
}

describe('WAV info', () => {
  it('reads the format and finds the data chunk after extra chunks', () => {
    const wav = synthWav([{ start: 0.5, end: 1 }], 2);
    // Insert a LIST chunk between fmt and data, as some editors do.
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')]);
    const file = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    const info = parseWavInfo(file, file.length);
    expect(info).toMatchObject({ audioFormat: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16, dataOffset: 56 });
    expect(info.durationSec).toBeCloseTo(2, 5);
  });

  it('trusts the file size when an interrupted recording left the data size at 0', () => {
    const body = Buffer.alloc(16000 * 2 * 3); // 3 s
    const file = Buffer.concat([wavHeader(0), body]);
    expect(parseWavInfo(file, file.length).durationSec).toBeCloseTo(3, 5);
  });

  it('rejects files that are not WAV with a clear message', () => {
    expect(() => parseWavInfo(Buffer.from('ID3 not a wav at all'), 20)).toThrow(WavReadError);
    expect(() => parseWavInfo(Buffer.from('ID3 not a wav at all'), 20)).toThrow(/not a WAV file/);
  });
});

describe('peaks', () => {
  it('shows words as loud buckets and pauses as silent ones', async () => {
    const file = path.join(dir, 'a.wav');
    await writeFile(
      file,
      synthWav(
        [
          { start: 0, end: 1 },
          { start: 2, end: 3 },
        ],
        4,
      ),
    );
    const handle = await open(file, 'r');
    try {
      const info = await readWavInfo(handle);
      const peaks = await computePeaks(handle, info, 40);
      expect(peaks).toHaveLength(40);
      const p = peaks ?? [];
      // 10 buckets per second: 0-1 s and 2-3 s loud, 1-2 s and 3-4 s silent.
      expect(Math.max(...p.slice(2, 8))).toBeGreaterThan(0.2);
      expect(Math.max(...p.slice(11, 19))).toBe(0);
      expect(Math.max(...p.slice(22, 28))).toBeGreaterThan(0.2);
      expect(Math.max(...p.slice(31, 40))).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('keeps long recordings to a bounded number of peaks', () => {
    expect(peakCount(60)).toBe(3000);
    expect(peakCount(30 * 60)).toBe(12_000);
  });
});

describe('PlaybackService', () => {
  it('describes the recording and serves it in chunks that reassemble to the file', async () => {
    const store = new SessionStore(dir);
    await store.save(doc('take-0001', 'audio.wav'));
    const wav = synthWav([{ start: 0.2, end: 0.9 }], 3);
    await writeFile(path.join(store.folderOf('take-0001'), 'audio.wav'), wav);
    const service = new PlaybackService(store);
    const description = await service.describe('take-0001');
    expect(description).toMatchObject({ mime: 'audio/wav', bytes: wav.length });
    expect(description.durationSec).toBeCloseTo(3, 5);
    expect(description.peaks).toHaveLength(150);

    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < wav.length; offset += 10_000) {
      const chunk = await service.read('take-0001', offset, 10_000);
      expect(chunk.total).toBe(wav.length);
      expect(Buffer.isBuffer(chunk.bytes)).toBe(false);
      parts.push(chunk.bytes);
    }
    expect(Buffer.compare(Buffer.concat(parts), wav)).toBe(0);
  });

  it('refuses typed sessions, missing files, and audio names that leave the folder', async () => {
    const store = new SessionStore(dir);
    const service = new PlaybackService(store);
    await store.save(doc('typed-0001'));
    await expect(service.describe('typed-0001')).rejects.toMatchObject({ code: 'not_found' });
    await store.save(doc('gone-0001', 'audio.wav'));
    await expect(service.describe('gone-0001')).rejects.toThrow(/missing/);
    await store.save(doc('evil-0001', '../../secret.wav'));
    await expect(service.read('evil-0001', 0, 10)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.read('gone-0001', 0, 5 * 1024 * 1024)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
