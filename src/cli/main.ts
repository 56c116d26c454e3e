import { packageInfo } from '../backend/services/platform/app-info';
import { EXIT_BAD_INPUT, processIo, type CliCommand, type CliIo } from './io';
import { HELP_OPTION, parseCommand, splitAtCommand, usage, UsageError, wantsHelp, type CommandSpec } from './options';

/** Subcommands load lazily so `coach --version` never pays for the Whisper engine. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  analyze: {
    summary: 'Coach an incident story: layers, time per layer, rubric, fixes',
    load: () => import('./commands/analyze'),
  },
  audit: {
    summary: 'Audit a postmortem document (md, txt, html, docx) and outline a spoken answer',
    load: () => import('./commands/audit'),
  },
  doctor: { summary: 'Check Node/Electron, the data folder and CPU features', load: () => import('./commands/doctor') },
  export: {
    summary: 'Export a coached transcript: md, html, pdf, json, vtt (with redaction)',
    load: () => import('./commands/export'),
  },
  import: {
    summary: 'Import a session exported as JSON into the data folder',
    load: () => import('./commands/import'),
  },
  models: {
    summary: 'Whisper/VAD models: list, download, import, remove, default',
    load: () => import('./commands/models'),
  },
  transcribe: {
    summary: 'Transcribe a WAV/MP3/FLAC file locally with Whisper (text or --json)',
    load: () => import('./commands/transcribe'),
  },
};

const OPTIONS = [{ name: 'version', short: 'v', type: 'boolean', help: 'print the version' }, HELP_OPTION] as const;

export const spec: CommandSpec<typeof OPTIONS> = {
  command: '',
  synopsis: '<command> [options]',
  operandsTitle: 'Commands:',
  operands: Object.entries(COMMANDS).map(([name, c]) => ({ name, help: c.summary })),
  options: OPTIONS,
  notes: 'Run "coach <command> --help" for the options of one command.',
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const { own, name, rest } = splitAtCommand(argv);
  if (wantsHelp(spec, own) || name === 'help') {
    io.stdout(usage(spec));
    return 0;
  }
  try {
    if (parseCommand(spec, own).options.version) {
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`coach: ${error.message} Run "coach --help" for the options.\n`);
    return EXIT_BAD_INPUT;
  }
  if (name === undefined) {
    io.stdout(usage(spec));
    return EXIT_BAD_INPUT;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`coach: unknown command "${name}". Run "coach --help" for the list.\n`);
    return EXIT_BAD_INPUT;
  }
  const { run } = await command.load();
  return run(rest, io);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly || process.env.COACH_CLI_ENTRY === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coach: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
