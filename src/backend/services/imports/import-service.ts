import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CHUNK_SAMPLES, RECORDING_SAMPLE_RATE } from '../../../core/practice/recording-limits';
import { MIN_SPEECH_SECONDS, SpeechActivity } from '../../../core/practice/signal';
import { CoachError, isCoachError } from '../../../shared/coach-error';
import { IMPORT_PART_BYTES } from '../../../shared/channels/imports';
import { newSessionDocument, summarize, type SessionDocument } from '../../../shared/session-document';
import { asDiskError } from '../platform/atomic-write';
import { OpenUploads } from '../platform/open-uploads';
import type { ImportResult } from '../../../shared/channels/imports';
import type { TakeSetup } from '../../../shared/channels/recording';
import { AUDIO_FILE } from '../recording/recording-service';
import { WavAppender } from '../recording/wav-appender';
import type { SessionStore } from '../sessions/session-store';

/** Decoded audio, already 16 kHz mono 16-bit (the transcription service's decoder does this). */
interface DecodedAudio {
  samples: Int16Array;
  /** Short container/codec name: "wav", "mp3", "flac". */
  format: string;
  /** For the user, e.g. "MP3, 44100 Hz, stereo, 3:12". */
  description: string;
}

/** Decodes a WAV/MP3/FLAC file; throws a CoachError with a specific message for anything else. */
export type DecodeAudioFile = (file: string) => Promise<DecodedAudio>;

/** Audio imports are decoded one after another; more than this many receiving at once is a page gone wrong. */
const MAX_OPEN_IMPORTS = 4;

interface Upload {
  id: string;
  file: string;
  handle: FileHandle;
  size: number;
  received: number;
  fileName: string;
  setup: TakeSetup;
  queue: Promise<unknown>;
}

/**
 * Turns an existing recording into a session like a recorded one: the bytes arrive in parts
 * (web shell) or from a path the desktop's file dialog chose, are decoded to 16 kHz mono and
 * written as the session's WAV. The back end never opens a path supplied by the page.
 */
export class ImportService {
  private readonly uploads: OpenUploads<Upload>;
  private readonly tmpDir: string;

