import os from 'node:os';
import { isCoachError } from '../../shared/coach-error';
import { ModelDownloadError } from '../../backend/services/models/download-errors';
import type { DownloadProgress } from '../../backend/services/models/downloader';
import { ModelManager, type ModelListEntry } from '../../backend/services/models/model-manager';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { EXIT_BAD_INPUT, type CliIo } from '../io';

const USAGE = `Usage: coach models <command>

  list [--json]                    Models, install state, size, memory, default; disk use
  download NAME [--mirror URL]     Download an official model (resumable, checksum-verified)
  import FILE [--name NAME]        Validate and copy a local ggml model file
  remove NAME                      Delete an installed model (or a partial download)
  default [NAME]                   Show or set the default Whisper model
  mirror [URL | --clear]           Show, set or clear the download mirror (still hash-checked)

Models: tiny.en, base.en, small.en, tiny, base, small, large-v3-turbo, silero-v6.2.0 (VAD).
The data folder is COACH_DATA_DIR or the platform default.
`;

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
  if (sec === null || !Number.isFinite(sec)) return '--:--';
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
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

function takeOption(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v === undefined || v.startsWith('--') ? null : v;
}

export interface ModelsCommandDeps {
  dataDir?: string;
  manager?: ModelManager;
  /** Seconds between progress lines (default 1). */
  progressEverySec?: number;
}

export async function runModels(argv: string[], io: CliIo, deps: ModelsCommandDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(USAGE);
    return sub === undefined ? EXIT_BAD_INPUT : 0;
  }
  const dataDir = deps.dataDir ?? defaultDataDir(process.platform, process.env, os.homedir());
  const manager = deps.manager ?? new ModelManager({ dataDir });
  const args = [...rest];
  const bad = (msg: string): number => {
    io.stderr(`coach models ${sub}: ${msg}\n`);
    return EXIT_BAD_INPUT;
  };

  try {
    switch (sub) {
      case 'list': {
        const json = args.includes('--json');
        const list = await manager.list();
        const usage = await manager.diskUsage();
        const def = await manager.getDefault();
        if (json) {
          io.stdout(`${JSON.stringify({ models: list, default: def, diskUsage: usage }, null, 2)}\n`);
          return 0;
        }
        io.stdout(`${renderList(list)}\n\n`);
        io.stdout(
          `Default: ${def ? `${def.id} (${def.chosenBy === 'user' ? 'your choice' : def.chosenBy === 'recommendation' ? 'recommended for this machine' : 'first installed'})` : 'none installed — run "coach models download base.en"'}\n`,
        );
        io.stdout(
          `Disk use: ${formatBytes(usage.totalBytes)} in ${usage.modelsDir}${usage.partialBytes > 0 ? ` (${formatBytes(usage.partialBytes)} in partial downloads)` : ''}\n`,
        );
        return 0;
      }
      case 'download': {
        const mirror = takeOption(args, '--mirror');
        if (mirror === null) return bad('--mirror needs a URL');
        const name = args[0];
        if (!name) return bad('which model? e.g. "coach models download base.en"');
        let lastAt = 0;
        const every = (deps.progressEverySec ?? 1) * 1000;
        const onProgress = (p: DownloadProgress): void => {
          const t = Date.now();
          const done = p.totalBytes !== null && p.receivedBytes >= p.totalBytes;
          if (!done && t - lastAt < every) return;
          lastAt = t;
          const pct = p.totalBytes ? ` (${Math.floor((100 * p.receivedBytes) / p.totalBytes)}%)` : '';
          io.stderr(
            `${name}  ${formatBytes(p.receivedBytes)} / ${formatBytes(p.totalBytes)}${pct}  ${formatBytes(p.bytesPerSec)}/s  ETA ${formatEta(p.etaSec)}\n`,
          );
        };
        const e = await manager.download(name, { ...(mirror !== undefined ? { mirrorUrl: mirror } : {}), onProgress });
        io.stdout(`Installed ${e.id} (${formatBytes(e.bytes)}) at ${e.path ?? '?'}; checksum verified.\n`);
        return 0;
      }
      case 'import': {
        const id = takeOption(args, '--name');
        if (id === null) return bad('--name needs a value');
        const file = args[0];
        if (!file) return bad('which file? e.g. "coach models import ~/Downloads/ggml-base.en.bin"');
        const e = await manager.importFile(file, id !== undefined ? { id } : {});
        io.stdout(
          `Imported ${file} as ${e.id} (${e.source === 'official' ? 'matches the official checksum' : 'custom model'}, ${formatBytes(e.bytes)}).\n`,
        );
        return 0;
      }
      case 'remove': {
        const name = args[0];
        if (!name) return bad('which model?');
        await manager.remove(name);
        io.stdout(`Removed ${name}.\n`);
        return 0;
      }
      case 'default': {
        const name = args[0];
        if (name) {
          await manager.setDefault(name);
          io.stdout(`Default model: ${name}.\n`);
          return 0;
        }
        const def = await manager.getDefault();
        io.stdout(def ? `${def.id} (${def.chosenBy}) ${def.path}\n` : 'No Whisper model installed.\n');
        return def ? 0 : 1;
      }
      case 'mirror': {
        if (args[0] === '--clear') {
          await manager.setMirror(null);
          io.stdout('Mirror cleared: downloads use the official URLs.\n');
        } else if (args[0]) {
          await manager.setMirror(args[0]);
          io.stdout(`Mirror set: ${args[0]} (downloads are still checked against the pinned checksums).\n`);
        } else {
          io.stdout(`${(await manager.settings()).mirrorUrl ?? 'No mirror set.'}\n`);
        }
        return 0;
      }
      default:
        io.stderr(`coach models: unknown command "${sub}".\n\n${USAGE}`);
        return EXIT_BAD_INPUT;
    }
  } catch (error) {
    if (isCoachError(error)) {
      io.stderr(`coach models ${sub}: ${error.message}\n`);
      if (error instanceof ModelDownloadError && error.offerImport) {
        io.stderr('Tip: download the file on another machine, then run "coach models import FILE".\n');
      }
      return error.code === 'invalid_input' || error.code === 'not_found' || error.code === 'model_invalid'
        ? EXIT_BAD_INPUT
        : 1;
    }
    throw error;
  }
}

export function run(argv: string[], io: CliIo): Promise<number> {
  return runModels(argv, io);
}
