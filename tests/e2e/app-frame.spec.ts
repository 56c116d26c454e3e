import { mkdir } from 'node:fs/promises';
import { expect, test } from './support/web-app';

test('the app frame renders, navigates, and shows real data through the contract', async ({ page, app }) => {
  await page.goto(app.server.launchUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Practice', level: 1 })).toBeVisible();
  // The client removed the token from the address bar.
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
  expect(page.url()).toContain('#/sessions');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('about-shell')).toHaveText(/Web shell/);
  await expect(page.getByTestId('about-data-dir')).toHaveText(app.dataDir);
  await expect(page.getByTestId('about-version')).toHaveText(/Postmortem Coach \d+\.\d+\.\d+/);

  await mkdir('screenshots', { recursive: true });
  await page.screenshot({ path: 'screenshots/app-frame-settings.png' });
  await page.getByRole('button', { name: 'Sessions' }).click();
  await page.screenshot({ path: 'screenshots/app-frame-sessions.png' });

  // Reload keeps working through the cookie (no token in the URL any more) and keeps the view.
  await page.reload();
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
});

test('a session written to the data folder shows up in the Sessions view', async ({ page, app }) => {
  await app.backend.services.sessions.save({
    schemaVersion: 1,
    id: 'take-0001',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    kind: 'typed',
    status: 'ready',
    question: 'Tell me about an incident you owned',
    story: 'Bureau sentinel',
    targetSec: 180,
  });
  await page.goto(`${app.server.launchUrl}#/sessions`);
  await expect(page.getByTestId('sessions-table')).toContainText('Bureau sentinel');
});

test('the web shell refuses requests without the token, with a wrong token, or from a foreign origin', async ({
  request,
  app,
}) => {
  const base = app.server.url;
  expect((await request.get(base)).status()).toBe(401);
  expect((await request.get(`${base}?token=wrong`)).status()).toBe(401);
  expect((await request.post(`${base}api/invoke`, { data: { channel: 'app.about', input: {} } })).status()).toBe(401);
  const wrongHeader = await request.post(`${base}api/invoke`, {
    data: { channel: 'app.about', input: {} },
    headers: { 'x-coach-token': 'not-the-token' },
  });
  expect(wrongHeader.status()).toBe(401);
  const foreign = await request.post(`${base}api/invoke`, {
    data: { channel: 'app.about', input: {} },
    headers: { 'x-coach-token': app.server.token, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const ok = await request.post(`${base}api/invoke`, {
    data: { channel: 'app.about', input: {} },
    headers: { 'x-coach-token': app.server.token },
  });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
});

test('a bad input from the page gets a typed error, not a crash', async ({ page, app }) => {
  await page.goto(app.server.launchUrl);
  const result = await page.evaluate(async () => {
    // Deliberately outside the typed API: what a buggy or hostile page could send.
    const invoke = window.coach.invoke as (channel: string, input: unknown) => Promise<unknown>;
    return {
      bad: await invoke('sessions.list', { unexpected: true }),
      unknown: await invoke('no.such.channel', {}),
      after: await invoke('sessions.list', {}),
    };
  });
  expect(result.bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(result.unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  expect(result.after).toMatchObject({ ok: true });
});

test('Settings says which Whisper build will transcribe on this machine', async ({ page, app }) => {
  await page.goto(`${app.server.launchUrl}#/settings`);
  // Either build is legitimate (a machine without a toolchain gets the prebuilt one); the app must say which.
  await expect(page.getByTestId('about-whisper')).toHaveText(/whisper\.cpp (built for this CPU|prebuilt binary)/);
  await expect(page.getByTestId('about-whisper')).toContainText('loads on first use');
});
