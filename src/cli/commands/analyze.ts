/**
 * `coach analyze FILE [--length 3m] [--json] [--pause 1.5] [--wpm 150]`
 * FILE: transcript JSON (app format or whisper.cpp -oj/-ojf) or a typed answer (.txt).
 * Without --json: a readable report. With --json: only the Analysis JSON on stdout.
 * Bad input: one line on stderr and exit code 2.
 */
import { analyzeTranscript, EmptyTranscriptError } from '../../core/analysis/analyze';
import { parseLength } from '../../core/analysis/budget';
import { renderReport } from '../analyze-report';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { InputError, readTranscriptInput, supportedExtensions } from '../transcript-input';

const USAGE = `Usage: coach analyze FILE [--length 60s|2m|3m|5m|2:30] [--json] [--pause SECONDS] [--wpm N] [--model FILE|NAME] [--vad FILE]
  FILE       transcript or audio to transcribe first (${supportedExtensions().join(', ')})
  --length   answer length for the outline and budget (default: nearest of 60 s, 2, 3, 5 min)
  --json     print only the analysis as JSON
  --pause    long-pause threshold in seconds (default 1.5)
  --wpm      speaking rate used to estimate times of a typed answer (default 150)
  --model    audio only: Whisper model file or installed name (default model otherwise)
  --vad      audio only: VAD model file (installed VAD model otherwise)
`;

interface Args {
  file: string;
  json: boolean;
  length?: number;
  pause?: number;
  wpm?: number;
  model?: string;
  vad?: string;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let json = false;
  let length: number | undefined;
  let pause: number | undefined;
  let wpm: number | undefined;
  let model: string | undefined;
  let vad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new InputError(`${a} needs a value.`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--length' || a === '-l') length = parseLength(value());
    else if (a.startsWith('--length=')) length = parseLength(a.slice('--length='.length));
    else if (a === '--pause') pause = positiveNumber(a, value());
    else if (a === '--wpm') wpm = positiveNumber(a, value());
    else if (a === '--model' || a === '-m') model = value();
    else if (a === '--vad') vad = value();
    else if (a.startsWith('-')) throw new InputError(`Unknown option ${a}.`);
    else if (file === undefined) file = a;
    else throw new InputError(`Only one FILE can be analysed (got "${file}" and "${a}").`);
  }
  if (file === undefined) throw new InputError('Missing FILE.');
  return {
    file,
    json,
    ...(length !== undefined ? { length } : {}),
    ...(pause !== undefined ? { pause } : {}),
    ...(wpm !== undefined ? { wpm } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(vad !== undefined ? { vad } : {}),
  };
}

function positiveNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`${flag} must be a positive number (got "${text}").`);
  return n;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    const transcript = await readTranscriptInput(args.file, {
      ...(args.wpm !== undefined ? { wordsPerMinute: args.wpm } : {}),
      ...(args.model !== undefined ? { model: args.model } : {}),
      ...(args.vad !== undefined ? { vad: args.vad } : {}),
      onStatus: (line) => io.stderr(`${line}\n`),
    });
    const analysis = analyzeTranscript(transcript, {
      ...(args.length !== undefined ? { lengthSeconds: args.length } : {}),
      ...(args.pause !== undefined ? { pauseThresholdSec: args.pause } : {}),
    });
    io.stdout(args.json ? `${JSON.stringify(analysis, null, 2)}\n` : renderReport(analysis));
    return 0;
  } catch (error) {
    if (error instanceof EmptyTranscriptError && argv.includes('--json')) {
      // A script reading --json gets the same verdict shape as for any ungradable answer.
      io.stdout(`${JSON.stringify({ gradable: false, reason: EMPTY_REASON, tier: null, rubric: null }, null, 2)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InputError || error instanceof RangeError || error instanceof EmptyTranscriptError) {
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
