import { appendFile, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/core/transcript/types';
import { RecordingService, type Emit } from '../../../src/backend/services/recording/recording-service';
import type { OpenWavFile, WavFileHandle } from '../../../src/backend/services/recording/wav-appender';
import { parseWavHeader, WAV_HEADER_BYTES } from '../../../src/backend/services/recording/wav-format';
import { SessionStore } from '../../../src/backend/services/sessions/session-store';
import { bytesOf, FakeTranscriber, speechLike } from './support/fake-transcriber';

const SETUP = {
  question: 'Tell me about an incident you owned.',
  story: 'Bureau sentinel',
  targetSec: 60,
  livePacing: false,
};
const transcript: Transcript = { segments: [{ start: 0, end: 1, text: 'We rolled back.' }] };
const events: { event: string; payload: unknown }[] = [];
const emit: Emit = (event, payload) => events.push({ event, payload });

let dir: string;
let sessions: SessionStore;
let transcriber: FakeTranscriber;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-rec-'));
  sessions = new SessionStore(dir);
  transcriber = new FakeTranscriber(() => transcript);
  events.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function service(extra: Partial<ConstructorParameters<typeof RecordingService>[0]> = {}): RecordingService {
  return new RecordingService({ sessions, transcriber, pid: 1111, isAlive: () => false, ...extra });
}

async function sendSpeech(rec: RecordingService, id: string, chunks: number, from = 0): Promise<number> {
  let offset = from;
  for (let i = 0; i < chunks; i++) {
    const samples = speechLike(4000, offset);
    const ack = await rec.chunk({ sessionId: id, offsetSamples: offset, pcm: bytesOf(samples) });
    offset += 4000;
    expect(ack.writtenSamples).toBe(offset);
  }
  return offset;
}

async function wavOf(id: string) {
  const bytes = await readFile(path.join(sessions.folderOf(id), 'audio.wav'));
  return { header: parseWavHeader(bytes), size: bytes.length, bytes };
}

describe('RecordingService', () => {
  it('records a take: WAV grows with every acknowledged chunk, stop makes a draft with its duration', async () => {
    const rec = service();
    const started = await rec.start(SETUP, emit);
    expect(started).toMatchObject({ sampleRate: 16000, maxChunkSamples: 4000, hardCapSec: 180, streaming: true });
    const doc = await sessions.get(started.sessionId);
    expect(doc).toMatchObject({ kind: 'recorded', status: 'recording', story: 'Bureau sentinel', targetSec: 60 });

    const written = await sendSpeech(rec, started.sessionId, 20); // 5 s
    const wav = await wavOf(started.sessionId);
    expect(wav.header.declaredDataBytes).toBe(written * 2);
    expect(transcriber.streams[0]?.samples).toBe(written); // the streaming transcriber got every sample

    const stopped = await rec.stop({ sessionId: started.sessionId, endedBy: 'user' });
    expect(stopped.durationSec).toBe(5);
    expect(stopped.noSpeech).toBe(false);
    expect(stopped.voicedSec).toBeGreaterThan(1.5);
    expect(stopped.session.status).toBe('draft');
    expect(stopped.session.durationSec).toBe(5);
    expect(rec.takeStream(started.sessionId)).toBe(transcriber.streams[0]);
    expect(rec.takeStream(started.sessionId)).toBeNull(); // handed over once
    await expect(stat(path.join(sessions.folderOf(started.sessionId), 'recording.pid'))).rejects.toThrow();
  });

  it('drops the overlap of a resent chunk and refuses a gap', async () => {
    const rec = service();
    const { sessionId } = await rec.start(SETUP, emit);
    await sendSpeech(rec, sessionId, 2);
    // The answer to chunk #2 was lost; the page resends it together with new audio.
    const again = speechLike(6000, 4000);
    const ack = await rec.chunk({ sessionId, offsetSamples: 4000, pcm: bytesOf(again) });
    expect(ack.writtenSamples).toBe(10000);
    const wav = await wavOf(sessionId);
    const stored = new Int16Array(wav.bytes.buffer.slice(wav.bytes.byteOffset + WAV_HEADER_BYTES));
    expect(Array.from(stored.subarray(4000, 10000))).toEqual(Array.from(speechLike(6000, 4000)));
    await expect(rec.chunk({ sessionId, offsetSamples: 12000, pcm: bytesOf(speechLike(100)) })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/missing between 0:00 and 0:00/),
    });
    await rec.dispose();
  });

  it('reports "no speech detected" for a silent take, keeps the audio, and drops the stream', async () => {
    const rec = service();
    const { sessionId } = await rec.start(SETUP, emit);
    for (let i = 0; i < 12; i++) {
      await rec.chunk({ sessionId, offsetSamples: i * 4000, pcm: new Uint8Array(8000) });
    }
    const stopped = await rec.stop({ sessionId, endedBy: 'user' });
    expect(stopped.noSpeech).toBe(true);
    expect(stopped.message).toMatch(/^No speech detected/);
    expect(stopped.session.status).toBe('failed');
    expect((await wavOf(sessionId)).header.declaredDataBytes).toBe(96000);
    expect(transcriber.streams[0]?.cancelled).toBe(true);
  });

  it('stops accepting audio at the hard cap', async () => {
    const rec = service();
    const { sessionId, hardCapSec } = await rec.start({ ...SETUP, targetSec: 15 }, emit);
    expect(hardCapSec).toBe(135);
    let offset = 0;
    let capReached = false;
    while (!capReached) {
      const ack = await rec.chunk({ sessionId, offsetSamples: offset, pcm: bytesOf(speechLike(16000 * 10, offset)) });
      offset += 16000 * 10;
      capReached = ack.capReached;
      expect(ack.writtenSamples).toBe(Math.min(offset, 135 * 16000));
    }
    const after = await rec.chunk({ sessionId, offsetSamples: offset, pcm: bytesOf(speechLike(4000)) });
    expect(after).toEqual({ writtenSamples: 135 * 16000, capReached: true });
    const stopped = await rec.stop({ sessionId, endedBy: 'hard_cap' });
    expect(stopped.durationSec).toBe(135);
    expect(stopped.message).toMatch(/reached its 2:15 limit/);
  });

  it('cancel keeps a draft or discards the take entirely', async () => {
    const rec = service();
    const kept = await rec.start(SETUP, emit);
    await sendSpeech(rec, kept.sessionId, 4);
    const k = await rec.cancel({ sessionId: kept.sessionId, keep: true });
    expect(k.kept).toBe(true);
    expect(k.session).toMatchObject({ status: 'draft', durationSec: 1 });
    expect((await sessions.get(kept.sessionId)).recording?.endedBy).toBe('cancelled');

    const dropped = await rec.start(SETUP, emit);
    await sendSpeech(rec, dropped.sessionId, 4);
    expect(await rec.cancel({ sessionId: dropped.sessionId, keep: false })).toEqual({ kept: false, session: null });
    await expect(stat(sessions.folderOf(dropped.sessionId))).rejects.toThrow();
    // A kept draft can be discarded later too.
    await rec.cancel({ sessionId: kept.sessionId, keep: false });
    expect((await sessions.list()).sessions).toEqual([]);
  });

  it('after a crash, the next start repairs the WAV (torn last chunk) and offers the take', async () => {
    const before = service({ pid: 2222 });
    const { sessionId } = await before.start(SETUP, emit);
    const acked = await sendSpeech(before, sessionId, 10);
    // kill -9 during the next chunk: half of it (an odd number of bytes) is on disk.
    await appendFile(
      path.join(sessions.folderOf(sessionId), 'audio.wav'),
      Buffer.from(bytesOf(speechLike(4000))).subarray(0, 3333),
    );

    const after = service({ pid: 3333, isAlive: () => false });
    const recovered = await after.recoverInterrupted();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.session.status).toBe('interrupted');
    const recoveredSamples = (recovered[0]?.recoveredSec ?? 0) * 16000;
    expect(recoveredSamples).toBeGreaterThanOrEqual(acked); // everything acknowledged survived
    expect(recoveredSamples).toBeLessThan(acked + 4000); // plus at most the torn chunk
    const wav = await wavOf(sessionId);
    expect(wav.size).toBe(WAV_HEADER_BYTES + wav.header.declaredDataBytes);
    expect(wav.header.declaredDataBytes % 2).toBe(0);
    expect(await after.listInterrupted()).toHaveLength(1);

    // The page is still recording: its next chunk gets a specific message, then it resumes.
    await expect(after.chunk({ sessionId, offsetSamples: acked, pcm: bytesOf(speechLike(4000)) })).rejects.toThrow(
      /back end restarted during this recording/,
    );
    const resumed = await after.resume({ sessionId });
    expect(resumed.writtenSamples).toBe(acked + 1666); // 3333 bytes torn: 1666 whole samples kept
    expect(recoveredSamples).toBeCloseTo(acked + 1666, -1);
    // The page resends from its last acknowledged sample; the overlap is dropped.
    const ack = await after.chunk({ sessionId, offsetSamples: acked, pcm: bytesOf(speechLike(4000, acked)) });
    expect(ack.writtenSamples).toBe(acked + 4000);
    const stopped = await after.stop({ sessionId, endedBy: 'user' });
    expect(stopped.durationSec).toBe((acked + 4000) / 16000);
    expect((await sessions.get(sessionId)).recording?.recoveredSec).toBe(recovered[0]?.recoveredSec);
  });

  it('does not touch a take another live process is recording, and removes takes with no audio', async () => {
    const other = service({ pid: 4444 });
    const live = await other.start(SETUP, emit);
    await sendSpeech(other, live.sessionId, 2);
    const empty = await other.start(SETUP, emit);
    await rm(path.join(sessions.folderOf(empty.sessionId), 'recording.pid'));

    const me = service({ pid: 5555, isAlive: (pid) => pid === 4444 });
    const recovered = await me.recoverInterrupted();
    expect(recovered).toEqual([]);
    expect((await sessions.get(live.sessionId)).status).toBe('recording');
    await expect(sessions.get(empty.sessionId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('on a full disk, stops the take cleanly and keeps the file', async () => {
    let dataWrites = 0;
    const openFile: OpenWavFile = async (f, flags) => {
      const real = await open(f, flags);
      return {
        read: real.read.bind(real),
        truncate: real.truncate.bind(real),
        datasync: real.datasync.bind(real),
        stat: real.stat.bind(real),
        close: real.close.bind(real),
        write: (async (buffer: Uint8Array, offset: number, length: number, position: number) => {
          if (length > 8 && ++dataWrites > 6) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
          return real.write(buffer, offset, length, position);
        }) as WavFileHandle['write'],
      };
    };
    const rec = service({ openFile });
    const { sessionId } = await rec.start(SETUP, emit);
    await sendSpeech(rec, sessionId, 5);
    const error = await rec
      .chunk({ sessionId, offsetSamples: 20000, pcm: bytesOf(speechLike(4000)) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk_full' });
    expect((error as Error).message).toMatch(/recording stopped at 0:01\. Everything recorded up to then is saved/);
    const doc = await sessions.get(sessionId);
    expect(doc).toMatchObject({ status: 'draft', recording: { endedBy: 'disk_full' }, audio: { durationSec: 1.25 } });
    expect((await wavOf(sessionId)).header.declaredDataBytes).toBe(40000);
    // The page's stop after the error answers from the document instead of failing.
    const stopped = await rec.stop({ sessionId, endedBy: 'user' });
    expect(stopped.durationSec).toBe(1.25);
    expect(stopped.message).toMatch(/disk is full/);
  });

  it('records without streaming when no transcription model is available', async () => {
    transcriber.streamingAvailable = false;
    const rec = service();
    const started = await rec.start(SETUP, emit);
    expect(started.streaming).toBe(false);
    await sendSpeech(rec, started.sessionId, 8);
    const stopped = await rec.stop({ sessionId: started.sessionId, endedBy: 'device_lost' });
    expect(stopped.message).toMatch(/microphone was disconnected\. The 0:02 recorded before that is saved/);
    expect(rec.takeStream(started.sessionId)).toBeNull();
  });
});
