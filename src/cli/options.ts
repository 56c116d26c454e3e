/**
 * One table per command describes its options; the parser config and the help text are both
 * generated from it, so a new option cannot be parsed without being documented (or the reverse).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

interface BaseOption {
  readonly name: string;
  readonly short?: string;
  /** One or more lines; continuation lines are indented under the first. */
  readonly help: string;
}

interface FlagOption extends BaseOption {
  readonly type: 'boolean';
}

interface ValueOption extends BaseOption {
  readonly type: 'string';
  /** Placeholder shown in the help, e.g. FILE or N. */
  readonly value: string;
  /** Turns the raw text into the value; throws with a message for the user. */
  readonly parse?: (raw: string, flag: string) => unknown;
}

type OptionSpec = FlagOption | ValueOption;
export type OptionTable = readonly OptionSpec[];

type ValueOf<O> = O extends { readonly type: 'boolean' }
  ? boolean
  : O extends { readonly parse: (raw: string, flag: string) => infer R }
    ? R
    : string;

/** What `parseCommand` returns for a table declared `as const`: each option typed by its entry. */
type Options<T extends OptionTable> = { -readonly [O in T[number] as O['name']]?: ValueOf<O> };

interface Operand {
  readonly name: string;
  readonly help: string;
  readonly optional?: boolean;
}

export interface CommandSpec<T extends OptionTable = OptionTable> {
  /** The words after "coach", e.g. "analyze" or "models download". */
  readonly command: string;
  /** One-line description, shown where commands are listed. */
  readonly summary?: string;
  /** Replaces the synopsis generated from the operands and options. */
  readonly synopsis?: string;
  /** Heading above the operands (e.g. "Commands:" for a command that only dispatches). */
  readonly operandsTitle?: string;
  /** Positional arguments; a command without operands refuses any. */
  readonly operands: readonly Operand[];
  readonly options: T;
  /** Text after the options. */
  readonly notes?: string;
}

export const HELP_OPTION = { name: 'help', short: 'h', type: 'boolean', help: 'print this help' } as const;

/** A mistake in the command line: exit code 2 with the message (and, for some commands, the help). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedCommand<T extends OptionTable> {
  options: Options<T>;
  positionals: string[];
  /** Option names in the order given, for options where the later of two wins. */
  given: string[];
}

type ParserOptions = NonNullable<ParseArgsConfig['options']>;

function parserOptions(table: OptionTable): ParserOptions {
  return Object.fromEntries(
    table.map((o) => [o.name, o.short !== undefined ? { type: o.type, short: o.short } : { type: o.type }]),
  );
}

/** Every token as written, mistakes included, to find --help and to name a mistake. */
function lenientTokens(args: string[], options: ParserOptions) {
  return parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens;
}
type Token = ReturnType<typeof lenientTokens>[number];

/** "--help" anywhere on the line wins over every mistake on it: a stuck user always gets the help. */
export function wantsHelp(spec: CommandSpec, argv: readonly string[]): boolean {
  if (!spec.options.some((o) => o.name === HELP_OPTION.name)) return false;
  return lenientTokens([...argv], parserOptions(spec.options)).some(
    (t) => t.kind === 'option' && t.name === HELP_OPTION.name && t.value === undefined,
  );
}

/** Parses strictly; a mistake throws UsageError with the one-line message the user sees. */
export function parseCommand<T extends OptionTable>(spec: CommandSpec<T>, argv: readonly string[]): ParsedCommand<T> {
  const options = parserOptions(spec.options);
  const args = [...argv];
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: spec.operands.length > 0, tokens: true });
  } catch (error) {
    throw new UsageError(describeMistake(spec, lenientTokens(args, options)) ?? firstLine(error));
  }
  const values: Record<string, unknown> = {};
  const given: string[] = [];
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const option = spec.options.find((o) => o.name === token.name);
    if (!option) continue;
    given.push(option.name);
    values[option.name] = option.type === 'boolean' ? true : convert(option, token.value ?? '');
  }
  // The table types every value (see Options<T>); this is the one place that trusts it.
  return { options: values as Options<T>, positionals: parsed.positionals, given };
}

