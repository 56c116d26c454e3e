import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pacingFromAnalysis } from '../../../core/practice/pacing';
import { byteSize } from '../../../core/report/format';
import { hardCapSeconds, MAX_CHUNK_SAMPLES, RECORDING_SAMPLE_RATE } from '../../../core/practice/recording-limits';
import { MIN_SPEECH_SECONDS, SpeechActivity } from '../../../core/practice/signal';
import { formatClock } from '../../../core/time/clock';
import type { Transcript } from '../../../core/transcript/types';
import { CoachError, isCoachError } from '../../../shared/coach-error';
import type { Events } from '../../../shared/contract';
import type { HandlerContext } from '../../../shared/contract-types';
import type { InterruptedRecording, StopResult, TakeSetup } from '../../../shared/channels/recording';
import {
  newSessionDocument,
  summarize,
  type SessionDocument,
  type SessionSummary,
} from '../../../shared/session-document';
import { freeBytesOf, isDiskFull } from '../platform/free-space';
import type { SessionStore } from '../sessions/session-store';
import type { AnalyzeAsync } from '../analysis/off-loop-analyzer';
import type { TranscriptionStream, Transcriber } from './transcriber-port';
import { WavAppender, type OpenWavFile } from './wav-appender';
import { WAV_HEADER_BYTES, WavFormatError } from './wav-format';
import { repairWav } from './wav-repair';

export const AUDIO_FILE = 'audio.wav';
/** Marks a take as owned by a live process, so a second app instance never "recovers" it. */
const OWNER_FILE = 'recording.pid';
/** Recovered takes shorter than this hold nothing worth offering; they are removed. */
const MIN_RECOVERABLE_SEC = 0.25;

export type Emit = HandlerContext<Events>['emit'];

interface ActiveTake {
  id: string;
  writer: WavAppender;
  speech: SpeechActivity;
  stream: TranscriptionStream | null;
  capSamples: number;
  /** Appends run one after another even if calls overlap. */
  queue: Promise<unknown>;
  /** Partial transcripts asked for pacing so far: an older answer arriving late is dropped. */
  pacingAsked: number;
}

/** Takes recording at once in one back end (a second window or a resumed take, not a crowd). */
export const MAX_ACTIVE_TAKES = 4;

