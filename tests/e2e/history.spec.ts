import type { Page } from '@playwright/test';
import { expect, test, type WebApp } from './support/web-app';
import { seedStory } from './support/results-seed';

/** Three attempts of one story improving over time, and a take of another story. */
async function seedHistory(app: WebApp): Promise<void> {
  await seedStory(app.backend, 'dev-06-ctr-feature-store-default', {
    id: 'take-0001',
    story: 'Feature store default',
    createdAt: '2026-11-01T09:00:00.000Z',
    kind: 'typed',
  });
  await seedStory(app.backend, 'dev-07-churn-label-leakage', {
    id: 'take-0002',
    story: 'Feature store default',
    createdAt: '2026-11-05T09:00:00.000Z',
    kind: 'typed',
  });
  await seedStory(app.backend, 'dev-01-credit-bureau-sentinel', {
    id: 'take-0003',
    story: 'Feature store default',
    createdAt: '2026-11-09T09:00:00.000Z',
  });
  await seedStory(app.backend, 'dev-02-search-stemmer-change', {
    id: 'take-0004',
    story: 'Search stemmer',
    createdAt: '2026-11-07T09:00:00.000Z',
    title: 'Stemmer, first try',
  });
}

async function takeIds(page: Page): Promise<string[]> {
  return page.getByTestId('take-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
}

test('sessions are grouped by story with tier, levels and Mitigation vs Structural fix; search and story filter narrow them', async ({
  page,
  app,
}) => {
  await seedHistory(app);
  await page.goto(app.server.launchUrlFor('/sessions'));
  const groups = page.getByTestId('story-group');
  await expect(groups).toHaveCount(2);
  // Most recently practised story first; takes newest first.
  await expect(groups.nth(0).getByRole('heading', { level: 2 })).toHaveText('Feature store default');
  expect(
    await groups
      .nth(0)
      .getByTestId('take-row')
      .evaluateAll((r) => r.map((x) => x.getAttribute('data-id'))),
  ).toEqual(['take-0003', 'take-0002', 'take-0001']);
  const newest = page.locator('[data-testid="take-row"][data-id="take-0003"]');
  await expect(newest).toContainText(/Senior|Staff|L7/);
  await expect(newest).toContainText(/Balance: (Weak|Passing|Strong|Staff bar)/);
  await expect(newest).toContainText(/Mitigation \d+ s/);
  await expect(newest).toContainText(/Structural fix \d+ s/);
  await expect(page.getByTestId('sessions-table')).toContainText('Stemmer, first try');
  await page.screenshot({ path: 'screenshots/history-list.png' });

  await page.getByTestId('history-search').fill('stemmer');
  await expect.poll(() => takeIds(page)).toEqual(['take-0004']);
  await page.getByTestId('history-search').fill('');
  await page.getByTestId('story-filter').selectOption('Feature store default');
  await expect(groups).toHaveCount(1);
  await expect.poll(() => takeIds(page)).toEqual(['take-0003', 'take-0002', 'take-0001']);
  await page.getByTestId('story-filter').selectOption('');
  await expect(groups).toHaveCount(2);

  // Opening a take goes to its results.
  await newest.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByTestId('results-view')).toBeVisible();
  expect(page.url()).toContain('#/sessions/take-0003');
  await page.getByRole('button', { name: '← Sessions' }).click();
  await expect(groups).toHaveCount(2);
});

test('rename a take, delete it with undo, and delete for good after the undo window', async ({ page, app }) => {
  await seedHistory(app);
  await page.clock.install();
  await page.goto(app.server.launchUrlFor('/sessions'));
  const row = page.locator('[data-testid="take-row"][data-id="take-0002"]');
  await row.getByRole('button', { name: /^Rename/ }).click();
  await row.getByTestId('rename-input').fill('Leakage framing');
  await row.getByTestId('rename-input').press('Enter');
  await expect(row.getByRole('button', { name: 'Leakage framing', exact: true })).toBeVisible();
  expect((await app.backend.services.sessions.get('take-0002')).title).toBe('Leakage framing');

  // Delete, then undo: the take comes back unchanged.
  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toContainText('Leakage framing');
  await page.screenshot({ path: 'screenshots/history-undo.png' });
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Leakage framing');

  // Delete again and let the undo window pass: it is purged from disk.
  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await page.clock.fastForward(11_000);
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
  await expect.poll(async () => (await app.backend.services.history.list()).trash.map((t) => t.id)).toEqual([]);
  await expect(app.backend.services.sessions.get('take-0002')).rejects.toMatchObject({ code: 'not_found' });
  await page.reload();
  await expect(page.locator('[data-testid="take-row"][data-id="take-0002"]')).toHaveCount(0);
});

test('progress per story charts the rubric levels and layer shares against the budget over attempts', async ({
  page,
  app,
}) => {
  await seedHistory(app);
  await page.goto(app.server.launchUrlFor('/sessions'));
  const group = page.getByTestId('story-group').filter({ hasText: 'Feature store default' });
  await group.getByTestId('progress-toggle').click();
  const chart = group.getByTestId('progress-chart');
  await expect(chart).toContainText('3 analysed attempts');
  await expect(chart.locator('svg[role="img"]')).toHaveCount(2);
  // The numbers behind the chart, in attempt order.
  await chart.getByText('Show the numbers').click();
  const rows = chart.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('1');
  await expect(chart).toContainText(/Mitigation (shrank|grew) by \d+ points/);
  await chart.screenshot({ path: 'screenshots/history-progress.png' });
});

test('compare two takes of the same story side by side with aligned timelines', async ({ page, app }) => {
  await seedHistory(app);
  await page.goto(app.server.launchUrlFor('/sessions'));
  await expect(page.getByTestId('compare-button')).toBeDisabled();
  await page
    .getByLabel(/Select “.*” for comparison/)
    .first()
    .check();
  // A take of another story cannot be compared with it.
  await page.locator('[data-testid="take-row"][data-id="take-0004"]').getByRole('checkbox').check();
  await expect(page.getByTestId('compare-button')).toBeDisabled();
  await page.locator('[data-testid="take-row"][data-id="take-0004"]').getByRole('checkbox').uncheck();
  await page.locator('[data-testid="take-row"][data-id="take-0001"]').getByRole('checkbox').check();
  await expect(page.getByTestId('compare-button')).toBeEnabled();
  await page.getByTestId('compare-button').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  expect(page.url()).toContain('#/compare/take-0001/take-0003');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('tr[data-layer="structural_fix"]')).toContainText(/\d+ s/);
  await expect(page.getByTestId('compare-levels').locator('tbody tr')).toHaveCount(5);
  // Both timelines share one time scale: the shorter answer's strip ends before the longer one's.
  const ends = await Promise.all(
    ['A', 'B'].map((w) =>
      page.getByTestId(`compare-strip-${w}`).evaluate((strip) => {
        const box = strip.getBoundingClientRect();
        const blocks = [...strip.querySelectorAll('.layer-block')].map((b) => b.getBoundingClientRect().right);
        return (Math.max(...blocks) - box.left) / box.width;
      }),
    ),
  );
  expect(Math.max(...ends)).toBeGreaterThan(0.97);
  expect(Math.min(...ends)).toBeLessThan(0.9);
  await page.screenshot({ path: 'screenshots/compare.png', fullPage: true });
});
