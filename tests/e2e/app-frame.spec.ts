import { mkdir } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/web-app';

test('the app frame renders, navigates, and shows real data through the contract', async ({ page, app }) => {
  // Nothing the page loads is missing (a browser asks for /favicon.ico unless told otherwise).
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') failed.push(m.text());
  });
  await page.goto(app.server.launchUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Practice', level: 1 })).toBeVisible();
  // The client removed the token from the address bar, and no cookie carries it.
  expect(page.url()).not.toContain(app.server.token);
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.context().cookies()).toEqual([]);

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

  // Reload keeps working (the tab kept the token in sessionStorage) and keeps the view.
  await page.reload();
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
  expect(failed).toEqual([]);
});

test('a launch URL with a route opens that route and leaves only the route in the address bar', async ({
  page,
  app,
}) => {
  await page.goto(app.server.launchUrlFor('/sessions'));
  await expect(page.getByTestId('sessions-empty')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/sessions');
  // Opened again in the same tab, only the fragment changes: the page is not reloaded.
  await page.goto(app.server.launchUrlFor('/settings'));
  await expect(page.getByTestId('about-shell')).toHaveText(/Web shell/);
  expect(new URL(page.url()).hash).toBe('#/settings');
  expect(page.url()).not.toContain(app.server.token);
});

test('another server on another loopback port receives no credential of ours', async ({ page, app }) => {
  const seen: IncomingHttpHeaders[] = [];
  const neighbour = http.createServer((req, res) => {
    seen.push(req.headers);
    res.end('<!doctype html><title>neighbour</title>');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(app.server.launchUrl);
    await expect(page.getByRole('heading', { name: 'Practice', level: 1 })).toBeVisible();
    // Same host, other port: a browser shares cookies across ports, not sessionStorage across origins.
    await page.goto(`http://127.0.0.1:${(neighbour.address() as AddressInfo).port}/`);
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) expect(headers.cookie).toBeUndefined();
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain(app.server.token);
  } finally {
    await new Promise<void>((resolve) => neighbour.close(() => resolve()));
  }
});

test('a page opened without the token says to open the address printed in the terminal', async ({ page, app }) => {
  await page.goto(app.server.url);
  await expect(page.getByTestId('notices')).toContainText('printed in the terminal');
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
  await page.goto(app.server.launchUrlFor('/sessions'));
  await expect(page.getByTestId('sessions-table')).toContainText('Bureau sentinel');
});

test('the web shell API refuses requests without the token header, with a wrong token, or from a foreign origin', async ({
  request,
  app,
}) => {
  const base = app.server.url;
  // The page itself holds no secret; everything behind it needs the token header.
  const page = await request.get(base);
  expect(page.status()).toBe(200);
  expect(await page.text()).not.toContain(app.server.token);
  expect(page.headers()['set-cookie']).toBeUndefined();
  expect((await request.post(`${base}api/invoke`, { data: { channel: 'app.about', input: {} } })).status()).toBe(401);
  const inQuery = await request.post(`${base}api/invoke?token=${encodeURIComponent(app.server.token)}`, {
    data: { channel: 'app.about', input: {} },
  });
  expect(inQuery.status()).toBe(401);
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
  await page.goto(app.server.launchUrlFor('/settings'));
  // Either build is legitimate (a machine without a toolchain gets the prebuilt one); the app must say which.
  await expect(page.getByTestId('about-whisper')).toHaveText(/whisper\.cpp (built for this CPU|prebuilt binary)/);
  await expect(page.getByTestId('about-whisper')).toContainText('loads on first use');
});
