/**
 * `coach export SESSION|FILE.json --format md|html|pdf|json|vtt [options]` (options: OPTIONS below).
 * SESSION is a session id in the data folder; FILE.json a session.json (or a JSON export) or the
 * output of `coach analyze --json`. The file is written atomically and an existing file is only
 * replaced with --force. `--list-names` prints the capitalised names found, ready for names.txt.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AnalysisSchema } from '../../core/analysis/schema';
import { findProperNouns } from '../../core/report/proper-nouns';
import { parseNameList, RedactionInputError, type RedactionName } from '../../core/report/redact';
import { CoachError } from '../../shared/coach-error';
import { MAX_SESSION_DOCUMENT_BYTES, sessionDocumentTooLarge } from '../../shared/channels/analysis';
import { SESSION_SCHEMA_VERSION, sessionDocument } from '../../shared/session-document';
import { ChromiumPdfRenderer } from '../../backend/services/export/chromium-pdf';
import { SESSION_ID_PATTERN } from '../../backend/services/export/import-session';
import {
  EXPORT_FORMATS,
  renderExport,
  type ExportFormat,
  type ExportInput,
} from '../../backend/services/export/render-export';
import { fileExists, writeExportFile } from '../../backend/services/export/write-export';
import { packageInfo } from '../../backend/services/platform/app-info';
import { readTextFileWithin } from '../../backend/services/platform/bounded-read';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { SessionStore } from '../../backend/services/sessions/session-store';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';

const OPTIONS = [
  {
    name: 'format',
    short: 'f',
    type: 'string',
    value: 'md|html|pdf|json|vtt',
    help: [
      'md (Markdown), html (one self-contained page), pdf (printed with headless Chromium),',
      'json (the full session document, importable with "coach import"), vtt (WebVTT captions);',
      'default: from the extension of -o',
    ].join('\n'),
    parse: formatOf,
  },
  {
    name: 'redact',
    type: 'string',
    value: 'names.txt',
    help: [
      'a names file: one name per line, optional "company:", "person:", "service:",',
      '"customer:", "team:", "product:" prefix, aliases after "|", # comments',
    ].join('\n'),
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    help: [
      'where to write (default: a name from the story and date in the current folder;',
      '"-" writes to standard output)',
    ].join('\n'),
  },
  { name: 'force', type: 'boolean', help: 'replace the output file if it exists' },
  {
    name: 'list-names',
    type: 'boolean',
    help: 'print the capitalised names found in the story (a start for names.txt)',
  },
  HELP_OPTION,
] as const;

export const spec: CommandSpec<typeof OPTIONS> = {
  command: 'export',
  operands: [
    {
      name: 'SESSION|FILE.json',
      help: [
        'a session id in the data folder (see the Sessions view), or a session.json / JSON export,',
        'or the output of "coach analyze --json"',
      ].join('\n'),
    },
  ],
  options: OPTIONS,
};

interface Args {
  target: string;
  format: ExportFormat | null;
  redact: string | null;
  output: string | null;
  force: boolean;
  listNames: boolean;
}

function parseExportArgs(argv: string[]): Args {
  const { options, positionals } = parseCommand(spec, argv);
  const [target, extra] = positionals;
  if (target === undefined) throw new UsageError('Missing SESSION or FILE.json.');
  if (extra !== undefined)
    throw new UsageError(`Only one SESSION or FILE can be exported (got "${target}" and "${extra}").`);
  const args: Args = {
    target,
    format: options.format ?? null,
    redact: options.redact ?? null,
    output: options.output ?? null,
    force: options.force === true,
    listNames: options['list-names'] === true,
  };
  if (args.format === null && !args.listNames) {
    const ext = args.output && args.output !== '-' ? path.extname(args.output).slice(1).toLowerCase() : '';
    const fromExt = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
    if ((EXPORT_FORMATS as readonly string[]).includes(fromExt)) args.format = fromExt as ExportFormat;
    else throw new UsageError('Choose a format with --format md|html|pdf|json|vtt.');
  }
  return args;
}

function formatOf(text: string): ExportFormat {
  const t = text.toLowerCase() === 'markdown' ? 'md' : text.toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(t)) return t as ExportFormat;
  throw new UsageError(`Unknown format "${text}": use md, html, pdf, json or vtt.`);
}

/** A path to an existing file, else a session id in the data folder. */
async function loadInput(target: string): Promise<ExportInput> {
  if (await fileExists(target)) {
    const read = await readTextFileWithin(target, MAX_SESSION_DOCUMENT_BYTES).catch((error: unknown) => {
      throw new UsageError(`${target} cannot be read (${(error as Error).message}).`);
    });
    if (!read.ok)
      throw new UsageError(`${sessionDocumentTooLarge(read.bytes, target, 'session documents and analyses')}.`);
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch (error) {
      throw new UsageError(`${target} is not valid JSON (${(error as Error).message}).`);
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== undefined) {
      if (version !== SESSION_SCHEMA_VERSION)
        throw new UsageError(
          `${target} has session schema version ${String(version)}; this version reads ${SESSION_SCHEMA_VERSION}.`,
        );
      const doc = sessionDocument.safeParse(json);
      if (!doc.success)
        throw new UsageError(
          `${target} is not a valid session document: ${doc.error.issues[0]?.message ?? 'invalid'}.`,
        );
      return { kind: 'session', document: doc.data };
    }
    const analysis = AnalysisSchema.safeParse(json);
    if (!analysis.success) {
      throw new UsageError(`${target} is neither a session document nor an analysis ("coach analyze --json" output).`);
    }
    return {
      kind: 'analysis',
      analysis: analysis.data,
      raw: json,
      name: path.basename(target).replace(/\.json$/i, ''),
    };
  }
  if (!SESSION_ID_PATTERN.test(target)) throw new UsageError(`${target}: no such file, and not a session id.`);
  const store = new SessionStore(defaultDataDir(process.platform, process.env, os.homedir()));
  try {
    return { kind: 'session', document: await store.get(target) };
  } catch (error) {
    if (error instanceof CoachError && error.code === 'not_found') {
      throw new UsageError(`No session "${target}" in ${store.root} (and no such file).`);
    }
    throw error;
  }
}

