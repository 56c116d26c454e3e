import type { HandlersFor } from '../../shared/contract';
import path from 'node:path';
import { CoachError } from '../../shared/coach-error';
import type { ImportService } from '../services/imports/import-service';

/** Desktop shell only: shows the system's open-file dialog; null when the user cancels. */
export type ChooseAudioFile = () => Promise<string | null>;

export function importsHandlers(
  imports: ImportService,
  chooseAudioFile: ChooseAudioFile | null,
): HandlersFor<'imports.'> {
  return {
    'imports.begin': async (input) => imports.begin(input),
    'imports.part': async (input) => imports.part(input),
    'imports.finish': async (input) => imports.finish(input),
    'imports.cancel': async (input) => imports.cancel(input),
    'imports.choose': async (input) => {
      if (!chooseAudioFile) {
        throw new CoachError(
          'unsupported',
          'Choosing a file with a dialog needs the desktop app; in the browser, use the file picker to upload it.',
        );
      }
      // The path comes from the system dialog the user just answered, never from the page.
      const file = await chooseAudioFile();
      if (file === null) return { chosen: false as const };
      return { chosen: true as const, ...(await imports.fromFile(file, path.basename(file), input)) };
    },
  };
}
