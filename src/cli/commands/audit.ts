/**
 * `coach audit FILE [--json] [--minutes 2|3|5]`: checks a postmortem document (Markdown, plain
 * text, HTML or .docx) against the four layers and System learning, and outlines a spoken answer.
 * Without --json: a readable Markdown report. Bad input: one line on stderr and exit code 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { auditDocument, EmptyDocumentError } from '../../core/document/audit';
import { OUTLINE_MINUTES, type OutlineMinutes } from '../../core/document/audit-schema';
import { renderAuditMarkdown } from '../../core/document/audit-markdown';
import { readDocument, requireDocumentSize } from '../../backend/services/documents/read-document';
import { isCoachError } from '../../shared/coach-error';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';
import { InputError } from '../transcript-input';

function minutesOf(text: string, flag: string): OutlineMinutes {
  const n = Number(text);
  const allowed: readonly number[] = OUTLINE_MINUTES;
  if (!allowed.includes(n))
    throw new InputError(`${flag} must be one of ${OUTLINE_MINUTES.join(', ')} (got "${text}").`);
  return n as OutlineMinutes;
}

const OPTIONS = [
  { name: 'json', type: 'boolean', help: 'print only the audit as JSON' },
  {
    name: 'minutes',
    type: 'string',
    value: '2|3|5',
    help: 'length of the answer to outline (default 3)',
    parse: minutesOf,
  },
  HELP_OPTION,
] as const;

export const spec: CommandSpec<typeof OPTIONS> = {
  command: 'audit',
  operands: [{ name: 'FILE', help: 'a postmortem document: .md, .txt, .html or .docx (at most 10 MB)' }],
  options: OPTIONS,
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  try {
    const { options, positionals } = parseCommand(spec, argv);
    const [file, extra] = positionals;
    if (file === undefined) throw new InputError('Missing FILE.');
    if (extra !== undefined) throw new InputError(`Only one FILE can be audited (got "${file}" and "${extra}").`);
    const unreadable = (error: NodeJS.ErrnoException) => {
      throw new InputError(
        error.code === 'ENOENT' ? `${file} does not exist.` : `${file} cannot be read (${error.code ?? 'error'}).`,
      );
    };
    // A huge file is refused by its size, before any of it is read into memory.
    requireDocumentSize((await stat(file).catch(unreadable)).size, file);
    const bytes = await readFile(file).catch(unreadable);
    const doc = await readDocument(bytes, file);
    const audit = auditDocument(doc, options.minutes !== undefined ? { minutes: options.minutes } : {});
    io.stdout(options.json === true ? `${JSON.stringify(audit, null, 2)}\n` : renderAuditMarkdown(audit));
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof InputError ||
      error instanceof EmptyDocumentError ||
      isCoachError(error)
    ) {
      io.stderr(`coach audit: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
