/**
 * `coach transcribe AUDIO [options]` (the options and their help: OPTIONS below).
 * AUDIO: WAV, MP3 or FLAC. Without --json: one line per segment "[m:ss.s → m:ss.s] text" (h:mm:ss.s past an hour).
 * With --json: the Transcript JSON (what `coach analyze` reads). Status lines go to stderr.
 * Exit codes: 0 done, 1 engine failure, 2 bad input (file, model, options), 3 no speech detected.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CoachError, isCoachError } from '../../shared/coach-error';
import { formatClock } from '../../core/time/clock';
import type { Transcript } from '../../core/transcript/types';
import { validateVadModel, type WhisperModelInfo } from '../../backend/services/models/ggml-validate';
import { ModelManager } from '../../backend/services/models/model-manager';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { AudioDecodeError } from '../../backend/services/audio/audio-errors';
import type { WorkerSpawner } from '../../backend/services/whisper/spawner';
import { transcribeAudioFile, type TranscribeFileResult } from '../../backend/services/whisper/transcribe-file';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';

export const EXIT_NO_SPEECH = 3;

const OPTIONS = [
  {
    name: 'model',
    short: 'm',
    type: 'string',
    value: 'FILE|NAME',
    help: 'a ggml model file or an installed model name (default: the default model)',
  },
  { name: 'vad', type: 'string', value: 'FILE', help: 'Silero VAD ggml file (default: the installed VAD model)' },
  { name: 'json', type: 'boolean', help: 'print the transcript as JSON (input for "coach analyze")' },
  {
    name: 'threads',
    short: 't',
    type: 'string',
    value: 'N',
    help: 'CPU threads (default: number of cores, at most 8)',
    parse: threadCount,
  },
  {
    name: 'language',
    short: 'l',
    type: 'string',
    value: 'xx',
    help: 'spoken language (default en; multilingual models only for others)',
  },
  { name: 'prompt', type: 'string', value: 'TEXT', help: 'initial prompt (default keeps filler words)' },
  { name: 'no-prompt', type: 'boolean', help: 'no initial prompt' },
  HELP_OPTION,
] as const;

export const spec: CommandSpec<typeof OPTIONS> = {
  command: 'transcribe',
  operands: [{ name: 'AUDIO', help: 'WAV, MP3 or FLAC (any rate/channels; converted to 16 kHz mono)' }],
  options: OPTIONS,
};

function threadCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--threads must be a whole number from 1 to 64.');
  return n;
}

export interface TranscribeCommandDeps {
  dataDir?: string;
  manager?: ModelManager;
  spawner?: WorkerSpawner;
}

export interface TranscribeArgs {
  audio: string;
  model?: string;
  vad?: string;
  json: boolean;
  threads?: number;
  language?: string;
  prompt?: string;
}

/** Throws UsageError for a mistake in the command line. */
export function parseTranscribeArgs(argv: string[]): TranscribeArgs {
  const { options, positionals, given } = parseCommand(spec, argv);
  const [audio, extra] = positionals;
  if (audio === undefined) throw new UsageError('Missing AUDIO file.');
  if (extra !== undefined)
    throw new UsageError(`Only one AUDIO file can be transcribed (got "${audio}" and "${extra}").`);
  // --prompt and --no-prompt undo each other: the later one on the line counts.
  const promptGiven = given.findLast((name) => name === 'prompt' || name === 'no-prompt');
  const prompt = promptGiven === 'no-prompt' ? '' : options.prompt;
  return {
    audio,
    json: options.json === true,
    model: options.model,
    vad: options.vad,
    threads: options.threads,
    language: options.language,
    prompt,
  };
}

const clock = (sec: number) => formatClock(sec, { tenths: true });

export function renderTranscriptText(t: Transcript): string {
  return (
    t.segments.map((s) => `[${clock(s.start)} → ${clock(s.end)}] ${s.text}`).join('\n') +
    (t.segments.length ? '\n' : '')
  );
}

