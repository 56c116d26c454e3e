/** The take store's state, its starting value and the handle its actions work through. */
import type { Layer } from '../../../core/analysis/types';
import type { TakeSetupInput } from '../../../shared/channels/recording';
import type { ProcessingProgress } from '../../../shared/events/recording';
import type { UploadState } from '../audio/chunk-uploader';
import { CallError, messageOf } from '../coach';

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

interface Pacing {
  currentLayer: Layer | null;
  secondsPerLayer: Record<string, number>;
  transcribedSec: number;
}

export interface TakeState {
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
  processing: ProcessingProgress | null;
  /** How a take ended when it did not go straight to processing (no speech, device lost, disk full). */
  ended: { title: string; message: string; canAnalyse: boolean } | null;
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

export const INITIAL_TAKE_STATE = {
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

/** The store's own set and get, for the actions written outside its creator. */
export interface TakeStore {
  set(patch: Partial<TakeState>): void;
  get(): TakeState;
}

export function errorText(error: unknown): string {
  return error instanceof CallError ? error.info.message : messageOf(error);
}