  constructor(
    private readonly options: {
      dataDir: string;
      sessions: SessionStore;
      decode: DecodeAudioFile;
      now?: () => Date;
      /** Imports receiving at once (each holds a file descriptor). */
      maxOpen?: number;
      /** An import that receives nothing for this long is dropped with its bytes. */
      idleMs?: number;
    },
  ) {
    this.tmpDir = path.join(options.dataDir, 'imports');
    this.uploads = new OpenUploads<Upload>({
      what: 'imports',
      maxOpen: options.maxOpen ?? MAX_OPEN_IMPORTS,
      idleMs: options.idleMs ?? 15 * 60 * 1000,
      discard: async (upload) => {
        await upload.handle.close().catch(() => {});
        await rm(upload.file, { force: true });
      },
    });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async begin(input: TakeSetup & { fileName: string; size: number }): Promise<{ importId: string; partBytes: number }> {
    const id = `imp-${randomBytes(8).toString('hex')}`;
    this.uploads.assertRoom();
    await mkdir(this.tmpDir, { recursive: true });
    const file = path.join(this.tmpDir, `${id}.part`);
    let handle: FileHandle;
    try {
      handle = await open(file, 'wx');
    } catch (error) {
      throw asDiskError(error, file);
    }
    const { fileName, size, ...setup } = input;
    // Checked again: other imports may have begun while this one waited for the disk.
    await this.uploads.add({ id, file, handle, size, received: 0, fileName, setup, queue: Promise.resolve() });
    return { importId: id, partBytes: IMPORT_PART_BYTES };
  }

  async part(input: { importId: string; offset: number; bytes: Uint8Array }): Promise<{ received: number }> {
    const upload = this.upload(input.importId);
    return this.uploads.writePart(upload, input.offset, input.bytes, {
      outOfOrder: (expected, offset) =>
        new CoachError('conflict', `Expected the part at byte ${expected}, got one at ${offset}.`),
      tooLarge: () => new CoachError('invalid_input', `The file is larger than the ${upload.size} bytes announced.`),
      diskError: (error) => asDiskError(error, upload.file),
    });
  }

  async finish(input: { importId: string }): Promise<ImportResult> {
    const upload = this.upload(input.importId);
    await upload.queue;
    if (upload.received !== upload.size) {
      throw new CoachError(
        'invalid_input',
        `Only ${upload.received} of ${upload.size} bytes arrived; send the rest first.`,
      );
    }
    this.uploads.forget(upload.id);
    await upload.handle.close();
    try {
      return await this.fromFile(upload.file, upload.fileName, upload.setup);
    } finally {
      await rm(upload.file, { force: true });
    }
  }

  async cancel(input: { importId: string }): Promise<{ cancelled: boolean }> {
    const upload = this.uploads.get(input.importId);
    if (!upload) return { cancelled: false };
    await upload.queue;
    await this.uploads.drop(upload.id);
    return { cancelled: true };
  }

  /** Decodes `file` and creates the imported session (also used after a desktop file dialog). */
  async fromFile(file: string, fileName: string, setup: TakeSetup): Promise<ImportResult> {
    let decoded: DecodedAudio;
    try {
      decoded = await this.options.decode(file);
    } catch (error) {
      // The decoder names the file it read (an upload's temporary file): speak of the user's file.
      if (isCoachError(error))
        throw new CoachError(error.code, error.message.split(path.basename(file)).join(`"${fileName}"`));
      throw new CoachError('unsupported', `"${fileName}" could not be read as audio: ${(error as Error).message}`);
    }
    const durationSec = decoded.samples.length / RECORDING_SAMPLE_RATE;
    const speech = new SpeechActivity(RECORDING_SAMPLE_RATE);
    speech.push(decoded.samples);
    if (speech.voicedSeconds() < MIN_SPEECH_SECONDS) {
      throw new CoachError(
        'no_speech',
        `No speech detected in "${fileName}": the audio is silent or too quiet to transcribe.`,
      );
    }
    const at = this.now();
    const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const id = `import-${stamp}-${randomBytes(2).toString('hex')}`;
    const folder = this.options.sessions.folderOf(id);
    await mkdir(folder, { recursive: true });
    try {
      const writer = await WavAppender.create(path.join(folder, AUDIO_FILE), {
        sampleRate: RECORDING_SAMPLE_RATE,
        channels: 1,
        bitsPerSample: 16,
      });
      try {
        const bytes = new Uint8Array(decoded.samples.buffer, decoded.samples.byteOffset, decoded.samples.byteLength);
        // Large appends, not one per 250 ms: nothing is live here, only the end result matters.
        const step = MAX_CHUNK_SAMPLES * 2 * 240;
        for (let at = 0; at < bytes.length; at += step) await writer.append(bytes.subarray(at, at + step));
      } finally {
        await writer.close();
      }
      // Named "Take N" like any take; the file it came from is shown beside it, not as its title.
      const doc: SessionDocument = {
        ...newSessionDocument(id, at, 'imported', 'draft', setup),
        audio: {
          file: AUDIO_FILE,
          sampleRate: RECORDING_SAMPLE_RATE,
          durationSec: Math.round(durationSec * 1000) / 1000,
        },
        recording: { voicedSec: Math.round(speech.voicedSeconds() * 1000) / 1000 },
        importedFrom: { fileName, format: decoded.format },
      };
      await this.options.sessions.save(doc);
      return { session: summarize(doc), durationSec, source: decoded.description };
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Removes upload leftovers of a previous run (the app quit mid-upload). */
  async cleanLeftovers(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      if (!name.endsWith('.part') || this.uploads.values().some((u) => u.file === file)) continue;
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs > 60 * 60 * 1000) await rm(file, { force: true });
    }
  }

  async dispose(): Promise<void> {
    await this.uploads.dropAll();
  }

  private upload(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload)
      throw new CoachError(
        'not_found',
        'This import is no longer in progress (it finished, was cancelled, or the app restarted). Start it again.',
      );
    return upload;
  }
}