/**
 * Resolves the models and transcribes; shared with `coach analyze AUDIO`. Throws CoachError /
 * AudioDecodeError / UsageError for the user's mistakes.
 */
export async function transcribeForCli(
  args: Omit<TranscribeArgs, 'json'>,
  io: Pick<CliIo, 'stderr'>,
  deps: TranscribeCommandDeps = {},
): Promise<TranscribeFileResult> {
  const manager =
    deps.manager ??
    new ModelManager({ dataDir: deps.dataDir ?? defaultDataDir(process.platform, process.env, os.homedir()) });
  // The user's own file first: a missing recording matters before any missing model.
  await requireAudioFile(args.audio);
  const model = await manager.resolveModel(args.model);
  checkLanguage(args.language, model.info);
  const vadModelPath = args.vad !== undefined ? (await validateVadModel(args.vad)).path : await manager.vadModelPath();
  if (!vadModelPath) {
    throw new UsageError(
      'No voice-activity (VAD) model is installed: run "coach models download silero-v6.2.0" (0.9 MB) or pass --vad FILE.',
    );
  }
  let lastPct = -1;
  return transcribeAudioFile(args.audio, {
    modelPath: model.path,
    vadModelPath,
    threads: args.threads,
    language: args.language,
    prompt: args.prompt,
    spawner: deps.spawner,
    onStatus: (line) => io.stderr(`${line}\n`),
    onProgress: (f) => {
      const pct = Math.floor(f * 10) * 10;
      if (pct > lastPct) {
        lastPct = pct;
        io.stderr(`transcribing… ${pct}%\n`);
      }
    },
  });
}

async function requireAudioFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new CoachError('not_found', `Audio file not found: ${file}`);
  }
  if (!info.isFile()) throw new CoachError('invalid_input', `${file} is a folder, not an audio file.`);
}

/**
 * An English-only model transcribes every language as English, so another language is refused
 * rather than silently ignored.
 */
function checkLanguage(language: string | undefined, model: WhisperModelInfo): void {
  if (language === undefined) return;
  if (!/^([a-z]{2,3}|auto)$/.test(language)) {
    throw new UsageError(`--language takes a language code such as "en", "de" or "auto", got "${language}".`);
  }
  if (language !== 'en' && !model.multilingual) {
    throw new UsageError(
      `--language ${language}: ${path.basename(model.path)} is an English-only model; use a multilingual model (e.g. "base" rather than "base.en") for other languages.`,
    );
  }
}

/** The user's mistake (file, model, option), as opposed to an engine failure. */
export function isInputProblem(error: unknown): boolean {
  if (error instanceof UsageError || error instanceof AudioDecodeError) return true;
  return (
    isCoachError(error) &&
    ['not_found', 'model_missing', 'model_invalid', 'invalid_input', 'unsupported'].includes(error.code)
  );
}

/** Maps the user's mistakes to exit code 2 with one line on stderr; null for anything else. */
export function reportInputError(command: string, error: unknown, io: CliIo): number | null {
  if (!isInputProblem(error)) return null;
  io.stderr(`coach ${command}: ${(error as Error).message}\n`);
  return EXIT_BAD_INPUT;
}

export async function run(argv: string[], io: CliIo, deps: TranscribeCommandDeps = {}): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  try {
    const args = parseTranscribeArgs(argv);
    const result = await transcribeForCli(args, io, deps);
    if (result.noSpeech) {
      io.stderr(`No speech detected in ${args.audio}.\n`);
      if (args.json) io.stdout(`${JSON.stringify(result.transcript, null, 2)}\n`);
      return EXIT_NO_SPEECH;
    }
    io.stdout(args.json ? `${JSON.stringify(result.transcript, null, 2)}\n` : renderTranscriptText(result.transcript));
    return 0;
  } catch (error) {
    const code = reportInputError('transcribe', error, io);
    if (code !== null) {
      if (error instanceof UsageError) io.stderr(usage(spec));
      return code;
    }
    io.stderr(`coach transcribe: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
