import type { FileHandle } from 'node:fs/promises';
import type { PcmSink } from './pcm-sink';
import type { AudioContainer } from './sniff-audio';

/** What a container decoder learned about the source, for the description and the result. */
export interface SourceInfo {
  container: AudioContainer;
  codec: string;
  sampleRate: number;
  channels: number;
  bitsPerSample: number | null;
  /** Recoverable problems (a damaged frame skipped, a short file), shown to the user. */
  warnings: string[];
}

export interface DecodeContext {
  /** File name for messages. */
  name: string;
  /** 0..1 of the file read. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Decodes a compressed stream that starts `offset` bytes into a file of `size` bytes. */
export type StreamDecoder = (
  fh: FileHandle,
  size: number,
  offset: number,
  sink: PcmSink,
  ctx: DecodeContext,
) => Promise<SourceInfo>;
