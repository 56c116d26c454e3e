/**
 * `coach import FILE.json`: brings a JSON session export (coach export --format json, or the
 * desktop app's export) into the data folder, where the app lists it with the other sessions.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { CoachError } from '../../shared/coach-error';
import { importSession, parseSessionJson } from '../../backend/services/export/import-session';
import { defaultDataDir } from '../../backend/services/platform/data-dir';
import { SessionStore } from '../../backend/services/sessions/session-store';
import { EXIT_BAD_INPUT, type CliIo } from '../io';

const USAGE = `Usage: coach import FILE.json
  FILE.json  a session exported as JSON ("coach export SESSION --format json")
`;

const MESSAGES = {
  imported: 'Imported session',
  already_present: 'Already present, nothing changed: session',
  imported_as_copy: 'A different session with that id exists; imported as',
} as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown !== undefined || files.length !== 1) {
    io.stderr(
      `coach import: ${unknown !== undefined ? `unknown option ${unknown}` : 'give exactly one FILE.json'}.\n${USAGE}`,
    );
    return EXIT_BAD_INPUT;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
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
