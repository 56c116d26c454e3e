/**
 * Recording a take: capture → uploader → back end, the clock with its target and hard cap, then
 * stopping (on to processing) or cancelling (kept as a draft or discarded).
 */
import { RECORDING_SAMPLE_RATE } from '../../../core/practice/recording-limits';
import type { TakeSetupInput } from '../../../shared/channels/recording';
import type { Contract } from '../../../shared/contract';
import type { CoachErrorInfo, OutputOf } from '../../../shared/contract-types';
import { ChunkUploader } from '../audio/chunk-uploader';
import { playGentleSignal } from '../audio/gentle-signal';
import { call } from '../coach';
import { captureSinks, currentCapture } from './microphone';
import { errorText, INITIAL_TAKE_STATE, type TakeInfo, type TakeState, type TakeStore } from './take-state';

type RecordingStarted = OutputOf<Contract, 'recording.start'>;

let uploader: ChunkUploader | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

function stopTicker(): void {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
}

async function endCapture(): Promise<void> {
  stopTicker();
  const capture = currentCapture();
  if (capture) await capture.stopRecording();
  captureSinks.onChunk = null;
  captureSinks.onDeviceLost = null;
}

async function failTake(store: TakeStore, error: CoachErrorInfo): Promise<void> {
  await endCapture();
  uploader = null;
  store.set({
    phase: 'ended',
    confirmingCancel: false,
    ended: {
      title: error.code === 'disk_full' ? 'The disk is full' : 'The take stopped',
      message: error.message,
      // Disk full or similar: the audio up to the failure is on disk and can be analysed.
      canAnalyse: error.code === 'disk_full',
    },
  });
}

/** What the microphone delivers before the take exists on disk. */
interface EarlyCapture {
  samples: Int16Array[];
  deviceLost: boolean;
}

function holdEarlyCapture(): EarlyCapture {
  const held: EarlyCapture = { samples: [], deviceLost: false };
  captureSinks.onChunk = (samples) => held.samples.push(samples);
  captureSinks.onDeviceLost = () => {
    held.deviceLost = true;
  };
  return held;
}

function recordedTakeInfo(setup: TakeSetupInput & { livePacing: boolean }, started: RecordingStarted): TakeInfo {
  return {
    sessionId: started.sessionId,
    kind: 'recorded',
    question: setup.question,
    story: setup.story,
    targetSec: setup.targetSec,
    hardCapSec: started.hardCapSec,
    streaming: started.streaming,
    livePacing: setup.livePacing,
  };
}

function openUploader(store: TakeStore, started: RecordingStarted): ChunkUploader {
  return new ChunkUploader(
    started.sessionId,
    {
      chunk: (input) => window.coach.invoke('recording.chunk', input),
      resume: (input) => window.coach.invoke('recording.resume', input),
    },
    { maxChunkSamples: started.maxChunkSamples },
    {
      onAck: (acked) => store.set({ savedSec: acked / RECORDING_SAMPLE_RATE }),
      onState: (state) => {
        store.set({ upload: state });
        if (state.kind === 'failed') void failTake(store, state.error);
      },
      onResumed: () =>
        store.set({
          notice: 'The back end restarted during your recording. Nothing was lost: the take was recovered and goes on.',
        }),
      onCapReached: () => void store.get().stopRecording('hard_cap'),
    },
  );
}

/** Ticks the elapsed time, signals the target once and stops the take at the hard cap. */
function startClock(store: TakeStore, active: ChunkUploader): void {
  ticker = setInterval(() => {
    const current = store.get();
    if (current.phase !== 'recording' || !current.take) return;
    const elapsedSec = active.pushedSamples / RECORDING_SAMPLE_RATE;
    const patch: Partial<TakeState> = { elapsedSec };
    if (!current.overtime && elapsedSec >= current.take.targetSec) {
      patch.overtime = true;
      patch.notice = 'Time’s up. Close on what you learned about the system, then stop.';
      playGentleSignal();
    }
    store.set(patch);
    if (elapsedSec >= current.take.hardCapSec) void store.get().stopRecording('hard_cap');
  }, 100);
}

export async function startRecording(store: TakeStore, setup: TakeSetupInput & { livePacing: boolean }): Promise<void> {
  const capture = currentCapture();
  if (!capture) {
    store.set({ error: 'The microphone is not ready. Allow it and check the level first.' });
    return;
  }
  store.set({ ...INITIAL_TAKE_STATE, phase: 'starting' });
  // Capture starts at once: people talk as they press Space, and creating the take on disk
  // takes a moment. Audio captured meanwhile is held and sent first.
  const early = holdEarlyCapture();
  capture.startRecording();
  let started;
  try {
    started = await call('recording.start', setup);
  } catch (error) {
    await endCapture();
    store.set({ phase: 'idle', error: errorText(error) });
    return;
  }
  const take = recordedTakeInfo(setup, started);
  uploader = openUploader(store, started);
  const active = uploader;
  for (const samples of early.samples) active.push(samples);
  captureSinks.onChunk = (samples) => active.push(samples);
  captureSinks.onDeviceLost = () => void store.get().stopRecording('device_lost');
  store.set({ phase: 'recording', take });
  if (early.deviceLost) {
    // Unplugged while the take was being created: end it like any lost device.
    void store.get().stopRecording('device_lost');
    return;
  }
  startClock(store, active);
}

export async function stopRecording(
  store: TakeStore,
  endedBy: 'user' | 'hard_cap' | 'device_lost' = 'user',
): Promise<void> {
  const { phase, take } = store.get();
  if (phase !== 'recording' || !take || !uploader) return;
  store.set({ phase: 'stopping', confirmingCancel: false });
  await endCapture();
  const active = uploader;
  try {
    await active.drain();
  } catch {
    return; // failTake already explained it
  }
  uploader = null;
  let stopped;
  try {
    stopped = await call('recording.stop', { sessionId: take.sessionId, endedBy });
  } catch (error) {
    store.set({
      phase: 'ended',
      ended: { title: 'The take could not be saved', message: errorText(error), canAnalyse: false },
    });
    return;
  }
  store.set({ elapsedSec: stopped.durationSec, savedSec: stopped.durationSec });
  if (stopped.noSpeech || endedBy === 'device_lost') {
    store.set({
      phase: 'ended',
      ended: {
        // Said as what happened: only a lost microphone cuts a take short here (the time limit goes on to analysis).
        title: stopped.noSpeech ? 'No speech detected' : 'The microphone was disconnected',
        message: stopped.message ?? 'The recording stopped.',
        canAnalyse: !stopped.noSpeech,
      },
    });
    return;
  }
  if (stopped.message) store.set({ notice: stopped.message });
  await store.get().process(take.sessionId, take);
}

export async function cancelRecording(store: TakeStore, keep: boolean): Promise<void> {
  const { take } = store.get();
  if (!take) return;
  store.set({ phase: 'stopping', confirmingCancel: false });
  await endCapture();
  const active = uploader;
  uploader = null;
  if (keep && active) await active.drain().catch(() => {});
  else active?.abandon();
  try {
    await call('recording.cancel', { sessionId: take.sessionId, keep });
    store.set({
      ...INITIAL_TAKE_STATE,
      notice: keep ? 'The take was kept as a draft in Sessions.' : 'The take was discarded.',
    });
  } catch (error) {
    store.set({ ...INITIAL_TAKE_STATE, error: errorText(error) });
  }
}
