/**
 * A FLAC file is split into frames before libFLAC decodes them, and the splitter finds where a frame
 * ends by looking for the next one. The last frame has no next one; when its last data byte is
 * 0xFF, the library's splitter lost it (about one real file in 250: seen on a spoken answer
 * converted by sox). The files here are built byte by byte (verbatim 16-bit mono frames, both
 * CRCs), so the case is exact whatever encoder a machine has.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile } from '../../../src/backend/services/audio/decode-audio';

const RATE = 16000;
const BLOCK = 4096;

function crc8(bytes: number[]): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: number[]): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** One fixed-blocksize frame: 16 kHz, mono, 16-bit, a verbatim subframe. */
function frame(index: number, samples: Int16Array): number[] {
  const size = samples.length - 1;
  const header = [0xff, 0xf8, 0x75, 0x08, index, size >> 8, size & 0xff];
  const bytes = [...header, crc8(header), 0x02];
  for (const s of samples) bytes.push((s >> 8) & 0xff, s & 0xff);
  const crc = crc16(bytes);
  return [...bytes, crc >> 8, crc & 0xff];
}

function streamInfo(total: number): number[] {
  const bits = (BigInt(RATE) << 44n) | (0n << 41n) | (15n << 36n) | BigInt(total);
  const packed = Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(56 - 8 * i)) & 0xffn));
  return [
    0x80,
    0,
    0,
    34,
    BLOCK >> 8,
    BLOCK & 0xff,
    BLOCK >> 8,
    BLOCK & 0xff,
    0,
    0,
    0,
    0,
    0,
    0,
    ...packed,
    ...new Array<number>(16).fill(0),
  ];
}

function flacFile(samples: Int16Array): Buffer {
  const bytes = [0x66, 0x4c, 0x61, 0x43, ...streamInfo(samples.length)];
  for (let at = 0, i = 0; at < samples.length; at += BLOCK, i++)
    bytes.push(...frame(i, samples.subarray(at, at + BLOCK)));
  return Buffer.from(bytes);
}

/** A quiet tone whose last sample's low byte is `lastLow`; nudged until the frame's CRC is not a sync byte. */
function tone(count: number, lastLow: number): Int16Array {
  const samples = Int16Array.from({ length: count }, (_, i) =>
    Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / RATE)),
  );
  samples[count - 1] = 0x1200 | lastLow;
  const lastStart = Math.floor((count - 1) / BLOCK) * BLOCK;
  for (let nudge = 0; nudge < 64; nudge++) {
    samples[count - 2] = 100 + nudge;
    const last = frame(lastStart / BLOCK, samples.subarray(lastStart));
    const crcHigh = last[last.length - 2] as number;
    if (crcHigh !== 0xff && (crcHigh & 0xfe) !== 0xf8) return samples;
  }
  throw new Error('no nudge gives a frame CRC that is not a sync byte');
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-flac-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FLAC: every frame is decoded, the last one too', () => {
  it.each([
    ['ends in any other byte', 0x34],
    ['ends in 0xFF', 0xff],
  ])('a file whose last frame %s', async (_name, lastLow) => {
    const count = RATE + 1234;
    const samples = tone(count, lastLow);
    const file = join(dir, `tone-${lastLow}.flac`);
    const bytes = flacFile(samples);
    expect(bytes.at(-3)).toBe(lastLow);
    await writeFile(file, bytes);
    const decoded = await decodeAudioFile(file);
    expect(decoded.source.warnings).toEqual([]);
    expect(decoded.samples.length).toBe(count);
    expect(decoded.samples.at(-1)).toBeCloseTo((0x1200 | lastLow) / 32768, 4);
  });

  it('a file cut inside its last frame keeps the warning and what could be decoded', async () => {
    const count = RATE + 1234;
    const bytes = flacFile(tone(count, 0xff));
    const file = join(dir, 'cut.flac');
    await writeFile(file, bytes.subarray(0, bytes.length - 100));
    const decoded = await decodeAudioFile(file);
    expect(decoded.samples.length).toBe(Math.floor(count / BLOCK) * BLOCK);
    expect(decoded.source.warnings.join(' ')).toMatch(/shorter than its header says/);
  });
});
