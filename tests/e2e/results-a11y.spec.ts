import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/web-app';
import { seedStory } from './support/results-seed';

/** axe-core (WCAG 2.1 A/AA rules, colour contrast included) on each view this feature adds. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ') ?? ''} — ${v.help}`,
  );
}

test('results, sessions and compare views have no WCAG A/AA violations; focus is visible and keyboard-reachable', async ({
  page,
  app,
}) => {
  await seedStory(app.backend, 'dev-06-ctr-feature-store-default', {
    id: 'take-0001',
    story: 'Feature store default',
    createdAt: '2026-11-01T09:00:00.000Z',
  });
  await seedStory(app.backend, 'dev-01-credit-bureau-sentinel', {
    id: 'take-0002',
    story: 'Feature store default',
    createdAt: '2026-11-09T09:00:00.000Z',
  });

  await page.goto(app.server.launchUrlFor('/sessions/take-0002'));
  await expect(page.getByTestId('play-toggle')).toBeEnabled({ timeout: 15_000 });
  await page.getByTestId('transcript').focus();
  await page.keyboard.press('ArrowRight');
  expect(await violations(page)).toEqual([]);

  // Tab reaches the controls in order, and the focused element shows a visible outline.
  await page.getByRole('button', { name: '← Sessions' }).focus();
  const outlines: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    outlines.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return 'none';
        const style = getComputedStyle(el);
        return `${el.tagName}:${style.outlineStyle}:${style.outlineWidth}`;
      }),
    );
  }
  expect(outlines.every((o) => /:(solid|auto):[1-9]/.test(o))).toBe(true);
  await page.screenshot({ path: 'screenshots/results-focus.png' });

  await page.goto(app.server.launchUrlFor('/sessions'));
  await expect(page.getByTestId('story-group')).toHaveCount(1);
  await page.getByTestId('progress-toggle').click();
  expect(await violations(page)).toEqual([]);

  await page.goto(app.server.launchUrlFor('/compare/take-0001/take-0002'));
  await expect(page.getByTestId('compare-view')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