export interface RecordingServiceOptions {
  sessions: SessionStore;
  transcriber: Transcriber;
  /**
   * Needed for live pacing only: the same analysis processing runs (its sentences encoded on the
   * analysis thread, which remembers them), so the layers shown while speaking are the ones the
   * results will show for the same words.
   */
  analyze?: AnalyzeAsync;
  now?: () => Date;
  openFile?: OpenWavFile;
  pid?: number;
  /** Is process `pid` still running? (injected by tests). */
  isAlive?: (pid: number) => boolean;
}

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function newTakeId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `take-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Copies little-endian 16-bit PCM bytes into an aligned Int16Array. */
function samplesOf(bytes: Uint8Array): Int16Array {
  const copy = bytes.slice();
  return new Int16Array(copy.buffer, 0, copy.length / 2);
}

/**
 * The back end of a spoken take: a WAV file on disk that grows chunk by chunk (each append
 * synced, header valid), the session document beside it, the streaming transcriber fed as audio
 * arrives, and crash recovery for takes a previous run left behind.
 */
export class RecordingService {
  private readonly active = new Map<string, ActiveTake>();
  /** Streams of stopped takes, waiting for the processing step to finish them. */
  private readonly finished = new Map<string, TranscriptionStream>();
  private readonly now: () => Date;
  private readonly pid: number;
  private readonly isAlive: (pid: number) => boolean;

  constructor(private readonly options: RecordingServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.pid = options.pid ?? process.pid;
    this.isAlive = options.isAlive ?? defaultIsAlive;
  }

  private audioPath(id: string): string {
    return path.join(this.options.sessions.folderOf(id), AUDIO_FILE);
  }

  async start(
    setup: TakeSetup & { livePacing: boolean },
    emit: Emit,
  ): Promise<{
    sessionId: string;
    sampleRate: number;
    maxChunkSamples: number;
    hardCapSec: number;
    streaming: boolean;
  }> {
    // Each take holds an open file and maybe a transcription stream; one person speaks one at a time.
    if (this.active.size >= MAX_ACTIVE_TAKES) {
      throw new CoachError(
        'conflict',
        `${MAX_ACTIVE_TAKES} takes are already recording: stop or cancel one before starting another.`,
      );
    }
    const at = this.now();
    const id = newTakeId(at);
    const hardCapSec = hardCapSeconds(setup.targetSec);
    const writer = await this.createTakeFiles({
      ...newSessionDocument(id, at, 'recorded', 'recording', setup),
      audio: { file: AUDIO_FILE, sampleRate: RECORDING_SAMPLE_RATE, durationSec: 0 },
      recording: { livePacing: setup.livePacing },
    });
    const stream = await this.openLiveStream(id, setup, emit);
    this.active.set(id, {
      id,
      writer,
      speech: new SpeechActivity(RECORDING_SAMPLE_RATE),
      stream,
      capSamples: Math.round(hardCapSec * RECORDING_SAMPLE_RATE),
      queue: Promise.resolve(),
      pacingAsked: 0,
    });
    return {
      sessionId: id,
      sampleRate: RECORDING_SAMPLE_RATE,
      maxChunkSamples: MAX_CHUNK_SAMPLES,
      hardCapSec,
      streaming: stream !== null,
    };
  }

  /** The take's folder, owner mark, document and empty WAV; nothing is left behind if one fails. */
  private async createTakeFiles(doc: SessionDocument): Promise<WavAppender> {
    const { sessions } = this.options;
    const folder = sessions.folderOf(doc.id);
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, OWNER_FILE), `${this.pid}\n`);
      // The document first: a crash right after it leaves a take that recovery can clean up.
      await sessions.save(doc);
      return await WavAppender.create(
        this.audioPath(doc.id),
        { sampleRate: RECORDING_SAMPLE_RATE, channels: 1, bitsPerSample: 16 },
        this.options.openFile,
      );
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      if (isDiskFull(error)) throw await diskFullAtStart(sessions.root);
      throw error;
    }
  }

  /** Live transcription for pacing, or null when there is no model: the take records anyway. */
  private async openLiveStream(
    id: string,
    setup: TakeSetup & { livePacing: boolean },
    emit: Emit,
  ): Promise<TranscriptionStream | null> {
    try {
      await this.options.transcriber.prepare?.();
      return this.options.transcriber.openStream({
        onPartial: (transcript) => {
          if (setup.livePacing) this.emitPacing(id, transcript, setup.targetSec, emit);
        },
      });
    } catch {
      // No model (or the engine is down): record anyway, transcribe the file afterwards.
      return null;
    }
  }

  private emitPacing(id: string, transcript: Transcript, targetSec: number, emit: Emit): void {
    const analyze = this.options.analyze;
    if (!analyze || transcript.segments.length === 0) return;
    const take = this.active.get(id);
    if (!take) return;
    const asked = ++take.pacingAsked;
    // Pacing is a nicety: a partial transcript the engine rejects must not disturb the take.
    const analysis = (async () => analyze(transcript, { lengthSeconds: targetSec }))();
    analysis.then(
      (a) => {
        if (take.pacingAsked === asked) emit('recording.pacing', { sessionId: id, ...pacingFromAnalysis(a) });
      },
      () => {},
    );
  }

  async chunk(input: {
    sessionId: string;
    offsetSamples: number;
    pcm: Uint8Array;
  }): Promise<{ writtenSamples: number; capReached: boolean }> {
    const take = this.active.get(input.sessionId);
    if (!take) throw await this.notActive(input.sessionId);
    const run = take.queue.then(() => this.append(take, input.offsetSamples, input.pcm));
    take.queue = run.catch(() => {});
    return run;
  }

  private async append(
    take: ActiveTake,
    offset: number,
    pcm: Uint8Array,
  ): Promise<{ writtenSamples: number; capReached: boolean }> {
    if (!this.active.has(take.id)) throw await this.notActive(take.id);
    const written = take.writer.framesWritten;
    const room = take.capSamples - written;
    if (room <= 0) return { writtenSamples: written, capReached: true };
    if (offset > written) {
      throw new CoachError(
        'conflict',
        `Audio is missing between ${formatClock(written / RECORDING_SAMPLE_RATE)} and ${formatClock(offset / RECORDING_SAMPLE_RATE)}: chunks must arrive in order.`,
      );
    }
    // A resent chunk (after a lost answer) overlaps what is on disk: keep only the new part.
    let data = pcm.subarray((written - offset) * 2);
    if (data.length > room * 2) data = data.subarray(0, room * 2);
    if (data.length === 0) return { writtenSamples: written, capReached: false };
    try {
      await take.writer.append(data);
    } catch (error) {
      if (isCoachError(error) && error.code === 'disk_full') throw await this.endOnDiskFull(take, error);
      throw error;
    }
    const samples = samplesOf(data);
    take.speech.push(samples);
    if (take.stream) {
      try {
        take.stream.push(samples);
      } catch {
        take.stream = null; // the file is the source of truth; processing falls back to it
      }
    }
    const now = take.writer.framesWritten;
    return { writtenSamples: now, capReached: now >= take.capSamples };
  }

  /** Disk full: stop the take cleanly, keep everything written so far, explain it. */
  private async endOnDiskFull(take: ActiveTake, cause: CoachError): Promise<CoachError> {
    this.active.delete(take.id);
    await take.writer.close().catch(() => {});
    take.stream?.cancel();
    const durationSec = take.writer.framesWritten / RECORDING_SAMPLE_RATE;
    const message = `The disk is full, so the recording stopped at ${formatClock(durationSec)}. Everything recorded up to then is saved; free some space, then analyse the take from Sessions.`;
    try {
      await this.finishDocument(take.id, {
        status: 'draft',
        durationSec,
        endedBy: 'disk_full',
        voicedSec: take.speech.voicedSeconds(),
        error: message,
      });
    } catch {
      // Even the small document may not fit; the WAV is valid on its own and recovery finds it.
    }
    await this.releaseOwner(take.id);
    return new CoachError('disk_full', `${message} (${cause.message})`);
  }

  async stop(input: { sessionId: string; endedBy: 'user' | 'hard_cap' | 'device_lost' }): Promise<StopResult> {
    const take = this.active.get(input.sessionId);
    if (!take) return this.alreadyStopped(input.sessionId);
    await take.queue;
    this.active.delete(take.id);
    await take.writer.close();
    const durationSec = take.writer.framesWritten / RECORDING_SAMPLE_RATE;
    const voicedSec = take.speech.voicedSeconds();
    const noSpeech = voicedSec < MIN_SPEECH_SECONDS;
    const message = noSpeech
      ? `No speech detected: the ${formatClock(durationSec)} recorded is silent or too quiet to transcribe. Check the microphone and its level, then record again. The audio is kept in Sessions.`
      : input.endedBy === 'hard_cap'
        ? `The take reached its ${formatClock(take.capSamples / RECORDING_SAMPLE_RATE)} limit and was stopped there; everything up to it is saved.`
        : input.endedBy === 'device_lost'
          ? `The microphone was disconnected. The ${formatClock(durationSec)} recorded before that is saved.`
          : null;
    const doc = await this.finishDocument(take.id, {
      status: noSpeech ? 'failed' : 'draft',
      durationSec,
      endedBy: input.endedBy,
      voicedSec,
      ...(noSpeech && message ? { error: message } : {}),
    });
    if (take.stream) {
      if (noSpeech) take.stream.cancel();
      else this.finished.set(take.id, take.stream);
    }
    await this.releaseOwner(take.id);
    return { session: summarize(doc), durationSec, voicedSec, noSpeech, message };
  }

  /** stop() for a take that already ended (disk full, cap): answers from the document. */
  private async alreadyStopped(id: string): Promise<StopResult> {
    const doc = await this.options.sessions.get(id);
    if (doc.status === 'recording' || doc.status === 'interrupted') throw await this.notActive(id);
    const durationSec = doc.audio?.durationSec ?? 0;
    const voicedSec = doc.recording?.voicedSec ?? 0;
    return {
      session: summarize(doc),
      durationSec,
      voicedSec,
      noSpeech: voicedSec < MIN_SPEECH_SECONDS,
      message: doc.error ?? null,
    };
  }

  async cancel(input: {
    sessionId: string;
    keep: boolean;
  }): Promise<{ kept: boolean; session: SessionSummary | null }> {
    const take = this.active.get(input.sessionId);
    if (take) {
      await take.queue;
      this.active.delete(take.id);
      await take.writer.close();
      take.stream?.cancel();
      await this.releaseOwner(take.id);
      if (!input.keep) {
        await this.options.sessions.remove(take.id);
        return { kept: false, session: null };
      }
      const doc = await this.finishDocument(take.id, {
        status: 'draft',
        durationSec: take.writer.framesWritten / RECORDING_SAMPLE_RATE,
        endedBy: 'cancelled',
        voicedSec: take.speech.voicedSeconds(),
      });
      return { kept: true, session: summarize(doc) };
    }
    const doc = await this.options.sessions.get(input.sessionId);
    if (input.keep) return { kept: true, session: summarize(doc) };
    if (doc.status === 'ready' || doc.status === 'processing') {
      throw new CoachError('conflict', 'This take has been analysed; delete it from Sessions instead.');
    }
    this.finished.get(doc.id)?.cancel();
    this.finished.delete(doc.id);
    await this.options.sessions.remove(doc.id);
    return { kept: false, session: null };
  }

  /**
   * The back end restarted while the page kept recording: reopen the recovered file and go on
   * appending. Streaming does not resume (its state died with the old process); the whole file
   * is transcribed after the take instead.
   */
  async resume(input: { sessionId: string }): Promise<{ writtenSamples: number; hardCapSec: number }> {
    const existing = this.active.get(input.sessionId);
    if (existing) {
      await existing.queue;
      return { writtenSamples: existing.writer.framesWritten, hardCapSec: existing.capSamples / RECORDING_SAMPLE_RATE };
    }
    const doc = await this.options.sessions.get(input.sessionId);
    if (doc.status !== 'interrupted' && doc.status !== 'recording') {
      throw new CoachError('conflict', `This take has already ended (${doc.status}); it cannot be resumed.`);
    }
    const file = this.audioPath(doc.id);
    await repairWav(file);
    const writer = await WavAppender.reopen(file, this.options.openFile);
    const speech = new SpeechActivity(RECORDING_SAMPLE_RATE);
    const bytes = await readFile(file);
    speech.push(samplesOf(bytes.subarray(WAV_HEADER_BYTES, WAV_HEADER_BYTES + writer.bytesWritten)));
    const hardCapSec = hardCapSeconds(doc.targetSec);
    await writeFile(path.join(this.options.sessions.folderOf(doc.id), OWNER_FILE), `${this.pid}\n`);
    await this.options.sessions.save({ ...doc, status: 'recording', updatedAt: this.now().toISOString() });
    this.active.set(doc.id, {
      id: doc.id,
      writer,
      speech,
      stream: null,
      capSamples: Math.round(hardCapSec * RECORDING_SAMPLE_RATE),
      queue: Promise.resolve(),
      pacingAsked: 0,
    });
    return { writtenSamples: writer.framesWritten, hardCapSec };
  }

  /** The error for a chunk/stop aimed at a take this process is not recording. */
  private async notActive(id: string): Promise<CoachError> {
    let doc: SessionDocument;
    try {
      doc = await this.options.sessions.get(id);
    } catch {
      return new CoachError('not_found', `There is no recording "${id}" (it may have been discarded).`);
    }
    if (doc.status === 'interrupted' || doc.status === 'recording') {
      const saved = formatClock(doc.recording?.recoveredSec ?? doc.audio?.durationSec ?? 0);
      return new CoachError(
        'conflict',
        `The back end restarted during this recording. The ${saved} saved before the restart was recovered; resume the take or analyse what was saved.`,
      );
    }
    return new CoachError('conflict', `This recording has already ended (${doc.status}).`);
  }

  private async finishDocument(
    id: string,
    end: {
      status: SessionDocument['status'];
      durationSec: number;
      endedBy: NonNullable<SessionDocument['recording']>['endedBy'];
      voicedSec: number;
      error?: string;
    },
  ): Promise<SessionDocument> {
    const doc = await this.options.sessions.get(id);
    const next: SessionDocument = {
      ...doc,
      status: end.status,
      updatedAt: this.now().toISOString(),
      audio: { file: AUDIO_FILE, sampleRate: RECORDING_SAMPLE_RATE, durationSec: round3(end.durationSec) },
      recording: { ...doc.recording, endedBy: end.endedBy, voicedSec: round3(end.voicedSec) },
      ...(end.error ? { error: end.error } : {}),
    };
    if (!end.error) delete next.error;
    await this.options.sessions.save(next);
    return next;
  }

  private async releaseOwner(id: string): Promise<void> {
    await rm(path.join(this.options.sessions.folderOf(id), OWNER_FILE), { force: true });
  }

  /** Hands the stopped take's streaming transcriber to the processing step (once). */
  takeStream(id: string): TranscriptionStream | null {
    const stream = this.finished.get(id) ?? null;
    this.finished.delete(id);
    return stream;
  }

  isRecording(id: string): boolean {
    return this.active.has(id);
  }

  /**
   * At start-up: every take still marked "recording" whose owner process is gone was cut by a
   * crash. Its WAV is repaired (size from the file, cut to whole samples) and the take becomes
   * "interrupted", offered for analysis. Takes with nothing recorded are removed.
   */
  async recoverInterrupted(): Promise<InterruptedRecording[]> {
    const { sessions } = this.options;
    const listing = await sessions.list();
    const recovered: InterruptedRecording[] = [];
    for (const summary of listing.sessions) {
      if (summary.status !== 'recording' || this.active.has(summary.id)) continue;
      if (await this.ownedByLiveProcess(summary.id)) continue;
      const doc = await sessions.get(summary.id);
      const file = this.audioPath(doc.id);
      let durationSec = 0;
      try {
        durationSec = (await repairWav(file)).durationSec;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && !(error instanceof WavFormatError && (await sizeOf(file)) <= WAV_HEADER_BYTES)) {
          await sessions.save({
            ...doc,
            status: 'failed',
            updatedAt: this.now().toISOString(),
            error: `The interrupted recording could not be repaired (${(error as Error).message}); the file is kept in ${path.dirname(file)}.`,
          });
          continue;
        }
      }
      if (durationSec < MIN_RECOVERABLE_SEC) {
        await sessions.remove(doc.id);
        continue;
      }
      const at = this.now().toISOString();
      const next: SessionDocument = {
        ...doc,
        status: 'interrupted',
        updatedAt: at,
        audio: { file: AUDIO_FILE, sampleRate: RECORDING_SAMPLE_RATE, durationSec: round3(durationSec) },
        recording: { ...doc.recording, endedBy: 'backend_restart', recoveredAt: at, recoveredSec: round3(durationSec) },
      };
      await sessions.save(next);
      await this.releaseOwner(doc.id);
      recovered.push({ session: summarize(next), recoveredSec: round3(durationSec), recoveredAt: at });
    }
    return recovered;
  }

  async listInterrupted(): Promise<InterruptedRecording[]> {
    const { sessions } = this.options;
    const listing = await sessions.list();
    const out: InterruptedRecording[] = [];
    for (const summary of listing.sessions) {
      if (summary.status !== 'interrupted') continue;
      const doc = await sessions.get(summary.id);
      out.push({
        session: summary,
        recoveredSec: doc.recording?.recoveredSec ?? doc.audio?.durationSec ?? 0,
        recoveredAt: doc.recording?.recoveredAt ?? doc.updatedAt,
      });
    }
    return out;
  }

  private async ownedByLiveProcess(id: string): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(path.join(this.options.sessions.folderOf(id), OWNER_FILE), 'utf8');
    } catch {
      return false;
    }
    const pid = Number.parseInt(text.trim(), 10);
    return Number.isInteger(pid) && pid > 0 && pid !== this.pid && this.isAlive(pid);
  }

  /** Stops every live take (app quitting): files are valid already; documents say "interrupted". */
  async dispose(): Promise<void> {
    for (const take of [...this.active.values()]) {
      await take.queue;
      this.active.delete(take.id);
      await take.writer.close().catch(() => {});
      take.stream?.cancel();
    }
    for (const stream of this.finished.values()) stream.cancel();
    this.finished.clear();
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    const handle = await open(file, 'r');
    try {
      return (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function diskFullAtStart(dir: string): Promise<CoachError> {
  const free = await freeBytesOf(path.dirname(dir));
  const amount = free === null ? '' : ` (${byteSize(free)} free)`;
  return new CoachError(
    'disk_full',
    `The disk is full${amount}: nothing was recorded. Free some space, then start the take again.`,
  );
}
