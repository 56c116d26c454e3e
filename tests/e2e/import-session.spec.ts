import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { corpusSession, STORY_IDS } from '../unit/report/corpus-fixture';
import { expect, test } from './support/web-app';

test('a session exported as JSON imports back from the Sessions view, and a broken file is explained', async ({
  page,
  app,
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-import-json-'));
  try {
    const doc = { ...corpusSession(STORY_IDS[0]).document };
    delete doc.audio;
    const good = path.join(dir, 'take.json');
    await writeFile(good, JSON.stringify(doc));
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"schemaVersion": 1, "id": "cut-');

    await page.goto(app.server.launchUrlFor('/sessions'));
    await expect(page.getByTestId('sessions-empty')).toBeVisible();
    await page.getByTestId('import-session-input').setInputFiles(broken);
    await expect(page.getByRole('alert').filter({ hasText: 'broken.json could not be imported' })).toBeVisible();

    await page.getByTestId('import-session-input').setInputFiles(good);
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    await expect(page.getByTestId('sessions-empty')).toHaveCount(0);
    const stored = await app.backend.services.sessions.list();
    expect(stored.sessions.map((s) => s.id)).toContain(doc.id);

    // The same file again changes nothing.
    await page.getByTestId('import-session-input').setInputFiles(good);
    await expect(page.getByRole('status').filter({ hasText: 'Already in your sessions' })).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
