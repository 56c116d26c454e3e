import { byteSize } from '../../../core/report/format';
import { FIRST_RUN_MODELS } from '../../../shared/channels/models';
import type { ModelListEntry, ModelManager } from './model-manager';

function installedList(models: ModelListEntry[]): string {
  return models
    .map((m) => `${m.id} (${byteSize(m.bytes ?? m.approxBytes)}${m.isDefault ? ', default' : ''})`)
    .join(', ');
}

function howToGet(all: ModelListEntry[], id: string): string {
  const entry = all.find((m) => m.id === id);
  const size = entry ? ` (${byteSize(entry.approxBytes)})` : '';
  return `"coach models download ${id}"${size}, or offline: "coach models import FILE"`;
}

/**
 * The models section of `coach doctor`: which speech and voice-activity models are installed,
 * what each is for, and how to get a missing one, before the user records anything.
 */
export async function modelsReport(manager: Pick<ModelManager, 'list' | 'modelsDir'>): Promise<{
  title: string;
  rows: [string, string][];
}> {
  const all = await manager.list();
  const installed = all.filter((m) => m.status === 'installed');
  const whisper = installed.filter((m) => m.kind === 'whisper');
  const vad = installed.filter((m) => m.kind === 'vad');
  return {
    title: 'Models',
    rows: [
      [
        'Speech (Whisper)',
        whisper.length > 0
          ? `installed: ${installedList(whisper)}`
          : `MISSING: needed to transcribe a take. Get one: ${howToGet(all, FIRST_RUN_MODELS.whisper)}`,
      ],
      [
        'Voice activity',
        vad.length > 0
          ? `installed: ${installedList(vad)}`
          : `MISSING: needed to find the speech in a recording. Get it: ${howToGet(all, FIRST_RUN_MODELS.vad)}`,
      ],
      ['Models folder', manager.modelsDir],
    ],
  };
}
