/**
 * `coach import FILE.json`: brings a JSON session export (coach export --format json, or the
 * desktop app's export) into the data folder, where the app lists it with the other sessions.
 */
import os from 'node:os';
import { CoachError } from '../../shared/coach-error';
import { MAX_SESSION_DOCUMENT_BYTES, sessionDocumentTooLarge } from '../../shared/channels/analysis';
import { importSession, parseSessionJson } from '../../backend/services/export/import-session';
import { readTextFileWithin } from '../../backend/services/platform/bounded-read';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { SessionStore } from '../../backend/services/sessions/session-store';
import { EXIT_BAD_INPUT, type CliIo } from '../io';
import { HELP_OPTION, parseCommand, usage, UsageError, wantsHelp, type CommandSpec } from '../options';

export const spec: CommandSpec = {
  command: 'import',
  operands: [{ name: 'FILE.json', help: 'a session exported as JSON ("coach export SESSION --format json")' }],
  options: [HELP_OPTION],
};

const MESSAGES = {
  imported: 'Imported session',
  already_present: 'Already present, nothing changed: session',
  imported_as_copy: 'A different session with that id exists; imported as',
} as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(spec, argv)) {
    io.stdout(usage(spec));
    return 0;
  }
  let file: string;
  try {
    const [only, extra] = parseCommand(spec, argv).positionals;
    if (only === undefined || extra !== undefined) throw new UsageError('Give exactly one FILE.json.');
    file = only;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`coach import: ${error.message}\n${usage(spec)}`);
    return EXIT_BAD_INPUT;
  }
  let text: string;
  try {
    const read = await readTextFileWithin(file, MAX_SESSION_DOCUMENT_BYTES);
    if (!read.ok) {
      io.stderr(`coach import: ${sessionDocumentTooLarge(read.bytes, file, 'session exports')}.\n`);
      return EXIT_BAD_INPUT;
    }
    text = read.text;
  } catch (error) {
    io.stderr(
      `coach import: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.\n`,
    );
    return EXIT_BAD_INPUT;
  }
  try {
    const store = new SessionStore(defaultDataDir(process.platform, process.env, os.homedir()));
    const outcome = await importSession(store, parseSessionJson(text));
    io.stdout(`${MESSAGES[outcome.status]} ${outcome.id} (${outcome.document.story}) in ${store.root}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CoachError) {
      io.stderr(`coach import: ${error.message}\n`);
      return error.code === 'invalid_input' || error.code === 'unsupported' ? EXIT_BAD_INPUT : 1;
    }
    throw error;
  }
}
