/**
 * Entry point of the transcriber worker process (child_process.fork under Node, utilityProcess in
 * Electron). Holds the native Whisper and VAD contexts so the model stays loaded between jobs. A
 * native crash here kills only this process; the host notices, fails the running job and restarts
 * us. Runs one transcription at a time (whisper.cpp's context is single-job); VAD requests use their
 * own context and may run alongside.
 */
import type { NativeJob, NativeVadContext, NativeWhisperContext, WhisperAddon } from './addon-types';
import { loadWhisperAddon } from './load-addon';
import type { HostToWorker, WorkerToHost } from './protocol';

interface Port {
  send(message: WorkerToHost): void;
  onMessage(handler: (message: HostToWorker) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Electron's utilityProcess exposes process.parentPort; child_process.fork gives process.send. */
function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (m) => electronPort.postMessage(m),
      onMessage: (h) => electronPort.on('message', (e) => h(e.data as HostToWorker)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('transcriber worker must be started by the transcriber host (no IPC channel)');
  return { send: (m) => void send(m), onMessage: (h) => process.on('message', (m) => h(m as HostToWorker)) };
}

/**
 * OpenMP threads that spin at barriers starve the very thread they wait for when the cores are
 * shared (the app, the renderer and VAD run beside Whisper on 2 cores). Measured here under load:
 * first transcription of a 5-s clip 9–14 s spinning (default) vs 0.65 s with PASSIVE; later ones
 * equal. Read by libgomp when the addon is loaded, so it's set before that; the user's value wins.
 */
process.env.OMP_WAIT_POLICY ??= 'PASSIVE';

type LogToggle = { toggleNativeLog?: (enable: boolean, cb?: (level: string, text: string) => void) => void };

const port = parentPort();
/** whisper.cpp logs a lot to stderr; keep the last lines for error reports instead. */
const nativeLog: string[] = [];
let addon: WhisperAddon | null = null;
let whisper: NativeWhisperContext | null = null;
let vad: NativeVadContext | null = null;
const running = new Map<number, NativeJob>();
const cancelled = new Set<number>();

function captureNativeLog(a: WhisperAddon): void {
  const cb = (_level: string, text: string) => {
    nativeLog.push(text.trimEnd());
    if (nativeLog.length > 40) nativeLog.shift();
  };
  (a.WhisperContext as unknown as LogToggle).toggleNativeLog?.(true, cb);
  (a.WhisperVadContext as unknown as LogToggle).toggleNativeLog?.(true, cb);
}

const toArrayBuffer = (pcm: Int16Array): ArrayBuffer =>
  pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength) as ArrayBuffer;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Message<K extends HostToWorker['type']> = Extract<HostToWorker, { type: K }>;

function fail(jobId: number, reason: string, wasCancelled = false): void {
  port.send({ type: 'error', jobId, message: reason, cancelled: wasCancelled });
}

/** Loads the addon and the model (and the VAD model when given), then reports what was loaded. */
function loadModels(msg: Message<'init'>): void {
  try {
    const loaded = loadWhisperAddon();
    addon = loaded.addon;
    captureNativeLog(addon);
    const t0 = performance.now();
    whisper = new addon.WhisperContext({ filePath: msg.modelPath, useGpu: false, useFlashAttn: msg.flashAttn });
    const modelLoadMs = performance.now() - t0;
    if (msg.vadModelPath)
      vad = new addon.WhisperVadContext({ filePath: msg.vadModelPath, useGpu: false, nThreads: msg.threads });
    port.send({
      type: 'ready',
      build: loaded.build,
      file: loaded.file,
      systemInfo: loaded.systemInfo,
      fallbackReason: loaded.fallbackReason,
      modelLoadMs,
      vadLoaded: vad !== null,
      pid: process.pid,
    });
  } catch (error) {
    port.send({ type: 'init-error', message: message(error), log: nativeLog.slice(-12) });
  }
}

/** Starts the native job; its progress and partial segments go to the host as they come. */
function startTranscription(model: NativeWhisperContext, msg: Message<'transcribe'>): NativeJob {
  const o = msg.options;
  return model.transcribeData(toArrayBuffer(msg.pcm), {
    language: o.language,
    maxThreads: o.threads,
    ...(o.prompt ? { prompt: o.prompt } : {}),
    ...(o.tokenTimestamps ? { tokenTimestamps: true, maxLen: 1 } : {}),
    ...(o.temperatureInc !== undefined ? { temperatureInc: o.temperatureInc } : {}),
    onProgress: (percent) => port.send({ type: 'progress', jobId: msg.jobId, percent }),
    onNewSegments: (r) => port.send({ type: 'segments', jobId: msg.jobId, segments: r.segments }),
  });
}

async function transcribe(msg: Message<'transcribe'>): Promise<void> {
  if (!whisper) return fail(msg.jobId, 'no model loaded');
  const started = performance.now();
  try {
    const job = startTranscription(whisper, msg);
    running.set(msg.jobId, job);
    if (cancelled.has(msg.jobId)) void job.stop();
    const result = await job.promise;
    if (result.isAborted || cancelled.has(msg.jobId)) {
      fail(msg.jobId, 'cancelled', true);
    } else {
      port.send({ type: 'result', jobId: msg.jobId, result, elapsedMs: performance.now() - started });
    }
  } catch (error) {
    fail(msg.jobId, message(error), cancelled.has(msg.jobId) || /cancel/i.test(message(error)));
  } finally {
    running.delete(msg.jobId);
    cancelled.delete(msg.jobId);
  }
}

async function detectSpeech(msg: Message<'vad'>): Promise<void> {
  if (!vad) return fail(msg.jobId, 'no VAD model loaded');
  const started = performance.now();
  try {
    const segments = msg.pcm.length === 0 ? [] : await vad.detectSpeechData(toArrayBuffer(msg.pcm), msg.options);
    port.send({ type: 'vad-result', jobId: msg.jobId, segments, elapsedMs: performance.now() - started });
  } catch (error) {
    fail(msg.jobId, message(error));
  }
}

async function bench(msg: Message<'bench'>): Promise<void> {
  if (!whisper) return fail(msg.jobId, 'no model loaded');
  try {
    port.send({ type: 'bench-result', jobId: msg.jobId, result: await whisper.bench(msg.threads) });
  } catch (error) {
    fail(msg.jobId, message(error));
  }
}

async function cancel(msg: Message<'cancel'>): Promise<void> {
  cancelled.add(msg.jobId);
  await running.get(msg.jobId)?.stop();
}

async function release(): Promise<void> {
  await whisper?.release();
  await vad?.release();
  whisper = null;
  vad = null;
  port.send({ type: 'released' });
  // Let the message flush, then leave.
  setTimeout(() => process.exit(0), 20);
}

async function handle(msg: HostToWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      return loadModels(msg);
    case 'transcribe':
      return transcribe(msg);
    case 'vad':
      return detectSpeech(msg);
    case 'bench':
      return bench(msg);
    case 'cancel':
      return cancel(msg);
    case 'release':
      return release();
  }
}

port.onMessage((msg) => {
  void handle(msg);
});

// Under child_process.fork: if the app goes away, don't linger holding the model in memory.
process.on('disconnect', () => process.exit(0));
