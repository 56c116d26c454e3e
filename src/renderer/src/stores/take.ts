import { create } from 'zustand';
import type { Layer } from '../../../core/analysis/types';
import { RECORDING_SAMPLE_RATE } from '../../../core/practice/recording-limits';
import type { TakeSetupInput } from '../../../shared/channels/recording';
import { IMPORT_PART_BYTES } from '../../../shared/channels/imports';
import type { CoachErrorInfo } from '../../../shared/contract-types';
import { ChunkUploader, type UploadState } from '../audio/chunk-uploader';
import { playGentleSignal } from '../audio/gentle-signal';
import { call, CallError, messageOf } from '../coach';
import { sendFileInParts } from '../send-file-in-parts';
import { captureSinks, currentCapture } from './microphone';
import { openResults } from './navigation';

export type TakePhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'ended' | 'processing';

export interface TakeInfo {
  sessionId: string;
  kind: 'recorded' | 'typed' | 'imported';
  question: string;
  story: string;
  targetSec: number;
  hardCapSec: number;
  streaming: boolean;
  livePacing: boolean;
}

export interface Pacing {
  currentLayer: Layer | null;
  secondsPerLayer: Record<string, number>;
  transcribedSec: number;
}

interface TakeState {
  phase: TakePhase;
  take: TakeInfo | null;
  /** Seconds captured (16 kHz samples produced by the worklet). */
  elapsedSec: number;
  /** Seconds the back end has acknowledged (synced to disk). */
  savedSec: number;
  overtime: boolean;
  pacing: Pacing | null;
  upload: UploadState;
  /** A transient, non-blocking message on the recording screen. */
  notice: string | null;
  confirmingCancel: boolean;
  /** The typed-answer editor is open (set-up → writing → processing). */
  typing: boolean;
  processing: { stage: string; fraction: number; detail: string } | null;
  /** How a take ended when it did not go straight to processing (no speech, device lost, disk full). */
  ended: { message: string; canAnalyse: boolean } | null;
  error: string | null;

  startRecording(setup: TakeSetupInput & { livePacing: boolean }): Promise<void>;
  stopRecording(endedBy?: 'user' | 'hard_cap' | 'device_lost'): Promise<void>;
  askCancel(): void;
  dismissCancel(): void;
  cancelRecording(keep: boolean): Promise<void>;
  process(
    sessionId: string,
    info: Omit<TakeInfo, 'sessionId' | 'hardCapSec' | 'streaming' | 'livePacing'>,
  ): Promise<void>;
  cancelProcessing(): Promise<void>;
  submitTyped(setup: TakeSetupInput & { text: string; writingSec: number; timeLimitSec: number }): Promise<boolean>;
  importFile(setup: TakeSetupInput, file: File, onProgress: (fraction: number) => void): Promise<boolean>;
  setTyping(typing: boolean): void;
  reset(): void;
}

let uploader: ChunkUploader | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;
let unsubscribe: (() => void)[] = [];

function stopTicker(): void {
  if (ticker !== null) clearInterval(ticker);
  ticker = null;
}

function errorText(error: unknown): string {
  return error instanceof CallError ? error.info.message : messageOf(error);
}

const INITIAL = {
  phase: 'idle' as TakePhase,
  take: null,
  elapsedSec: 0,
  savedSec: 0,
  overtime: false,
  pacing: null,
  upload: { kind: 'ok' } as UploadState,
  notice: null,
  confirmingCancel: false,
  typing: false,
  processing: null,
  ended: null,
  error: null,
};

/**
 * One take from start to result: recording (capture → uploader → back end), the processing step
 * (progress events, cancellable), then the analysis. Typed answers and imports join at processing.
 */