/** A names file lists people, teams and products: thousands of lines fit well inside this. */
const MAX_NAMES_FILE_BYTES = 1_000_000;

async function loadNames(file: string | null): Promise<RedactionName[]> {
  if (file === null) return [];
  const read = await readTextFileWithin(file, MAX_NAMES_FILE_BYTES).catch((error: unknown) => {
    throw new UsageError(
      `Cannot read the names file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  });
  if (!read.ok) {
    throw new UsageError(
      `The names file ${file} is larger than ${MAX_NAMES_FILE_BYTES / 1_000_000} MB, the limit for a names file.`,
    );
  }
  const names = parseNameList(read.text);
  if (names.length === 0) throw new UsageError(`The names file ${file} lists no names.`);
  return names;
}

function listNames(input: ExportInput): string {
  let sentences: string[];
  if (input.kind === 'analysis') sentences = input.analysis.sentences.map((s) => s.text);
  else {
    const doc = input.document;
    const analysis = AnalysisSchema.safeParse(doc.analysis);
    sentences = [
      doc.title ?? '',
      doc.story,
      doc.question,
      ...(analysis.success ? analysis.data.sentences.map((s) => s.text) : []),
    ];
  }
  const candidates = findProperNouns(sentences.filter((s) => s !== ''));
  if (candidates.length === 0) return '# No capitalised names found.\n';
  return `${candidates.map((c) => `${c.category}: ${[c.name, ...c.aliases].join(' | ')}`.padEnd(40) + `# ${c.count} sentence${c.count === 1 ? '' : 's'}`).join('\n')}\n`;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  try {
    const args = parseExportArgs(argv);
    const input = await loadInput(args.target);
    if (args.listNames) {
      io.stdout(listNames(input));
      return 0;
    }
    const format = args.format as ExportFormat;
    const names = await loadNames(args.redact);
    const started = performance.now();
    const rendered = await renderExport(input, format, names, {
      pdf: format === 'pdf' ? new ChromiumPdfRenderer() : null,
      generator: `Postmortem Coach ${packageInfo().version}`,
    });
    const ms = Math.round(performance.now() - started);
    if (args.output === '-') {
      // Text formats go through io (tests capture it); PDF bytes must reach stdout unchanged.
      if (format === 'pdf') process.stdout.write(rendered.bytes);
      else io.stdout(new TextDecoder().decode(rendered.bytes));
      return 0;
    }
    // An existing folder given as -o receives the file under its usual name.
    const given = path.resolve(args.output ?? rendered.fileName);
    const out = (await isFolder(given)) ? path.join(given, rendered.fileName) : given;
    await writeExportFile(out, rendered.bytes, { overwrite: args.force });
    const redaction = rendered.redacted
      ? `; names replaced: ${rendered.placeholders.map((p) => `${p.names[0] ?? '?'} → ${p.placeholder}`).join(', ')}`
      : '';
    io.stdout(`Wrote ${out} (${format}, ${rendered.bytes.byteLength} bytes, ${ms} ms${redaction})\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof RedactionInputError) {
      io.stderr(`coach export: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof CoachError) {
      io.stderr(`coach export: ${error.message}\n`);
      return error.code === 'invalid_input' || error.code === 'not_found' ? EXIT_BAD_INPUT : 1;
    }
    throw error;
  }
}

async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isDirectory() ?? false;
}
