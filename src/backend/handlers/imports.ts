import path from 'node:path';
import { CoachError } from '../../shared/coach-error';
import type { ImportService } from '../services/imports/import-service';
import type { TakeSetup } from '../services/recording/recording-service';

/** Desktop shell only: shows the system's open-file dialog; null when the user cancels. */
export type ChooseAudioFile = () => Promise<string | null>;

export function importsHandlers(imports: ImportService, chooseAudioFile: ChooseAudioFile | null) {
  return {
    begin: async (input: TakeSetup & { fileName: string; size: number }) => imports.begin(input),
    part: async (input: { importId: string; offset: number; bytes: Uint8Array }) => imports.part(input),
    finish: async (input: { importId: string }) => imports.finish(input),
    cancel: async (input: { importId: string }) => imports.cancel(input),
    choose: async (input: TakeSetup) => {
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