function convert(option: ValueOption, raw: string): unknown {
  if (!option.parse) return raw;
  try {
    return option.parse(raw, `--${option.name}`);
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
}

/**
 * parseArgs words its errors for developers (several lines, quoting its own syntax); the user
 * gets one line naming the option as typed, found from the tokens of the lenient pass.
 */
function describeMistake(spec: CommandSpec, tokens: readonly Token[]): string | null {
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (spec.operands.length === 0) return `Unexpected argument "${token.value}".`;
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = spec.options.find((o) => o.name === token.name);
    if (!option) return `Unknown option ${token.rawName}.`;
    if (option.type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value.`;
    if (option.type !== 'string') continue;
    if (token.value === undefined) return `${token.rawName} needs a value.`;
    if (!token.inlineValue && looksLikeOption(token.value)) {
      // "--pause -1" is more likely a value than a forgotten one: say how to give it.
      const known = spec.options.some(
        (o) => token.value === `--${o.name}` || (o.short !== undefined && token.value === `-${o.short}`),
      );
      return known
        ? `${token.rawName} needs a value.`
        : `${token.rawName} needs a value; to give "${token.value}", write --${option.name}=${token.value}.`;
    }
  }
  return null;
}

/** What parseArgs refuses as an option's separate value ("-" alone is a value: standard output). */
function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function label(option: OptionSpec): string {
  const long = `--${option.name}${option.type === 'string' ? ` ${option.value}` : ''}`;
  return option.short !== undefined ? `-${option.short}, ${long}` : `    ${long}`;
}

/** "FILE [--length LENGTH] [--json]": the operands, then every option but --help. */
export function synopsis(spec: CommandSpec): string {
  if (spec.synopsis !== undefined) return spec.synopsis;
  const operands = spec.operands.map((o) => (o.optional ? `[${o.name}]` : o.name));
  const options = spec.options
    .filter((o) => o.name !== HELP_OPTION.name)
    .map((o) => `[--${o.name}${o.type === 'string' ? ` ${o.value}` : ''}]`);
  return [...operands, ...options].join(' ');
}

/** Labels longer than this put their help on the next line, so one long label doesn't push every row. */
const MAX_LABEL = 28;

type Row = readonly [label: string, help: string];

function rows(entries: readonly Row[], width: number): string {
  const indent = ' '.repeat(2 + width + 2);
  return entries
    .map(([l, help]) => {
      const [first = '', ...more] = help.split('\n');
      const head = l.length > width ? `  ${l}\n${indent}${first}` : `  ${l.padEnd(width)}  ${first}`;
      return [head, ...more.map((m) => `${indent}${m}`)].join('\n');
    })
    .join('\n');
}

export function usage(spec: CommandSpec): string {
  const operands: Row[] = spec.operands.map((o) => [o.name, o.help]);
  const options: Row[] = spec.options.map((o) => [label(o), o.help]);
  // One help column for operands and options, so the two lists read as one table.
  const width = Math.max(0, ...[...operands, ...options].map(([l]) => l.length).filter((n) => n <= MAX_LABEL));
  const parts = [['Usage: coach', spec.command, synopsis(spec)].filter((w) => w !== '').join(' ')];
  if (operands.length > 0) {
    const list = rows(operands, width);
    parts.push(spec.operandsTitle !== undefined ? `${spec.operandsTitle}\n${list}` : list);
  }
  if (options.length > 0) parts.push(`Options:\n${rows(options, width)}`);
  if (spec.notes !== undefined) parts.push(spec.notes);
  return `${parts.join('\n\n')}\n`;
}

/**
 * Splits "[options] COMMAND [arguments]" for a command that dispatches to others: the options
 * before the first word are its own (flags only, so no value is mistaken for the word), and
 * everything from the word on belongs to the subcommand.
 */
export function splitAtCommand(argv: readonly string[]): { own: string[]; name?: string; rest: string[] } {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  if (at < 0) return { own: [...argv], rest: [] };
  return { own: argv.slice(0, at), name: argv[at] as string, rest: argv.slice(at + 1) };
}
