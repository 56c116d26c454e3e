/**
 * `coach analyze FILE [options]` (the options and their help: OPTIONS below).
 * FILE: transcript JSON (app format or whisper.cpp -oj/-ojf), a typed answer (.txt), audio, or the
 * id of a stored take (transcribed and analysed now if it has no results yet).
 * Without --json: a readable report. With --json: only the Analysis JSON on stdout.
 * Bad input: one line on stderr and exit code 2.
 */
import { EmptyTranscriptError } from '../../core/analysis/analyze';
import { analyzeEncoded } from '../../backend/services/analysis/analyze-encoded';
import { createSentenceEncoder } from '../../backend/services/analysis/sentence-encoder';
import { parseLength } from '../../core/analysis/budget';
import { analyseStoredTake, isSessionReference } from '../analyze-session';
import { renderReport } from '../analyze-report';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';
import { InputError, readTranscriptInput, supportedExtensions } from '../transcript-input';

const OPTIONS = [
  {
    name: 'length',
    short: 'l',
    type: 'string',
    value: '60s|2m|3m|5m|2:30',
    help: 'answer length for the outline and budget (default: nearest of 60 s, 2, 3, 5 min)',
    parse: parseLength,
  },
  { name: 'json', type: 'boolean', help: 'print only the analysis as JSON' },
  {
    name: 'incident',
    type: 'boolean',
    help: 'it is an incident story: grade it even if the check reads it as not one (never one too short to judge)',
  },
  {
    name: 'pause',
    type: 'string',
    value: 'SECONDS',
    help: 'long-pause threshold in seconds (default 1.5)',
    parse: positiveNumber,
  },
  {
    name: 'wpm',
    type: 'string',
    value: 'N',
    help: 'speaking rate used to estimate times of a typed answer (default 150)',
    parse: positiveNumber,
  },
  {
    name: 'model',
    short: 'm',
    type: 'string',
    value: 'FILE|NAME',
    help: 'audio only: Whisper model file or installed name (default model otherwise)',
  },
  { name: 'vad', type: 'string', value: 'FILE', help: 'audio only: VAD model file (installed VAD model otherwise)' },
  HELP_OPTION,
] as const;

export const spec: CommandSpec<typeof OPTIONS> = {
  command: 'analyze',
  operands: [
    {
      name: 'FILE',
      help: `transcript or audio to transcribe first (${supportedExtensions().join(', ')}), or the id of a take in the data folder (one without results is transcribed and analysed now)`,
    },
  ],
  options: OPTIONS,
};

function positiveNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`${flag} must be a positive number (got "${text}").`);
  return n;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  let json = false;
  try {
    const { options, positionals } = parseCommand(spec, argv);
    json = options.json === true;
    const [file, extra] = positionals;
    if (file === undefined) throw new InputError('Missing FILE.');
    if (extra !== undefined) throw new InputError(`Only one FILE can be analysed (got "${file}" and "${extra}").`);
    const onStatus = (line: string) => io.stderr(`${line}\n`);
    let analysis;
    if (isSessionReference(file)) {
      for (const flag of ['model', 'vad', 'wpm', 'length', 'pause', 'incident'] as const) {
        if (options[flag] !== undefined) {
          throw new InputError(
            `--${flag} applies to files; a stored take keeps its own settings and uses the installed default model.`,
          );
        }
      }
      analysis = await analyseStoredTake(file, onStatus);
    } else {
      const transcript = await readTranscriptInput(file, {
        wordsPerMinute: options.wpm,
        model: options.model,
        vad: options.vad,
        onStatus,
      });
      analysis = await analyzeEncoded(createSentenceEncoder(), transcript, {
        lengthSeconds: options.length,
        pauseThresholdSec: options.pause,
        ...(options.incident === true ? { incidentConfirmed: true } : {}),
      });
    }
    if (options.incident === true && analysis.reason && !analysis.reason.disputable) {
      io.stderr(
        'coach analyze: --incident does not apply here: an answer too short to judge, a hypothetical, a pitch or instructions is not graded at your word.\n',
      );
    }
    io.stdout(json ? `${JSON.stringify(analysis, null, 2)}\n` : renderReport(analysis));
    return 0;
  } catch (error) {
    if (error instanceof EmptyTranscriptError && json) {
      // A script reading --json gets the same verdict shape as for any ungradable answer.
      io.stdout(`${JSON.stringify({ gradable: false, reason: EMPTY_REASON, tier: null, rubric: null }, null, 2)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (
      error instanceof UsageError ||
      error instanceof InputError ||
      error instanceof RangeError ||
      error instanceof EmptyTranscriptError
    ) {
      io.stderr(`coach analyze: ${oneLine(error.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

const EMPTY_REASON = {
  code: 'empty',
  message: 'The answer has no words to analyse.',
  next: 'Record or type your incident story, then analyse it again.',
};

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
