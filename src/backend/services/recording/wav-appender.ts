import { open, type FileHandle } from 'node:fs/promises';
import { CoachError } from '../../../shared/coach-error';
import { asDiskError } from '../platform/atomic-write';
import { parseWavHeader, sizeFields, WAV_HEADER_BYTES, wavHeader, WavFormatError, type PcmFormat } from './wav-format';

/** The file operations the appender needs (a FileHandle; tests wrap one to inject failures). */
export type WavFileHandle = Pick<FileHandle, 'write' | 'read' | 'truncate' | 'datasync' | 'stat' | 'close'>;
export type OpenWavFile = (file: string, flags: 'wx' | 'r+') => Promise<WavFileHandle>;

const openReal: OpenWavFile = (file, flags) => open(file, flags);

async function writeAll(handle: WavFileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Appends PCM to a WAV file so that the file on disk is a valid WAV after every append: the
 * samples are written first, then both size fields of the header are rewritten in place, then
 * the file is fdatasync'ed. A crash between those steps leaves a header that under-counts the
 * data, which `repairWav` fixes from the file size; so at most the chunk in flight is lost.
 */
export class WavAppender {
  private closed = false;

  private constructor(
    readonly file: string,
    readonly format: PcmFormat,
    private readonly handle: WavFileHandle,
    private dataBytes: number,
  ) {}

  /** Creates a new file (never overwrites one) with an empty, valid header, synced to disk. */
  static async create(file: string, format: PcmFormat, openFile: OpenWavFile = openReal): Promise<WavAppender> {
    let handle: WavFileHandle;
    try {
      handle = await openFile(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new CoachError('conflict', `A recording already exists at ${file}; it was not overwritten.`);
      }
      throw asDiskError(error, file);
    }
    try {
      await writeAll(handle, wavHeader(format, 0), 0);
      await handle.datasync();
    } catch (error) {
      await handle.close().catch(() => {});
      throw asDiskError(error, file);
    }
    return new WavAppender(file, format, handle, 0);
  }

  /** Reopens a file this app wrote (after `repairWav`) to keep appending to it. */
  static async reopen(file: string, openFile: OpenWavFile = openReal): Promise<WavAppender> {
    const handle = await openFile(file, 'r+');
    try {
      const head = Buffer.alloc(WAV_HEADER_BYTES);
      await handle.read(head, 0, WAV_HEADER_BYTES, 0);
      const parsed = parseWavHeader(head);
      const size = (await handle.stat()).size;
      if (size !== WAV_HEADER_BYTES + parsed.declaredDataBytes) {
        throw new WavFormatError('the header does not match the file size; repair it first');
      }
      const format: PcmFormat = { sampleRate: parsed.sampleRate, channels: parsed.channels, bitsPerSample: 16 };
      return new WavAppender(file, format, handle, parsed.declaredDataBytes);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  get bytesWritten(): number {
    return this.dataBytes;
  }

  get framesWritten(): number {
    return this.dataBytes / (this.format.channels * 2);
  }

  /**
   * Appends whole 16-bit frames. On failure (disk full) the partial write is cut off again so
   * the file still matches its header, and the error says what happened; the recording up to
   * the previous chunk stays intact.
   */
  async append(pcm: Uint8Array): Promise<void> {
    if (this.closed) throw new CoachError('conflict', 'This recording file is already closed.');
    const blockAlign = this.format.channels * 2;
    if (pcm.length % blockAlign !== 0) {
      throw new CoachError('invalid_input', `Audio chunks must hold whole 16-bit samples (got ${pcm.length} bytes).`);
    }
    if (pcm.length === 0) return;
    const position = WAV_HEADER_BYTES + this.dataBytes;
    try {
      await writeAll(this.handle, pcm, position);
    } catch (error) {
      await this.handle.truncate(position).catch(() => {});
      await this.handle.datasync().catch(() => {});
      throw asDiskError(error, this.file);
    }
    const next = this.dataBytes + pcm.length;
    const fields = sizeFields(next);
    try {
      await writeAll(this.handle, fields.riff, 4);
      await writeAll(this.handle, fields.data, 40);
      await this.handle.datasync();
    } catch (error) {
      // Samples are on disk but the header may be stale: recovery reads the size from the file.
      throw asDiskError(error, this.file);
    }
    this.dataBytes = next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}
