import { formatClock } from '../../core/time/clock';
import os from 'node:os';
import { isCoachError } from '../../shared/coach-error';
import { ModelDownloadError } from '../../backend/services/models/download-errors';
import type { DownloadProgress } from '../../shared/channels/models';
import { ModelManager, type DefaultModel, type ModelListEntry } from '../../backend/services/models/model-manager';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import {
  HELP_OPTION,
  parseCommand,
  splitAtCommand,
  synopsis,
  usage,
  UsageError,
  wantsHelp,
  type CommandSpec,
  type OptionTable,
  type ParsedCommand,
} from '../options';

/** Each subcommand's options and help; `coach models` lists their synopses. */
export const subcommands = {
  list: {
    command: 'models list',
    summary: 'Models, install state, size, memory, default; disk use',
    operands: [],
    options: [{ name: 'json', type: 'boolean', help: 'print the list as JSON' }, HELP_OPTION],
  },
  download: {
    command: 'models download',
    summary: 'Download an official model (resumable, checksum-verified)',
    operands: [{ name: 'NAME', help: 'a model name from "coach models list"' }],
    options: [
      {
        name: 'mirror',
        type: 'string',
        value: 'URL',
        help: 'download from this mirror (still checked against the pinned checksums)',
      },
      HELP_OPTION,
    ],
  },
  import: {
    command: 'models import',
    summary: 'Validate and copy a local ggml model file',
    operands: [{ name: 'FILE', help: 'a ggml model file (Whisper or Silero VAD)' }],
    options: [
      {
        name: 'name',
        type: 'string',
        value: 'NAME',
        help: 'name for a custom model (default: from the file name; an official file keeps its name)',
      },
      HELP_OPTION,
    ],
  },
  remove: {
    command: 'models remove',
    summary: 'Delete an installed model (or a partial download)',
    operands: [{ name: 'NAME', help: 'an installed model' }],
    options: [HELP_OPTION],
  },
  default: {
    command: 'models default',
    summary: 'Show or set the default Whisper model',
    operands: [{ name: 'NAME', help: 'the model to use by default (without it: show the default)', optional: true }],
    options: [HELP_OPTION],
  },
  mirror: {
    command: 'models mirror',
    summary: 'Show, set or clear the download mirror (still hash-checked)',
    operands: [{ name: 'URL', help: 'the mirror to download from (without it or --clear: show it)', optional: true }],
    options: [
      { name: 'clear', type: 'boolean', help: 'forget the mirror: downloads use the official URLs' },
      HELP_OPTION,
    ],
  },
} as const satisfies Record<string, CommandSpec>;

type Subcommand = keyof typeof subcommands;

export const spec: CommandSpec = {
  command: 'models',
  synopsis: '<command> [options]',
  operandsTitle: 'Commands:',
  operands: Object.values(subcommands).map((sub) => ({
    name: `${sub.command.slice('models '.length)} ${synopsis(sub)}`,
    help: sub.summary,
  })),
  options: [HELP_OPTION],
  notes: [
    'Models: tiny.en, base.en, small.en, tiny, base, small, large-v3-turbo, silero-v6.2.0 (VAD).',
    'The data folder is COACH_DATA_DIR or the platform default.',
    'Run "coach models <command> --help" for the options of one command.',
  ].join('\n'),
};

