import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec as analyze } from '../../../src/cli/commands/analyze';
import { spec as doctor } from '../../../src/cli/commands/doctor';
import { spec as exportSpec } from '../../../src/cli/commands/export';
import { spec as importSpec } from '../../../src/cli/commands/import';
import { runModels, spec as models, subcommands } from '../../../src/cli/commands/models';
import { parseTranscribeArgs, spec as transcribe } from '../../../src/cli/commands/transcribe';
import { main, spec as coach } from '../../../src/cli/main';
import { parseCommand, usage, UsageError, type CommandSpec } from '../../../src/cli/options';

let dataDir: string;
const previous = process.env.COACH_DATA_DIR;
beforeAll(async () => {
  // Nothing here should reach the data folder; if a check regresses it lands in a throwaway one.
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-cli-options-'));
  process.env.COACH_DATA_DIR = dataDir;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.COACH_DATA_DIR;
  else process.env.COACH_DATA_DIR = previous;
  await rm(dataDir, { recursive: true, force: true });
});

async function coachCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  const code = argv[0] === 'models' ? await runModels(argv.slice(1), io, { dataDir }) : await main(argv, io);
  return { code, out, err };
}

/** Every command a user can type, with the words that reach it. */
const COMMANDS: [string[], CommandSpec][] = [
  [[], coach],
  [['analyze'], analyze],
  [['doctor'], doctor],
  [['export'], exportSpec],
  [['import'], importSpec],
  [['transcribe'], transcribe],
  [['models'], models],
  ...Object.entries(subcommands).map(([name, s]): [string[], CommandSpec] => [['models', name], s]),
];

/** Where a failed parse shows the help after its message, as each command always has. */
const SHOWS_USAGE = new Set(['', 'import', 'transcribe', 'models']);

