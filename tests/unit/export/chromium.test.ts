import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer, chromiumArgs, findChromium } from '../../../src/backend/services/export/chromium-pdf';

const only = (files: string[]) => (file: string) => files.includes(file);

describe('findChromium', () => {
  it('prefers CHROME_PATH and says clearly when it points nowhere', () => {
    expect(
      findChromium({
        env: { CHROME_PATH: '/opt/chrome/chrome' },
        platform: 'linux',
        isExecutable: only(['/opt/chrome/chrome', '/usr/bin/chromium']),
      }),
    ).toEqual({
      found: true,
      path: '/opt/chrome/chrome',
      source: 'CHROME_PATH',
    });
    const bad = findChromium({
      env: { CHROME_PATH: '/nope' },
      platform: 'linux',
      isExecutable: only(['/usr/bin/chromium']),
    });
    expect(bad).toEqual({ found: false, reason: expect.stringContaining('CHROME_PATH is set to "/nope"') });
  });

  it('finds the usual install locations, then searches PATH', () => {
    expect(findChromium({ env: {}, platform: 'linux', isExecutable: only(['/usr/bin/chromium']) })).toMatchObject({
      path: '/usr/bin/chromium',
      source: 'known location',
    });
    expect(
      findChromium({
        env: { PATH: '/a:/home/me/bin' },
        platform: 'linux',
        isExecutable: only(['/home/me/bin/google-chrome']),
      }),
    ).toMatchObject({
      path: '/home/me/bin/google-chrome',
      source: 'PATH',
    });
    expect(
      findChromium({
        env: { PROGRAMFILES: 'C:\\Program Files' },
        platform: 'win32',
        isExecutable: only(['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']),
      }),
    ).toMatchObject({ found: true });
  });

  it('explains how to fix it when there is no browser', () => {
    const none = findChromium({ env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable: () => false });
    expect(none.found).toBe(false);
    if (!none.found) expect(none.reason).toMatch(/needs Chromium or Google Chrome.*apt install chromium.*CHROME_PATH/s);
  });
});

describe('chromiumArgs', () => {
  it('prints headless with every host unresolvable and background networking off', () => {
    const args = chromiumArgs('/tmp/p', '/tmp/out.pdf', 'file:///tmp/report.html', false);
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        '--disable-background-networking',
        '--print-to-pdf=/tmp/out.pdf',
        '--no-pdf-header-footer',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(args[args.length - 1]).toBe('file:///tmp/report.html');
    expect(chromiumArgs('/tmp/p', '/tmp/o.pdf', 'file:///x', true)).toContain('--no-sandbox');
  });
});

describe('ChromiumPdfRenderer', () => {
  it('reports unavailability and refuses to render with a clear error', async () => {
    const renderer = new ChromiumPdfRenderer({ env: { CHROME_PATH: '/definitely/not/here' } });
    expect(await renderer.availability()).toEqual({
      available: false,
      reason: expect.stringContaining('/definitely/not/here'),
    });
    await expect(renderer.render('<p>x</p>')).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('fails with the browser exit status when the browser fails', async () => {
    // /bin/false is executable and exits 1 without writing a PDF.
    const renderer = new ChromiumPdfRenderer({ executable: '/bin/false' });
    await expect(renderer.render('<p>x</p>')).rejects.toThrow(/failed to print the PDF \(exit code 1\)/);
  });

  it.skipIf(process.platform === 'win32')('gives up after its timeout and ends the stuck browser', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coach-hang-'));
    const script = path.join(dir, 'hang.sh');
    writeFileSync(script, '#!/bin/sh\nsleep 30\n');
    chmodSync(script, 0o755);
    const t0 = Date.now();
    try {
      await expect(new ChromiumPdfRenderer({ executable: script, timeoutMs: 400 }).render('<p>x</p>')).rejects.toThrow(
        /did not finish printing the PDF within/,
      );
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
