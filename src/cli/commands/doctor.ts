import os from 'node:os';
import { cpuInfo } from '../../backend/services/platform/cpu-features';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { findElectronBinary } from '../../backend/services/platform/electron-binary';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';

const OPTIONS = [{ name: 'json', type: 'boolean', help: 'print the report as JSON' }, HELP_OPTION] as const;

export const spec: CommandSpec<typeof OPTIONS> = { command: 'doctor', operands: [], options: OPTIONS };

export interface DoctorSection {
  title: string;
  rows: [string, string][];
}

/** Extra sections other services contribute (e.g. which Whisper build is loaded). */
export type DoctorProbe = () => Promise<DoctorSection>;

export async function collectDoctor(probes: DoctorProbe[] = []): Promise<DoctorSection[]> {
  const electron = findElectronBinary();
  const cpu = cpuInfo();
  const sections: DoctorSection[] = [
    {
      title: 'Runtime',
      rows: [
        ['Node.js', process.versions.node],
        [
          'Electron',
          electron.installed
            ? `${electron.version ?? '?'} (${electron.executable ?? ''})`
            : `not available: ${electron.reason ?? 'unknown'} — use "npm run web"`,
        ],
        ['Platform', `${process.platform} ${process.arch}`],
      ],
    },
    {
      title: 'Data',
      rows: [['Data folder', defaultDataDir(process.platform, process.env, os.homedir())]],
    },
    {
      title: 'CPU',
      rows: [
        ['Model', cpu.model],
        ['Cores', String(cpu.cores)],
        ['SIMD features', cpu.features === null ? 'not reported on this platform' : cpu.features.join(' ') || 'none'],
      ],
    },
  ];
  for (const probe of probes) {
    try {
      sections.push(await probe());
    } catch (error) {
      sections.push({
        title: 'Probe failed',
        rows: [['error', error instanceof Error ? error.message : String(error)]],
      });
    }
  }
  return sections;
}

export function renderDoctor(sections: DoctorSection[]): string {
  const width = Math.max(...sections.flatMap((s) => s.rows.map(([k]) => k.length)));
  return sections
    .map((s) => `${s.title}\n${s.rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}`)
    .join('\n\n')
    .concat('\n');
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  let json: boolean;
  try {
    json = parseCommand(spec, argv).options.json === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`coach doctor: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const sections = await collectDoctor(doctorProbes);
  if (json) io.stdout(`${JSON.stringify(sections, null, 2)}\n`);
  else io.stdout(renderDoctor(sections));
  return 0;
}

/** Registered by services that have something to report; kept here so doctor stays one command. */
export const doctorProbes: DoctorProbe[] = [
  async () => {
    const { modelsReport } = await import('../../backend/services/models/doctor-models');
    const { ModelManager } = await import('../../backend/services/models/model-manager');
    return modelsReport(new ModelManager({ dataDir: defaultDataDir(process.platform, process.env, os.homedir()) }));
  },
  async () => (await import('../../backend/services/whisper/doctor-probe')).whisperBuildReport(),
];
