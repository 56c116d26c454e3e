/**
 * Serves a session's recording to the results view through the contract, the same way in both
 * shells: a description (size, duration, waveform peaks) and then the bytes in bounded chunks
 * that the renderer assembles into a Blob URL. No file path or URL ever reaches the renderer,
 * and no shell-specific protocol is needed (the CSP already allows blob: media).
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAX_AUDIO_CHUNK_BYTES, type AudioDescription } from '../../../shared/channels/results';
import { CoachError } from '../../../shared/coach-error';
import type { SessionStore } from '../sessions/session-store';
import { computePeaks } from './peaks';
import { readWavInfo, WavReadError } from './wav-info';

const MIME_BY_EXT: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.webm': 'audio/webm',
  '.m4a': 'audio/mp4',
};

interface CachedPeaks {
  size: number;
  mtimeMs: number;
  description: AudioDescription;
}

export class PlaybackService {
  private readonly cache = new Map<string, CachedPeaks>();

  constructor(private readonly store: SessionStore) {}

  /** The audio file of a session, checked to stay inside the session's folder. */
  async audioFileOf(id: string): Promise<string> {
    return this.store.audioFileOf(await this.store.get(id));
  }

  async describe(id: string): Promise<AudioDescription> {
    const file = await this.audioFileOf(id);
    const handle = await openAudio(file, id);
    try {
      const stat = await handle.stat();
      const cached = this.cache.get(file);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.description;
      const mime = MIME_BY_EXT[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      let description: AudioDescription;
      if (mime === 'audio/wav') {
        let info;
        try {
          info = await readWavInfo(handle);
        } catch (error) {
          if (error instanceof WavReadError)
            throw new CoachError('unsupported', `The recording of "${id}" cannot be read: ${error.message}`);
          throw error;
        }
        description = {
          mime,
          bytes: stat.size,
          durationSec: info.durationSec,
          peaks: await computePeaks(handle, info),
        };
      } else {
        const doc = await this.store.get(id);
        description = { mime, bytes: stat.size, durationSec: doc.audio?.durationSec ?? 0, peaks: null };
      }
      this.cache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, description });
      return description;
    } finally {
      await handle.close();
    }
  }

  async read(id: string, offset: number, length: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; total: number }> {
    if (length > MAX_AUDIO_CHUNK_BYTES) {
      throw new CoachError('invalid_input', `Audio is read in chunks of at most ${MAX_AUDIO_CHUNK_BYTES} bytes.`);
    }
    const file = await this.audioFileOf(id);
    const handle = await openAudio(file, id);
    try {
      const { size } = await handle.stat();
      if (offset > size)
        throw new CoachError('invalid_input', `Offset ${offset} is past the end of the recording (${size} bytes).`);
      const n = Math.min(length, size - offset);
      // A plain Uint8Array, not a Buffer: Buffer#toJSON would bypass the web shell's byte encoding.
      const bytes = new Uint8Array(n);
      const { bytesRead } = await handle.read(bytes, 0, n, offset);
      return { bytes: bytes.subarray(0, bytesRead), total: size };
    } finally {
      await handle.close();
    }
  }
}

async function openAudio(file: string, id: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CoachError('not_found', `The recording of session "${id}" is missing from its folder.`);
    }
    throw error;
  }
}