export const useTake = create<TakeState>((set, get) => {
  const endCapture = async (): Promise<void> => {
    stopTicker();
    const capture = currentCapture();
    if (capture) await capture.stopRecording();
    captureSinks.onChunk = null;
    captureSinks.onDeviceLost = null;
  };

  const failTake = async (error: CoachErrorInfo): Promise<void> => {
    await endCapture();
    uploader = null;
    set({
      phase: 'ended',
      confirmingCancel: false,
      ended: {
        message: error.message,
        // Disk full or similar: the audio up to the failure is on disk and can be analysed.
        canAnalyse: error.code === 'disk_full',
      },
    });
  };

  return {
    ...INITIAL,

    startRecording: async (setup) => {
      const capture = currentCapture();
      if (!capture) {
        set({ error: 'The microphone is not ready. Allow it and check the level first.' });
        return;
      }
      set({ ...INITIAL, phase: 'starting' });
      // Capture starts at once: people talk as they press Space, and creating the take on disk
      // takes a moment. Audio captured meanwhile is held and sent first.
      const early: Int16Array[] = [];
      let lostEarly = false;
      captureSinks.onChunk = (samples) => early.push(samples);
      captureSinks.onDeviceLost = () => {
        lostEarly = true;
      };
      capture.startRecording();
      let started;
      try {
        started = await call('recording.start', setup);
      } catch (error) {
        await endCapture();
        set({ phase: 'idle', error: errorText(error) });
        return;
      }
      const take: TakeInfo = {
        sessionId: started.sessionId,
        kind: 'recorded',
        question: setup.question,
        story: setup.story,
        targetSec: setup.targetSec,
        hardCapSec: started.hardCapSec,
        streaming: started.streaming,
        livePacing: setup.livePacing,
      };
      uploader = new ChunkUploader(
        started.sessionId,
        {
          chunk: (input) => window.coach.invoke('recording.chunk', input),
          resume: (input) => window.coach.invoke('recording.resume', input),
        },
        { maxChunkSamples: started.maxChunkSamples },
        {
          onAck: (acked) => set({ savedSec: acked / RECORDING_SAMPLE_RATE }),
          onState: (state) => {
            set({ upload: state });
            if (state.kind === 'failed') void failTake(state.error);
          },
          onResumed: () =>
            set({
              notice:
                'The back end restarted during your recording. Nothing was lost: the take was recovered and goes on.',
            }),
          onCapReached: () => void get().stopRecording('hard_cap'),
        },
      );
      const active = uploader;
      for (const samples of early) active.push(samples);
      captureSinks.onChunk = (samples) => active.push(samples);
      captureSinks.onDeviceLost = () => void get().stopRecording('device_lost');
      set({ phase: 'recording', take });
      if (lostEarly) {
        // Unplugged while the take was being created: end it like any lost device.
        void get().stopRecording('device_lost');
        return;
      }
      ticker = setInterval(() => {
        const current = get();
        if (current.phase !== 'recording' || !current.take) return;
        const elapsedSec = active.pushedSamples / RECORDING_SAMPLE_RATE;
        const patch: Partial<TakeState> = { elapsedSec };
        if (!current.overtime && elapsedSec >= current.take.targetSec) {
          patch.overtime = true;
          patch.notice = 'Time’s up. Close on what you learned about the system, then stop.';
          playGentleSignal();
        }
        set(patch);
        if (elapsedSec >= current.take.hardCapSec) void get().stopRecording('hard_cap');
      }, 100);
    },

    stopRecording: async (endedBy = 'user') => {
      const { phase, take } = get();
      if (phase !== 'recording' || !take || !uploader) return;
      set({ phase: 'stopping', confirmingCancel: false });
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
        set({ phase: 'ended', ended: { message: errorText(error), canAnalyse: false } });
        return;
      }
      set({ elapsedSec: stopped.durationSec, savedSec: stopped.durationSec });
      if (stopped.noSpeech || endedBy === 'device_lost') {
        set({
          phase: 'ended',
          ended: { message: stopped.message ?? 'The take ended early.', canAnalyse: !stopped.noSpeech },
        });
        return;
      }
      if (stopped.message) set({ notice: stopped.message });
      await get().process(take.sessionId, take);
    },

    askCancel: () => {
      if (get().phase === 'recording') set({ confirmingCancel: true });
    },
    dismissCancel: () => set({ confirmingCancel: false }),

    cancelRecording: async (keep) => {
      const { take } = get();
      if (!take) return;
      set({ phase: 'stopping', confirmingCancel: false });
      await endCapture();
      const active = uploader;
      uploader = null;
      if (keep && active) await active.drain().catch(() => {});
      try {
        await call('recording.cancel', { sessionId: take.sessionId, keep });
        set({ ...INITIAL, notice: keep ? 'The take was kept as a draft in Sessions.' : 'The take was discarded.' });
      } catch (error) {
        set({ ...INITIAL, error: errorText(error) });
      }
    },

    process: async (sessionId, info) => {
      for (const off of unsubscribe) off();
      unsubscribe = [
        window.coach.on('analysis.progress', (p) => {
          if (p.sessionId === sessionId)
            set({ processing: { stage: p.stage, fraction: p.fraction, detail: p.detail } });
        }),
      ];
      set({
        phase: 'processing',
        typing: false,
        take: { hardCapSec: 0, streaming: false, livePacing: false, ...get().take, ...info, sessionId },
        processing: { stage: 'transcribing', fraction: 0, detail: 'Starting…' },
        ended: null,
        error: null,
      });
      try {
        await call('analysis.run', { sessionId });
        // The results view (Sessions) takes over; Practice is ready for the next take.
        set({ ...INITIAL });
        openResults(sessionId);
      } catch (error) {
        const cancelled = error instanceof CallError && error.info.code === 'cancelled';
        set({
          phase: cancelled ? 'idle' : 'ended',
          processing: null,
          ...(cancelled
            ? { notice: errorText(error) }
            : {
                ended: {
                  message: errorText(error),
                  canAnalyse: error instanceof CallError && error.info.code !== 'no_speech',
                },
              }),
        });
      } finally {
        for (const off of unsubscribe) off();
        unsubscribe = [];
      }
    },

    cancelProcessing: async () => {
      const { take } = get();
      if (!take) return;
      await call('analysis.cancel', { sessionId: take.sessionId }).catch(() => undefined);
    },

    submitTyped: async (setup) => {
      try {
        const { session } = await call('typed.submit', setup);
        void get().process(session.id, {
          kind: 'typed',
          question: setup.question,
          story: setup.story,
          targetSec: setup.targetSec,
        });
        return true;
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
    },

    importFile: async (setup, file, onProgress) => {
      set({ error: null });
      let importId: string | null = null;
      try {
        const begun = await call('imports.begin', { ...setup, fileName: file.name, size: file.size });
        importId = begun.importId;
        await sendFileInParts(file, Math.min(begun.partBytes, IMPORT_PART_BYTES), async (offset, bytes) => {
          await call('imports.part', { importId: begun.importId, offset, bytes });
          onProgress(Math.min(1, (offset + bytes.length) / file.size));
        });
        const done = await call('imports.finish', { importId });
        importId = null;
        void get().process(done.session.id, {
          kind: 'imported',
          question: setup.question,
          story: setup.story,
          targetSec: setup.targetSec,
        });
        return true;
      } catch (error) {
        if (importId !== null) await call('imports.cancel', { importId }).catch(() => undefined);
        set({ error: errorText(error) });
        return false;
      }
    },

    setTyping: (typing) => set({ typing, error: null }),
    reset: () => set({ ...INITIAL }),
  };
});

/** Live pacing events only matter for the take being recorded. */
window.coach?.on('recording.pacing', (p) => {
  const { take, phase } = useTake.getState();
  if (take && phase === 'recording' && take.livePacing && p.sessionId === take.sessionId) {
    useTake.setState({
      pacing: { currentLayer: p.currentLayer, secondsPerLayer: p.secondsPerLayer, transcribedSec: p.transcribedSec },
    });
  }
});
