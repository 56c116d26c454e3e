import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src/core/transcript/types';
import { forkSpawner } from '../../../src/backend/services/whisper/spawner';
import {
  StreamingTranscription,
  transcribePcm,
  type UtteranceInfo,
} from '../../../src/backend/services/whisper/streaming';
import { TranscriberHost, type SpeechSpan } from '../../../src/backend/services/whisper/transcriber-host';
import { chattyModel, corpusStory, sleep, speak, VAD_MODEL, type Speech } from './support';

/**
 * Streaming during recording: an espeak-ng rendering of a corpus story is fed in 100-ms chunks
 * (10× faster than real time) while VAD cuts utterances and Whisper transcribes them.
 */
const CHUNK = 1600; // 100 ms at 16 kHz

function covered(spans: SpeechSpan[], utterances: UtteranceInfo[]): number {
  let total = 0;
  let inside = 0;
  for (const s of spans) {
    total += s.end - s.start;
    for (const u of utterances) inside += Math.max(0, Math.min(s.end, u.end) - Math.max(s.start, u.start));
  }
  return total === 0 ? 1 : inside / total;
}

function expectOrderedWithin(utterances: UtteranceInfo[], durationSec: number): void {
  utterances.forEach((u, i) => {
    expect(u.index).toBe(i);
    expect(u.start).toBeGreaterThanOrEqual(0);
    expect(u.end).toBeLessThanOrEqual(durationSec + 1e-6);
    expect(u.end - u.start).toBeLessThanOrEqual(25);
    if (i > 0) expect(u.start).toBeGreaterThanOrEqual((utterances[i - 1]?.end ?? 0) - 1e-6);
  });
}

function expectWordsInside(t: Transcript, utterances: UtteranceInfo[], durationSec: number): void {
  const words = t.segments.flatMap((s) => s.words ?? []);
  expect(words.length).toBeGreaterThan(0);
  const starts = words.map((w) => w.start);
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  for (const w of words) {
    expect(w.start).toBeGreaterThanOrEqual(0);
    expect(w.end).toBeLessThanOrEqual(durationSec);
    // every word lies in the utterance it came from, i.e. offsets were applied
    expect(utterances.some((u) => w.start >= u.start - 1e-6 && w.end <= u.end + 1e-6)).toBe(true);
  }
}

describe('streaming transcription while recording', () => {
  let host: TranscriberHost;
  let story: Speech;
  let reference: SpeechSpan[];

  beforeAll(async () => {
    const { text } = corpusStory('dev-01-credit-bureau-sentinel.json');
    story = speak(text, 'story-dev-01', 0.5, 1);
    host = new TranscriberHost({
      modelPath: await chattyModel(),
      vadModelPath: VAD_MODEL,
      spawner: forkSpawner({ stderr: 'ignore' }),
    });
    await host.start();
    reference = await host.detectSpeech(story.pcm);
  }, 180_000);

  afterAll(async () => {
    await host?.dispose();
  });

  async function record(
    session: StreamingTranscription,
    pcm: Int16Array,
    onChunk?: (sec: number) => void,
  ): Promise<void> {
    for (let i = 0; i < pcm.length; i += CHUNK) {
      session.push(pcm.slice(i, i + CHUNK));
      onChunk?.(session.durationSec);
      await sleep(10);
    }
  }

  it('cuts utterances as audio arrives, offsets them to the recording, and leaves only the tail for stop', async () => {
    expect(story.durationSec).toBeGreaterThan(60);
    const cutAt: { u: UtteranceInfo; recordedSec: number }[] = [];
    const partials: Transcript[] = [];
    const session = new StreamingTranscription(host, {
      temperatureInc: 0,
      onUtterance: (u) => cutAt.push({ u, recordedSec: session.durationSec }),
      onPartial: (t) => partials.push(t),
    });
    await record(session, story.pcm);
    // Utterances were cut while the audio was still arriving…
    const duringRecording = cutAt.length;
    // …and the cuts keep up with audio that arrives in real time. This feed runs 10× faster than
    // that, so on a slow machine VAD can be a few seconds behind when the last chunk lands: let it
    // catch up as real time would have, then stop.
    await session.caughtUp();
    const beforeStop = cutAt.length;
    const partialsBeforeStop = partials.length;
    const result = await session.stop();

    const utterances = result.utterances;
    expect(utterances.length).toBe(cutAt.length);
    expectOrderedWithin(utterances, story.durationSec);
    // cut while recording went on: each earlier utterance ended before the audio recorded by then
    expect(duringRecording).toBeGreaterThanOrEqual(3);
    for (const { u, recordedSec } of cutAt.slice(0, beforeStop)) expect(u.end).toBeLessThan(recordedSec);
    // on stop only the tail is left
    expect(cutAt.length - beforeStop).toBeLessThanOrEqual(2);
    // the partial transcript grew during the recording
    expect(partialsBeforeStop).toBeGreaterThanOrEqual(1);
    const sizes = partials.map((p) => p.segments.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    // the utterances cover the speech VAD finds in the whole recording
    expect(covered(reference, utterances)).toBeGreaterThan(0.95);
    expect(result.noSpeech).toBe(false);
    expect(result.transcript.durationSec).toBeCloseTo(story.durationSec, 3);
    expectWordsInside(result.transcript, utterances, story.durationSec);
    // a random model may say nothing for some stretch; most utterances must come back with words
    expect(utterances.filter((u) => u.words.length > 0).length).toBeGreaterThanOrEqual(0.8 * utterances.length);
  }, 300_000);

  it('batch transcription of the whole file goes through the same cuts', async () => {
    const progress: number[] = [];
    const result = await transcribePcm(host, story.pcm, { temperatureInc: 0, onProgress: (f) => progress.push(f) });
    // progress moves with every utterance, not once per file
    expect(progress.length).toBeGreaterThanOrEqual(result.utterances.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
    expectOrderedWithin(result.utterances, story.durationSec);
    expect(covered(reference, result.utterances)).toBeGreaterThan(0.95);
    expectWordsInside(result.transcript, result.utterances, story.durationSec);
  }, 300_000);

  it('a worker crash mid-recording loses no audio: the utterance is re-sent to the restarted engine', async () => {
    const part = story.pcm.subarray(0, 16000 * 40);
    let killed = false;
    const restarts = host.restarts;
    const session = new StreamingTranscription(host, {
      temperatureInc: 0,
      onUtterance: () => {
        if (killed) return;
        killed = true;
        setTimeout(() => process.kill(host.workerPid ?? -1, 'SIGKILL'), 50);
      },
    });
    await record(session, part);
    const result = await session.stop();
    expect(killed).toBe(true);
    expect(host.restarts).toBeGreaterThan(restarts);
    expectOrderedWithin(result.utterances, part.length / 16000);
    expect(result.utterances.filter((u) => u.words.length > 0).length).toBeGreaterThanOrEqual(
      0.8 * result.utterances.length,
    );
  }, 300_000);

  it('silence: no utterances, "no speech"', async () => {
    const session = new StreamingTranscription(host, { temperatureInc: 0 });
    await record(session, new Int16Array(16000 * 6));
    const result = await session.stop();
    expect(result.utterances).toEqual([]);
    expect(result.noSpeech).toBe(true);
    expect(result.transcript.segments).toEqual([]);
  }, 60_000);
});
