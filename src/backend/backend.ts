import { OffLoopAnalyzer } from './services/analysis/off-loop-analyzer';
import type { BackendHandlers } from '../shared/contract';
import type { ShellKind } from '../shared/contract-types';
import { analysisHandlers } from './handlers/analysis';
import { exportHandlers } from './handlers/export';
import { appHandlers } from './handlers/app';
import { historyHandlers } from './handlers/history';
import { importsHandlers, type ChooseAudioFile } from './handlers/imports';
import { modelUploadHandlers, modelsHandlers, type ChooseModelFile } from './handlers/models';
import { recordingHandlers } from './handlers/recording';
import { resultsHandlers } from './handlers/results';
import { sessionsHandlers } from './handlers/sessions';
import { storiesHandlers } from './handlers/stories';
import { documentsHandlers } from './handlers/documents';
import { DocumentStore } from './services/documents/document-store';
import { typedHandlers } from './handlers/typed';
import { ChromiumPdfRenderer } from './services/export/chromium-pdf';
import { ExportService } from './services/export/export-service';
import type { PdfRenderer, SaveDialog } from './services/export/ports';
import { HistoryService } from './services/history/history-service';
import { packageInfo } from './services/platform/app-info';
import { decodeAudioFileToPcm16 } from './services/audio/decode-audio';
import { ImportService } from './services/imports/import-service';
import { ModelManager } from './services/models/model-manager';
import { ModelUploadService } from './services/models/model-upload';
import { BenchScheduler } from './services/models/bench-scheduler';
import type { ModelBenchmarker } from './services/models/recommend';
import { EngineActivity, trackRetranscriber, trackTranscriber } from './services/whisper/engine-activity';
import { createWhisperBenchmarker } from './services/whisper/whisper-benchmarker';
import { PlaybackService } from './services/playback/playback-service';
import { ProcessingService } from './services/processing/processing-service';
import { ResultsService } from './services/results/results-service';
import { createWhisperRetranscriber } from './services/results/whisper-retranscriber';
import { createAppTranscriber } from './services/recording/app-transcriber';
import { RecordingService } from './services/recording/recording-service';
import type { Transcriber } from './services/recording/transcriber-port';
import type { WorkerSpawner } from './services/whisper/spawner';
import { SessionStore } from './services/sessions/session-store';
import { StoryStore } from './services/stories/story-store';

export interface BackendOptions {
  dataDir: string;
  shell: ShellKind;
  /** Versions the shell knows (Electron and Chrome only exist inside Electron). */
  electronVersion: string | null;
  chromeVersion: string | null;
  /** Replaces the transcription engine (tests inject a scripted one; Whisper weights are absent). */
  transcriber?: Transcriber;
  /** How the Whisper worker process is started (Electron: utilityProcess; default child_process.fork). */
  transcriberSpawner?: WorkerSpawner;
  /** Desktop shell: the system open-file dialog for importing audio. */
  chooseAudioFile?: ChooseAudioFile;
  /** Desktop shell: the system open-file dialog for importing a model file. */
  chooseModelFile?: ChooseModelFile;
  /** Desktop shell: the system save dialog for exports (absent: the web shell downloads instead). */
  saveDialog?: SaveDialog;
  /** Desktop shell: Electron's printToPDF; default: headless Chromium (CLI and web shell). */
  pdfRenderer?: PdfRenderer;
  /**
   * The background bench that picks the recommended model: on by default; `quietMs` is how long
   * the engine must be idle first (tests shorten it), `false` turns it off.
   */
  autoBench?: false | { quietMs?: number; benchmarker?: ModelBenchmarker };
}

export interface Backend {
  handlers: BackendHandlers;
  services: {
    sessions: SessionStore;
    history: HistoryService;
    playback: PlaybackService;
    stories: StoryStore;
    recording: RecordingService;
    processing: ProcessingService;
    imports: ImportService;
    exporter: ExportService;
    models: ModelManager;
    benchScheduler: BenchScheduler;
  };
  dispose(): Promise<void>;
}

/** The stores and engines every area of the back end shares. */
function sharedServices(options: BackendOptions) {
  const sessions = new SessionStore(options.dataDir);
  const models = new ModelManager({ dataDir: options.dataDir });
  // Every stream and file job counts as engine work: the background bench waits for none.
  const activity = new EngineActivity();
  // Whisper with the installed model; tests inject a scripted transcriber (no weights here).
  // (Creating it starts nothing: the worker process starts on first use.)
  const appTranscriber = createAppTranscriber(models, options.transcriberSpawner);
  return {
    sessions,
    history: new HistoryService(sessions),
    playback: new PlaybackService(sessions),
    stories: new StoryStore(options.dataDir),
    models,
    activity,
    appTranscriber,
    transcriber: trackTranscriber(options.transcriber ?? appTranscriber.transcriber, activity),
    // Long transcripts and documents are analysed on a worker thread so one big request can't
    // stall the others: `analysis.run`, processing a take, saving corrections, re-transcribing
    // and auditing a document all go through it.
    analyzer: new OffLoopAnalyzer(),
    pdf: options.pdfRenderer ?? new ChromiumPdfRenderer(),
    generator: `Postmortem Coach ${packageInfo().version}`,
  };
}
type SharedServices = ReturnType<typeof sharedServices>;