describe.each(COMMANDS)('coach %j', (words, spec) => {
  it('--help prints the usage generated from its table, with every option, exit 0', async () => {
    const r = await coachCli([...words, '--help']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(usage(spec));
    for (const option of spec.options) {
      expect(r.out).toContain(`--${option.name}`);
      if (option.short !== undefined) expect(r.out).toContain(`-${option.short}, --${option.name}`);
      for (const line of option.help.split('\n')) expect(r.out).toContain(line);
      if (option.type === 'string') expect(r.out).toContain(`--${option.name} ${option.value}`);
    }
    for (const operand of spec.operands) expect(r.out).toContain(operand.name);
    expect((await coachCli([...words, '-h'])).out).toBe(r.out);
  });

  it('an unknown option: exit 2 with "Unknown option"', async () => {
    const r = await coachCli([...words, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^coach.*: Unknown option --bogus\./);
    if (!SHOWS_USAGE.has(spec.command)) expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('--help wins over a mistake on the same line', async () => {
    expect((await coachCli([...words, '--bogus', '--help'])).code).toBe(0);
  });

  const valued = spec.options.filter((o) => o.type === 'string');
  it.skipIf(valued.length === 0).each(valued.map((o) => o.name))('--%s without a value: exit 2', async (name) => {
    const r = await coachCli([...words, `--${name}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^coach [a-z ]+: --${name} needs a value\\.`));
    if (!SHOWS_USAGE.has(spec.command)) expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the messages users rely on', () => {
  it.each([
    [['transcribe', 'a.wav', '--speed', '2'], 'coach transcribe: Unknown option --speed.'],
    [['transcribe', 'a.wav', '--threads', '0'], 'coach transcribe: --threads must be a whole number from 1 to 64.'],
    [['transcribe', 'a.wav', '-t', '1.5'], 'coach transcribe: --threads must be a whole number from 1 to 64.'],
    [['transcribe', 'a.wav', '-t'], 'coach transcribe: -t needs a value.'],
    [['transcribe', 'a.wav', 'b.wav'], 'coach transcribe: Only one AUDIO file can be transcribed'],
    [['transcribe'], 'coach transcribe: Missing AUDIO file.'],
    [['analyze', 'a.txt', '--json=yes'], 'coach analyze: --json takes no value.'],
    [['analyze', 'a.txt', '--pause', '0'], 'coach analyze: --pause must be a positive number (got "0").'],
    [['analyze', 'a.txt', '--pause', '-1'], 'coach analyze: --pause needs a value; to give "-1", write --pause=-1.'],
    [['analyze', 'a.txt', '--pause=-1'], 'coach analyze: --pause must be a positive number (got "-1").'],
    [['analyze', 'a.txt', '--model', '--vad', 'v.bin'], 'coach analyze: --model needs a value.'],
    [['analyze', 'a.txt', '-l', 'soon'], 'coach analyze: Cannot read answer length "soon"'],
    [['export', 'x', '-f', 'docx'], 'coach export: Unknown format "docx"'],
    [['export', 'x', '--format=md', '-o'], 'coach export: -o needs a value.'],
    [['import', 'a.json', 'b.json'], 'coach import: Give exactly one FILE.json.'],
    [['doctor', 'now'], 'coach doctor: Unexpected argument "now".'],
    [['models', 'remove', 'a', 'b'], 'coach models remove: Unexpected argument "b".'],
    [['models', 'mirror', '--clear', 'https://m.example'], 'coach models mirror: give a URL or --clear, not both'],
    [['models', 'frob'], 'coach models: unknown command "frob".'],
    [['frob'], 'coach: unknown command "frob".'],
    [['--bogus'], 'coach: Unknown option --bogus.'],
  ])('%j → exit 2, %s', async (argv, message) => {
    const r = await coachCli(argv);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
  });

  it('"coach" and "coach models" alone print the usage with exit 2; "help" asks for it', async () => {
    expect(await coachCli([])).toMatchObject({ code: 2, out: usage(coach) });
    expect(await coachCli(['models'])).toMatchObject({ code: 2, out: usage(models) });
    expect(await coachCli(['help'])).toMatchObject({ code: 0, out: usage(coach) });
    expect(await coachCli(['models', 'help'])).toMatchObject({ code: 0, out: usage(models) });
  });

  it('-v and --version print the version', async () => {
    for (const flag of ['-v', '--version']) expect((await coachCli([flag])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('transcribe arguments', () => {
  it('takes long, short and inline forms', () => {
    expect(parseTranscribeArgs(['a.wav', '-m', 'base.en', '--vad=v.bin', '-t4', '-l', 'de', '--json'])).toEqual({
      audio: 'a.wav',
      model: 'base.en',
      vad: 'v.bin',
      threads: 4,
      language: 'de',
      json: true,
    });
  });

  it('--no-prompt gives an empty prompt; the later of --prompt and --no-prompt counts', () => {
    expect(parseTranscribeArgs(['a.wav', '--no-prompt']).prompt).toBe('');
    expect(parseTranscribeArgs(['a.wav', '--prompt', 'Um, so.', '--no-prompt']).prompt).toBe('');
    expect(parseTranscribeArgs(['a.wav', '--no-prompt', '--prompt', 'Um, so.']).prompt).toBe('Um, so.');
    expect(parseTranscribeArgs(['a.wav']).prompt).toBeUndefined();
  });

  it('a file name starting with "-" goes after --', () => {
    expect(parseTranscribeArgs(['--', '-take.wav']).audio).toBe('-take.wav');
  });
});

describe('parseCommand', () => {
  const spec = {
    command: 'demo',
    operands: [],
    options: [
      { name: 'n', type: 'string', value: 'N', help: 'a number', parse: (raw: string) => Number(raw) },
      { name: 'out', short: 'o', type: 'string', value: 'FILE', help: 'where' },
    ],
  } as const;

  it('types each value by its entry, "-" is a value', () => {
    const { options } = parseCommand(spec, ['--n', '3', '-o', '-']);
    const n: number | undefined = options.n;
    expect(n).toBe(3);
    expect(options.out).toBe('-');
  });

  it('refuses positionals for a command without operands', () => {
    expect(() => parseCommand(spec, ['x'])).toThrow(new UsageError('Unexpected argument "x".'));
  });
});
