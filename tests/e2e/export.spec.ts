import { readFile } from 'node:fs/promises';
import { corpusSession, STORY_IDS } from '../unit/report/corpus-fixture';
import { expect, test } from './support/web-app';

/**
 * Export from the results view in the web shell: the dialog offers the names found in the story
 * (ticked), and the browser downloads the redacted file.
 */
test('export dialog: offered names, redacted Markdown and PDF downloads', async ({ page, app }) => {
  const doc = { ...corpusSession(STORY_IDS[1], { named: true }).document };
  delete doc.audio; // no recording needed to export
  await app.backend.services.sessions.save(doc);
  await page.goto(app.server.launchUrlFor(`/sessions/${doc.id}`));
  const button = page.getByTestId('export-button');
  await expect(button).toBeVisible({ timeout: 15_000 });
  await expect(button).toBeEnabled();

  await button.click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Export coached transcript' })).toBeVisible();
  // The finder's names are listed and ticked; redaction is on by default.
  await expect(page.getByTestId('redact-toggle')).toBeChecked();
  const names = await dialog
    .getByRole('textbox', { name: /Name/ })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(names).toEqual(expect.arrayContaining(['FreshCart Grocers | FreshCart', 'Priya Raman', 'StoreLink']));
  await dialog.screenshot({ path: 'screenshots/export-dialog.png' });

  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  const [md] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  expect(md.suggestedFilename()).toMatch(/^company-a-promo-backfill-\d{4}-\d{2}-\d{2}\.md$/);
  const text = await readFile(await md.path(), 'utf8');
  expect(text).toMatch(/^# Coached transcript — Company A promo backfill/);
  for (const name of ['FreshCart', 'Priya Raman', 'StoreLink']) expect(text).not.toContain(name);
  await expect(page.getByTestId('export-done')).toContainText('FreshCart Grocers → Company A');

  await dialog.getByRole('radio', { name: /PDF/ }).check();
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByTestId('export-submit').click(),
  ]);
  const bytes = await readFile(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await dialog.screenshot({ path: 'screenshots/export-dialog-done.png' });
});
