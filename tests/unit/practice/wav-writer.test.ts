import { mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  WavAppender,
  type OpenWavFile,
  type WavFileHandle,
} from '../../../src/backend/services/recording/wav-appender';
import {
  parseWavHeader,
  WAV_HEADER_BYTES,
  wavHeader,
  WavFormatError,
} from '../../../src/backend/services/recording/wav-format';
import { inspectWav, repairWav } from '../../../src/backend/services/recording/wav-repair';

const FORMAT = { sampleRate: 16_000, channels: 1, bitsPerSample: 16 } as const;

/** A 250 ms chunk of a recognisable ramp so order and content can be checked byte for byte. */
function chunk(index: number, samples = 4000): Uint8Array {
  const pcm = new Int16Array(samples);
  for (let i = 0; i < samples; i++) pcm[i] = ((index * samples + i) % 20000) - 10000;
  return new Uint8Array(pcm.buffer);
}

/** Reads the file as a WAV player would: header fields and the data they point to. */
async function readAsPlayer(file: string) {
  const bytes = await readFile(file);
  const header = parseWavHeader(bytes.subarray(0, WAV_HEADER_BYTES));
  return {
    header,
    riffSize: bytes.readUInt32LE(4),
    fileSize: bytes.length,
    data: bytes.subarray(WAV_HEADER_BYTES, WAV_HEADER_BYTES + header.declaredDataBytes),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-wav-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('WavAppender', () => {
  it('keeps a valid header that matches the file after every append', async () => {
    const file = path.join(dir, 'audio.wav');
    const writer = await WavAppender.create(file, FORMAT);
    let expected = 0;
    const empty = await readAsPlayer(file);
    expect(empty.header.declaredDataBytes).toBe(0);
    expect(empty.fileSize).toBe(WAV_HEADER_BYTES);
    for (let i = 0; i < 12; i++) {
      const bytes = chunk(i, 1000 + i * 250); // uneven chunk sizes, like a real capture
      await writer.append(bytes);
      expected += bytes.length;
      // Read with a fresh handle, as another process (or the next start after a crash) would.
      const seen = await readAsPlayer(file);
      expect(seen.header.declaredDataBytes).toBe(expected);
      expect(seen.riffSize).toBe(36 + expected);
      expect(seen.fileSize).toBe(WAV_HEADER_BYTES + expected);
      expect(seen.header.sampleRate).toBe(16_000);
      expect(Buffer.from(seen.data.subarray(expected - bytes.length)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(writer.framesWritten).toBe(expected / 2);
    await writer.close();
    expect((await inspectWav(file)).consistent).toBe(true);
  });

  it('never overwrites an existing recording', async () => {
    const file = path.join(dir, 'audio.wav');
    await writeFile(file, 'precious');
    await expect(WavAppender.create(file, FORMAT)).rejects.toThrow(/already exists/);
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it('rejects half samples', async () => {
    const writer = await WavAppender.create(path.join(dir, 'a.wav'), FORMAT);
    await expect(writer.append(new Uint8Array(3))).rejects.toThrow(/whole 16-bit samples/);
    await writer.close();
  });

  it('on a full disk, keeps everything before the failed chunk and reports disk_full', async () => {
    const file = path.join(dir, 'audio.wav');
    let writes = 0;
    // Fails the data write of the 4th chunk after half of it reached the disk, like ENOSPC does.
    const openFile: OpenWavFile = async (f, flags) => {
      const real = await open(f, flags);
      const wrapped: WavFileHandle = {
        read: real.read.bind(real),
        truncate: real.truncate.bind(real),
        datasync: real.datasync.bind(real),
        stat: real.stat.bind(real),
        close: real.close.bind(real),
        write: (async (buffer: Uint8Array, offset: number, length: number, position: number) => {
          if (length > 8) writes += 1; // data writes, not the 4-byte header fields
          if (writes === 5 && length > 8) {
            await real.write(buffer, offset, Math.floor(length / 2), position);
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return real.write(buffer, offset, length, position);
        }) as WavFileHandle['write'],
      };
      return wrapped;
    };
    const writer = await WavAppender.create(file, FORMAT, openFile); // write #1 is the header
    for (let i = 0; i < 3; i++) await writer.append(chunk(i));
    const error = await writer.append(chunk(3)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk_full' });
    expect((error as Error).message).toMatch(/disk is full/);
    await writer.close();
    const seen = await readAsPlayer(file);
    expect(seen.header.declaredDataBytes).toBe(3 * 8000);
    expect(seen.fileSize).toBe(WAV_HEADER_BYTES + 3 * 8000); // the torn half-chunk was cut off again
    expect(Buffer.from(seen.data.subarray(16000)).equals(Buffer.from(chunk(2)))).toBe(true);
  });

  it('reopens a repaired file and keeps appending after it', async () => {
    const file = path.join(dir, 'audio.wav');
    const first = await WavAppender.create(file, FORMAT);
    await first.append(chunk(0));
    await first.close();
    const again = await WavAppender.reopen(file);
    expect(again.framesWritten).toBe(4000);
    await again.append(chunk(1));
    await again.close();
    const seen = await readAsPlayer(file);
    expect(seen.header.declaredDataBytes).toBe(16000);
    expect(Buffer.from(seen.data.subarray(8000)).equals(Buffer.from(chunk(1)))).toBe(true);
  });
});

describe('repairWav', () => {
  it('recovers a file cut mid-chunk (crash during the data write): whole samples up to the cut', async () => {
    const file = path.join(dir, 'audio.wav');
    const writer = await WavAppender.create(file, FORMAT);
    for (let i = 0; i < 5; i++) await writer.append(chunk(i));
    await writer.close();
    // Simulate kill -9 while chunk 5 was being written: part of it (odd byte count) reached
    // the disk, the header still describes 5 chunks.
    const torn = chunk(5).subarray(0, 3001);
    const handle = await open(file, 'a');
    await handle.write(torn);
    await handle.close();
    expect((await inspectWav(file)).consistent).toBe(false);

    const result = await repairWav(file);
    expect(result.droppedBytes).toBe(1);
    expect(result.dataBytes).toBe(5 * 8000 + 3000);
    expect(result.durationSec).toBeCloseTo((5 * 4000 + 1500) / 16000, 6);
    expect(result.changed).toBe(true);
    const seen = await readAsPlayer(file);
    expect(seen.fileSize).toBe(WAV_HEADER_BYTES + result.dataBytes);
    expect(seen.riffSize).toBe(36 + result.dataBytes);
    expect(Buffer.from(seen.data.subarray(40000)).equals(Buffer.from(torn.subarray(0, 3000)))).toBe(true);
    // Idempotent: a second repair changes nothing.
    expect((await repairWav(file)).changed).toBe(false);
  });

  it('recovers a file whose header update was lost (crash between data write and header write)', async () => {
    const file = path.join(dir, 'audio.wav');
    const bytes = Buffer.concat([wavHeader(FORMAT, 8000), Buffer.from(chunk(0)), Buffer.from(chunk(1))]);
    await writeFile(file, bytes);
    const result = await repairWav(file);
    expect(result.dataBytes).toBe(16000);
    expect(result.droppedBytes).toBe(0);
    expect((await readAsPlayer(file)).header.declaredDataBytes).toBe(16000);
  });

  it('turns a header-only file into a valid empty WAV', async () => {
    const file = path.join(dir, 'audio.wav');
    await writeFile(file, wavHeader(FORMAT, 123456));
    const result = await repairWav(file);
    expect(result.dataBytes).toBe(0);
    expect((await stat(file)).size).toBe(WAV_HEADER_BYTES);
  });

  it('refuses files this app did not write, without touching them', async () => {
    const file = path.join(dir, 'audio.wav');
    await writeFile(file, Buffer.from('ID3\u0004 this is an mp3, not a wav file at all........'));
    const before = await readFile(file);
    await expect(repairWav(file)).rejects.toBeInstanceOf(WavFormatError);
    expect((await readFile(file)).equals(before)).toBe(true);
    await truncate(file, 10);
    await expect(repairWav(file)).rejects.toThrow(/shorter than a WAV header/);
  });
});