/** Recording, processing, imports, results and exports: the services behind a take. */
function takeServices(options: BackendOptions, shared: SharedServices) {
  const { sessions, models, activity, transcriber, analyzer } = shared;
  const recording = new RecordingService({ sessions, transcriber, analyze: analyzer.analyze });
  // Takes a crash left behind are repaired before any recording call is served.
  const recovered = recording.recoverInterrupted().catch((error: unknown) => {
    console.error('[coach] recovering interrupted recordings failed', error);
    return [];
  });
  const imports = new ImportService({ dataDir: options.dataDir, sessions, decode: decodeAudioFileToPcm16 });
  void imports.cleanLeftovers();
  const modelUploads = new ModelUploadService({ manager: models });
  void modelUploads.cleanLeftovers();
  return {
    recording,
    recovered,
    processing: new ProcessingService({
      sessions,
      recording,
      transcriber,
      analyze: analyzer.analyze,
      encode: analyzer.encode,
    }),
    imports,
    modelUploads,
    results: new ResultsService({
      sessions,
      analyze: analyzer,
      retranscribe: trackRetranscriber(createWhisperRetranscriber(models, options.transcriberSpawner), activity),
    }),
    exporter: new ExportService({
      sessions,
      pdf: shared.pdf,
      saveDialog: options.saveDialog ?? null,
      generator: shared.generator,
    }),
  };
}
type TakeServices = ReturnType<typeof takeServices>;

/** The background bench that picks the recommended model once the engine has been idle a while. */
function benchServices(options: BackendOptions, shared: SharedServices) {
  const { models, activity } = shared;
  const autoBench = options.autoBench ?? {};
  const benchmarker =
    (autoBench !== false ? autoBench.benchmarker : undefined) ??
    createWhisperBenchmarker(options.transcriberSpawner ? { spawner: options.transcriberSpawner } : {});
  const benchScheduler = new BenchScheduler({
    run: async (signal) => {
      await models.runBench(benchmarker, { signal });
    },
    isBusy: () => activity.busy,
    enabled: autoBench !== false,
    ...(autoBench !== false && autoBench.quietMs !== undefined ? { quietMs: autoBench.quietMs } : {}),
    log: (message, error) => console.error(message, error),
  });
  activity.onChange((busy) => (busy ? benchScheduler.engineBusy() : benchScheduler.engineIdle()));
  benchScheduler.request();
  return { benchmarker, benchScheduler };
}

/** Each area's handlers are keyed by their channel names; a channel missing here is a compile error. */
function backendHandlers(
  options: BackendOptions,
  shared: SharedServices,
  take: TakeServices,
  bench: ReturnType<typeof benchServices>,
): BackendHandlers {
  const { sessions, stories, models, analyzer } = shared;
  const documents = new DocumentStore(options.dataDir);
  return {
    ...appHandlers(options, () => shared.appTranscriber.engineInfo()),
    ...sessionsHandlers(sessions),
    ...resultsHandlers(sessions, shared.playback, take.results),
    ...historyHandlers(shared.history),
    ...storiesHandlers(stories, sessions),
    ...documentsHandlers(documents, stories, { pdf: shared.pdf, generator: shared.generator }, analyzer.audit),
    ...recordingHandlers(take.recording, take.recovered),
    ...analysisHandlers(take.processing, analyzer.analyze),
    ...typedHandlers(sessions),
    ...importsHandlers(take.imports, options.chooseAudioFile ?? null),
    ...exportHandlers(take.exporter),
    ...modelsHandlers(models, options.chooseModelFile ?? null, bench.benchmarker, bench.benchScheduler),
    // An uploaded model is measured in the background like one imported through the dialog.
    ...modelUploadHandlers(take.modelUploads, () => bench.benchScheduler.request()),
  };
}

/**
 * The whole back end without Electron: both shells (Electron IPC and the web shell) create one
 * and route the contract's channels to `handlers`. `backendHandlers` must list exactly the
 * contract's channels — a missing or extra one is a compile error.
 */
export function createBackend(options: BackendOptions): Backend {
  const shared = sharedServices(options);
  const take = takeServices(options, shared);
  const bench = benchServices(options, shared);
  const { sessions, history, playback, stories, models } = shared;
  const { recording, processing, imports, exporter } = take;
  return {
    handlers: backendHandlers(options, shared, take, bench),
    services: {
      sessions,
      history,
      playback,
      stories,
      recording,
      processing,
      imports,
      exporter,
      models,
      benchScheduler: bench.benchScheduler,
    },
    dispose: async () => {
      await bench.benchScheduler.dispose();
      await recording.dispose();
      await shared.appTranscriber.dispose();
      await imports.dispose();
      await take.modelUploads.dispose();
      await shared.analyzer.dispose();
    },
  };
}