export function formatBytes(n: number | null): string {
  if (n === null) return '?';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

function formatEta(sec: number | null): string {
  return sec === null || !Number.isFinite(sec) ? '--:--' : formatClock(sec);
}

function statusText(e: ModelListEntry): string {
  if (e.status === 'partial') return `partial (${formatBytes(e.partialBytes)})`;
  return e.status.replace('_', ' ');
}

function renderList(list: ModelListEntry[]): string {
  const rows = list.map((e) => [
    `${e.isDefault ? '*' : ' '} ${e.id}`,
    e.kind === 'vad' ? 'VAD' : e.englishOnly ? 'English' : e.source === 'imported' ? 'imported' : 'multilingual',
    statusText(e),
    e.bytes !== null ? formatBytes(e.bytes) : `~${formatBytes(e.approxBytes)}`,
    e.memoryMB !== null ? `${e.memoryEstimated ? '~' : ''}${e.memoryMB} MB` : '?',
    e.recommended ? 'recommended' : '',
  ]);
  const head = ['  MODEL', 'KIND', 'STATUS', 'SIZE', 'MEMORY', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export interface ModelsCommandDeps {
  dataDir?: string;
  manager?: ModelManager;
  /** Seconds between progress lines (default 1). */
  progressEverySec?: number;
}

/** What a subcommand runs with: its own arguments, the output, and the model manager. */
interface SubcommandRun {
  rest: readonly string[];
  io: CliIo;
  manager: ModelManager;
  deps: ModelsCommandDeps;
  /** Reports a usage mistake of this subcommand and returns the exit code for it. */
  bad(message: string): number;
}

/** A subcommand's own options and operands; a surplus operand is a usage error. */
function parseSubcommand<T extends OptionTable>(subSpec: CommandSpec<T>, rest: readonly string[]): ParsedCommand<T> {
  const parsed = parseCommand(subSpec, rest);
  const extra = parsed.positionals[subSpec.operands.length];
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
  return parsed;
}

function defaultLine(def: DefaultModel | null): string {
  if (!def) return 'none installed — run "coach models download base.en"';
  const why =
    def.chosenBy === 'user'
      ? 'your choice'
      : def.chosenBy === 'recommendation'
        ? 'recommended for this machine'
        : 'first installed';
  return `${def.id} (${why})`;
}

async function listModels({ rest, io, manager }: SubcommandRun): Promise<number> {
  const json = parseSubcommand(subcommands.list, rest).options.json === true;
  const list = await manager.list();
  const usage = await manager.diskUsage();
  const def = await manager.getDefault();
  if (json) {
    io.stdout(`${JSON.stringify({ models: list, default: def, diskUsage: usage }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${renderList(list)}\n\n`);
  io.stdout(`Default: ${defaultLine(def)}\n`);
  io.stdout(
    `Disk use: ${formatBytes(usage.totalBytes)} in ${usage.modelsDir}${usage.partialBytes > 0 ? ` (${formatBytes(usage.partialBytes)} in partial downloads)` : ''}\n`,
  );
  return 0;
}

/** Progress lines on stderr, at most one per `everySec` seconds, and always the last one. */
function progressPrinter(name: string, io: CliIo, everySec: number): (p: DownloadProgress) => void {
  let lastAt = 0;
  const every = everySec * 1000;
  return (p) => {
    const t = Date.now();
    const done = p.totalBytes !== null && p.receivedBytes >= p.totalBytes;
    if (!done && t - lastAt < every) return;
    lastAt = t;
    const pct = p.totalBytes ? ` (${Math.floor((100 * p.receivedBytes) / p.totalBytes)}%)` : '';
    io.stderr(
      `${name}  ${formatBytes(p.receivedBytes)} / ${formatBytes(p.totalBytes)}${pct}  ${formatBytes(p.bytesPerSec)}/s  ETA ${formatEta(p.etaSec)}\n`,
    );
  };
}

async function downloadModel({ rest, io, manager, deps, bad }: SubcommandRun): Promise<number> {
  const { options, positionals } = parseSubcommand(subcommands.download, rest);
  const mirror = options.mirror;
  const name = positionals[0];
  if (!name) return bad('which model? e.g. "coach models download base.en"');
  const onProgress = progressPrinter(name, io, deps.progressEverySec ?? 1);
  const e = await manager.download(name, { ...(mirror !== undefined ? { mirrorUrl: mirror } : {}), onProgress });
  io.stdout(`Installed ${e.id} (${formatBytes(e.bytes)}) at ${e.path ?? '?'}; checksum verified.\n`);
  return 0;
}

async function importModel({ rest, io, manager, bad }: SubcommandRun): Promise<number> {
  const { options, positionals } = parseSubcommand(subcommands.import, rest);
  const id = options.name;
  const file = positionals[0];
  if (!file) return bad('which file? e.g. "coach models import ~/Downloads/ggml-base.en.bin"');
  const e = await manager.importFile(file, id !== undefined ? { id } : {});
  io.stdout(
    `Imported ${file} as ${e.id} (${e.source === 'official' ? 'matches the official checksum' : 'custom model'}, ${formatBytes(e.bytes)}).\n`,
  );
  return 0;
}

async function removeModel({ rest, io, manager, bad }: SubcommandRun): Promise<number> {
  const name = parseSubcommand(subcommands.remove, rest).positionals[0];
  if (!name) return bad('which model?');
  await manager.remove(name);
  io.stdout(`Removed ${name}.\n`);
  return 0;
}

async function showOrSetDefault({ rest, io, manager }: SubcommandRun): Promise<number> {
  const name = parseSubcommand(subcommands.default, rest).positionals[0];
  if (name) {
    await manager.setDefault(name);
    io.stdout(`Default model: ${name}.\n`);
    return 0;
  }
  const def = await manager.getDefault();
  io.stdout(def ? `${def.id} (${def.chosenBy}) ${def.path}\n` : 'No Whisper model installed.\n');
  return def ? 0 : 1;
}

async function showSetOrClearMirror({ rest, io, manager, bad }: SubcommandRun): Promise<number> {
  const { options, positionals } = parseSubcommand(subcommands.mirror, rest);
  const url = positionals[0];
  if (options.clear && url !== undefined) return bad('give a URL or --clear, not both');
  if (options.clear) {
    await manager.setMirror(null);
    io.stdout('Mirror cleared: downloads use the official URLs.\n');
  } else if (url) {
    await manager.setMirror(url);
    io.stdout(`Mirror set: ${url} (downloads are still checked against the pinned checksums).\n`);
  } else {
    io.stdout(`${(await manager.settings()).mirrorUrl ?? 'No mirror set.'}\n`);
  }
  return 0;
}

const RUNNERS: Record<Subcommand, (run: SubcommandRun) => Promise<number>> = {
  list: listModels,
  download: downloadModel,
  import: importModel,
  remove: removeModel,
  default: showOrSetDefault,
  mirror: showSetOrClearMirror,
};

/** The subcommand named on the command line and its arguments, or the exit code when none is to run. */
function pickSubcommand(argv: string[], io: CliIo): { command: Subcommand; rest: string[] } | number {
  const { own, name: sub, rest } = splitAtCommand(argv);
  if (wantsHelp(spec, own) || sub === 'help') {
    io.stdout(usage(spec));
    return 0;
  }
  try {
    parseCommand(spec, own);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`coach models: ${error.message}\n\n${usage(spec)}`);
    return EXIT_BAD_INPUT;
  }
  if (sub === undefined) {
    io.stdout(usage(spec));
    return EXIT_BAD_INPUT;
  }
  if (!Object.hasOwn(subcommands, sub)) {
    io.stderr(`coach models: unknown command "${sub}".\n\n${usage(spec)}`);
    return EXIT_BAD_INPUT;
  }
  return { command: sub as Subcommand, rest };
}

/** A usage mistake or a known failure becomes a message and an exit code; anything else is a bug. */
function reportFailure(error: unknown, command: Subcommand, io: CliIo, bad: (message: string) => number): number {
  if (error instanceof UsageError) return bad(error.message);
  if (isCoachError(error)) {
    io.stderr(`coach models ${command}: ${error.message}\n`);
    if (error instanceof ModelDownloadError && error.offerImport) {
      io.stderr('Tip: download the file on another machine, then run "coach models import FILE".\n');
    }
    return error.code === 'invalid_input' || error.code === 'not_found' || error.code === 'model_invalid'
      ? EXIT_BAD_INPUT
      : 1;
  }
  throw error;
}

export async function runModels(argv: string[], io: CliIo, deps: ModelsCommandDeps = {}): Promise<number> {
  const picked = pickSubcommand(argv, io);
  if (typeof picked === 'number') return picked;
  const { command, rest } = picked;
  const bad = (msg: string): number => {
    io.stderr(`coach models ${command}: ${msg}\n`);
    return EXIT_BAD_INPUT;
  };
  if (wantsHelp(subcommands[command], rest)) {
    io.stdout(usage(subcommands[command]));
    return 0;
  }
  const dataDir = deps.dataDir ?? defaultDataDir(process.platform, process.env, os.homedir());
  const manager = deps.manager ?? new ModelManager({ dataDir });
  try {
    return await RUNNERS[command]({ rest, io, manager, deps, bad });
  } catch (error) {
    return reportFailure(error, command, io, bad);
  }
}

export function run(argv: string[], io: CliIo): Promise<number> {
  return runModels(argv, io);
}
