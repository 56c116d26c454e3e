import { existsSync } from 'node:fs';
import os from 'node:os';
import type { Analysis } from '../core/analysis/types';
import { createBackend } from '../backend/backend';
import { defaultDataDir } from '../backend/services/platform/data-dir';
import { SESSION_ID_PATTERN } from '../backend/services/export/import-session';
import { AnalysisSchema } from '../core/analysis/schema';
import { isCoachError } from '../shared/coach-error';
import type { Events } from '../shared/contract';
import type { EventPayload } from '../shared/contract-types';
import { InputError } from './transcript-input';

/** A take in the data folder rather than a file: its id, when no file of that name exists. */
export function isSessionReference(argument: string): boolean {
  return SESSION_ID_PATTERN.test(argument) && !existsSync(argument);
}

/**
 * The analysis of a stored take. One that already has results gives them; one without (recorded
 * before a speech model was installed, kept as a draft, or failed) is transcribed from its stored
 * recording with the model installed now, analysed and saved, as "Transcribe and analyse" does in
 * the app. Progress lines go to `status`.
 */
export async function analyseStoredTake(id: string, status: (line: string) => void): Promise<Analysis> {
  const dataDir = defaultDataDir(process.platform, process.env, os.homedir());
  const backend = createBackend({
    dataDir,
    shell: 'web',
    electronVersion: null,
    chromeVersion: null,
    autoBench: false,
  });
  try {
    const doc = await backend.services.sessions.get(id);
    const stored = AnalysisSchema.safeParse(doc.analysis);
    if (doc.analysis !== undefined && stored.success) return stored.data;
    status(`Take ${id} has no results yet: transcribing its recording with the installed model.`);
    let last = -1;
    const result = await backend.services.processing.run(id, (event, payload) => {
      if (event !== 'analysis.progress') return;
      const p = payload as EventPayload<Events, 'analysis.progress'>;
      const pct = Math.floor(p.fraction * 10) * 10;
      if (pct > last) {
        last = pct;
        status(`${p.detail} ${pct}%`);
      }
    });
    return result.analysis;
  } catch (error) {
    if (isCoachError(error) && error.code !== 'internal') throw new InputError(error.message);
    throw error;
  } finally {
    await backend.dispose();
  }
}
