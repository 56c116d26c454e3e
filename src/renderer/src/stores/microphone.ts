import { create } from 'zustand';
import { meterFraction, SignalWatch, type SignalWarnings } from '../../../core/practice/signal';
import { Capture, type CaptureEvents } from '../audio/capture';
import { listMicrophones, MicError, micErrorFrom, type MicDevice, type MicProblem } from '../audio/microphone';

interface MicState {
  status: 'off' | 'opening' | 'live' | 'error';
  error: { problem: MicProblem; message: string } | null;
  devices: MicDevice[];
  deviceId: string | null;
  deviceLabel: string | null;
  /** Latest block level in dBFS and its peak (0..1). */
  levelDb: number;
  peak: number;
  /** Highest meter position since the microphone was opened (proves the meter moved). */
  maxFraction: number;
  warnings: SignalWarnings;
  open(deviceId: string | null): Promise<void>;
  close(): Promise<void>;
}

let capture: Capture | null = null;
let openSeq = 0;
const watch = new SignalWatch();

/** While a take records, its chunks and a lost device go to these (set by the take store). */
export const captureSinks: {
  onChunk: ((samples: Int16Array) => void) | null;
  onDeviceLost: (() => void) | null;
} = { onChunk: null, onDeviceLost: null };

export function currentCapture(): Capture | null {
  return capture;
}

interface MicStore {
  set(patch: Partial<MicState>): void;
  get(): MicState;
}

export const useMicrophone = create<MicState>((set, get) => {
  const store: MicStore = { set, get };
  return {
    status: 'off',
    error: null,
    devices: [],
    deviceId: null,
    deviceLabel: null,
    levelDb: -100,
    peak: 0,
    maxFraction: 0,
    warnings: { silent: false, clipping: false },
    open: (deviceId) => openCapture(store, deviceId),
    close: () => closeCapture(store),
  };
});

async function openCapture(store: MicStore, deviceId: string | null): Promise<void> {
  const { set, get } = store;
  const seq = ++openSeq;
  set({ status: 'opening', error: null });
  const previous = capture;
  capture = null;
  await previous?.close();
  try {
    const opened = await Capture.open(deviceId, captureEvents(store));
    if (seq !== openSeq) {
      await opened.close();
      return;
    }
    capture = opened;
    watch.reset();
    // Labels are only visible once the microphone is allowed: list the devices now.
    const devices = await listMicrophones().catch(() => []);
    // Closed while the devices were listed (the user left Practice at once): stay closed, or the
    // store would say "live" with no capture and Start would fail with "not ready".
    if (seq !== openSeq) return;
    set({
      status: 'live',
      devices,
      deviceId: opened.deviceId,
      deviceLabel: opened.deviceLabel,
      maxFraction: 0,
      warnings: { silent: false, clipping: false },
    });
  } catch (error) {
    if (seq !== openSeq) return;
    const mic = error instanceof MicError ? error : micErrorFrom(error);
    if (mic.problem === 'no_device' && deviceId !== null) {
      // The remembered microphone is gone (unplugged, renamed): fall back to the default one.
      await get().open(null);
      return;
    }
    set({ status: 'error', error: { problem: mic.problem, message: mic.message }, levelDb: -100, peak: 0 });
  }
}

/** The level meter and signal warnings follow every block; chunks and a lost device go to the take when one records. */
function captureEvents({ set, get }: MicStore): CaptureEvents {
  return {
    onLevel: (level, seconds) => {
      const warnings = watch.feed(level, seconds);
      const fraction = meterFraction(level.rmsDb);
      const state = get();
      set({
        levelDb: level.rmsDb,
        peak: level.peak,
        maxFraction: Math.max(state.maxFraction, fraction),
        ...(warnings.silent !== state.warnings.silent || warnings.clipping !== state.warnings.clipping
          ? { warnings }
          : {}),
      });
    },
    onChunk: (samples) => captureSinks.onChunk?.(samples),
    onDeviceLost: () => {
      if (captureSinks.onDeviceLost) {
        captureSinks.onDeviceLost();
        return;
      }
      void get().close();
      set({
        status: 'error',
        error: {
          problem: 'no_device',
          message: 'The microphone was disconnected. Plug it back in or choose another one, then press “Try again”.',
        },
      });
    },
  };
}

async function closeCapture({ set }: MicStore): Promise<void> {
  openSeq++;
  const previous = capture;
  capture = null;
  set({ status: 'off', levelDb: -100, peak: 0 });
  await previous?.close();
}
