/** The models store's state and the handle its actions work through. */
import type { CoachErrorInfo } from '../../../shared/contract-types';
import type { call } from '../coach';

export type ModelsOverview = Awaited<ReturnType<typeof call<'models.list'>>>;

export interface ModelProgress {
  receivedBytes: number;
  totalBytes: number | null;
  etaSec: number | null;
  bytesPerSec: number;
}

/** A model file going up from the page (web shell) in parts, then checked by the back end. */
export interface ModelUpload {
  fileName: string;
  sentBytes: number;
  totalBytes: number;
  /** 'checking': all bytes are in and the back end validates and installs the file. */
  phase: 'sending' | 'cancelling' | 'checking';
}

export interface ModelsState {
  overview: ModelsOverview | null;
  loadError: string | null;
  /** Per model: the last failure, kept with its code so the panel can offer "Import a file…". */
  errors: Record<string, CoachErrorInfo>;
  progress: Record<string, ModelProgress>;
  busy: Record<string, boolean>;
  notice: string | null;
  upload: ModelUpload | null;
  load(): Promise<void>;
  download(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  setDefault(id: string | null): Promise<void>;
  setMirror(url: string | null): Promise<void>;
  importFile(): Promise<void>;
  /** Where there is no file dialog: send a file the user picked in the page. */
  uploadFile(file: File): Promise<void>;
  cancelUpload(): void;
  bench(): Promise<void>;
}

export interface ModelsStore {
  set(patch: Partial<ModelsState> | ((state: ModelsState) => Partial<ModelsState>)): void;
  get(): ModelsState;
}

/** `record` without `key`. */
export function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
