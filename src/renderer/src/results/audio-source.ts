/**
 * Fetches a take's recording through the contract in bounded chunks and turns it into a Blob
 * URL for the media element. Works the same in Electron (IPC) and in the web shell (HTTP): the
 * renderer never needs a file path or a shell-specific URL.
 */
import type { AudioDescription } from '../../../shared/channels/results';
import { call } from '../coach';

const AUDIO_CHUNK_BYTES = 4 * 1024 * 1024;

export interface LoadedAudio {
  description: AudioDescription;
  url: string;
  blob: Blob;
}

export async function describeAudio(id: string): Promise<AudioDescription> {
  return call('results.audio', { id });
}

export async function fetchAudio(
  id: string,
  description: AudioDescription,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<LoadedAudio> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  const total = description.bytes;
  while (offset < total) {
    if (signal.aborted) throw new DOMException('Audio loading was cancelled.', 'AbortError');
    const length = Math.min(AUDIO_CHUNK_BYTES, total - offset);
    const chunk = await call('results.audioChunk', { id, offset, length });
    if (chunk.bytes.length === 0) break;
    parts.push(new Uint8Array(chunk.bytes));
    offset += chunk.bytes.length;
    onProgress(Math.min(1, offset / Math.max(1, total)));
  }
  const blob = new Blob(parts, { type: description.mime });
  return { description, blob, url: URL.createObjectURL(blob) };
}
