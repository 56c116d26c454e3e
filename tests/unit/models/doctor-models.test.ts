import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelsReport } from '../../../src/backend/services/models/doctor-models';
import { ModelManager } from '../../../src/backend/services/models/model-manager';
import { main } from '../../../src/cli/main';
import { VAD_MODEL } from '../whisper/support';

let dataDir: string;
const previous = process.env.COACH_DATA_DIR;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-doctor-models-'));
  process.env.COACH_DATA_DIR = dataDir;
});
afterEach(async () => {
  if (previous === undefined) delete process.env.COACH_DATA_DIR;
  else process.env.COACH_DATA_DIR = previous;
  await rm(dataDir, { recursive: true, force: true });
});

describe('coach doctor: models, before anything is recorded', () => {
  it('an empty data folder: both models missing, what each is for, size and how to get it offline', async () => {
    const report = await modelsReport(new ModelManager({ dataDir }));
    const rows = Object.fromEntries(report.rows);
    expect(rows['Speech (Whisper)']).toMatch(
      /^MISSING: needed to transcribe.*coach models download base\.en" \(\d+ MB\).*coach models import FILE/,
    );
    expect(rows['Voice activity']).toMatch(
      /^MISSING: needed to find the speech.*coach models download silero-v6\.2\.0" \(\d+ kB\).*offline/,
    );
    expect(rows['Models folder']).toBe(path.join(dataDir, 'models'));
  });

  it('an imported VAD model is listed as installed, in the JSON report too', async () => {
    await new ModelManager({ dataDir }).importFile(VAD_MODEL);
    let out = '';
    expect(await main(['doctor', '--json'], { stdout: (t) => (out += t), stderr: () => {} })).toBe(0);
    const models = (JSON.parse(out) as { title: string; rows: [string, string][] }[]).find((s) => s.title === 'Models');
    const rows = Object.fromEntries(models?.rows ?? []);
    expect(rows['Voice activity']).toMatch(/^installed: silero-v6\.2\.0 \(\d+ kB, default\)/);
    expect(rows['Speech (Whisper)']).toMatch(/^MISSING/);
  });
});
