/**
 * PDF for the CLI and the web shell: print the report's HTML with headless Chromium
 * (`chromium --headless --print-to-pdf`).
 *
 * Why spawn the browser rather than drive it with playwright-core: printing one local, script-free
 * file needs no page automation; the command line does it in one process with no extra runtime
 * dependency (playwright-core is only a test dependency here), and it works with any Chromium or
 * Chrome the user already has. Page numbers and margins come from the report's own `@page` CSS, so
 * the PDF looks the same as Electron's `printToPDF`.
 *
 * Nothing leaves the machine: the page has a CSP that forbids every request, background services
 * are off, and `--host-resolver-rules` makes every host name unresolvable for this browser.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CoachError } from '../../../shared/coach-error';
import type { PdfRenderer } from './ports';

export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True when `file` exists and can be executed. */
  isExecutable(file: string): boolean;
}

export type ChromiumFound =
  { found: true; path: string; source: 'CHROME_PATH' | 'known location' | 'PATH' } | { found: false; reason: string };

const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
];

function knownLocations(platform: NodeJS.Platform, env: ChromiumLookup['env']): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** Finds a Chromium-family browser: $CHROME_PATH, then the usual install locations, then $PATH. */
export function findChromium(lookup: ChromiumLookup): ChromiumFound {
  const override = lookup.env.CHROME_PATH?.trim();
  if (override) {
    if (lookup.isExecutable(override)) return { found: true, path: override, source: 'CHROME_PATH' };
    return { found: false, reason: `CHROME_PATH is set to "${override}", but no executable browser is there.` };
  }
  for (const file of knownLocations(lookup.platform, lookup.env)) {
    if (lookup.isExecutable(file)) return { found: true, path: file, source: 'known location' };
  }
  const sep = lookup.platform === 'win32' ? ';' : ':';
  const join = lookup.platform === 'win32' ? path.win32.join : path.posix.join;
  const exts = lookup.platform === 'win32' ? ['.exe'] : [''];
  for (const dir of (lookup.env.PATH ?? '').split(sep).filter((d) => d !== '')) {
    for (const name of PATH_NAMES) {
      for (const ext of exts) {
        const file = join(dir, name + ext);
        if (lookup.isExecutable(file)) return { found: true, path: file, source: 'PATH' };
      }
    }
  }
  return {
    found: false,
    reason:
      'PDF export needs Chromium or Google Chrome, and none was found. Install one (on Debian/Ubuntu: "sudo apt install chromium"), ' +
      'or set CHROME_PATH to its executable. Markdown, HTML, JSON and WebVTT exports work without it.',
  };
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumPdfOptions {
  /** Browser executable; found with `findChromium` when absent. */
  executable?: string;
  /** Give up after this long (a stuck browser must not hang an export). Default 60 s. */
  timeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The command line, kept separate so tests can check the no-network flags. */
export function chromiumArgs(profileDir: string, pdfFile: string, htmlUrl: string, runningAsRoot: boolean): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--mute-audio',
    // Every host name fails to resolve: the report makes no requests, and neither may the browser.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    // Chromium refuses to start as root with its sandbox on (containers, CI); the page is our own
    // script-free file, so dropping the sandbox there is acceptable.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    htmlUrl,
  ];
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly timeoutMs: number;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly explicit: string | undefined;

  constructor(options: ChromiumPdfOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.env = options.env ?? process.env;
    this.explicit = options.executable;
  }

  get name(): string {
    const found = this.locate();
    return found.found ? `headless Chromium (${found.path})` : 'headless Chromium (not found)';
  }

  private locate(): ChromiumFound {
    if (this.explicit !== undefined) {
      return isExecutableFile(this.explicit)
        ? { found: true, path: this.explicit, source: 'CHROME_PATH' }
        : { found: false, reason: `No executable browser at "${this.explicit}".` };
    }
    return findChromium({ env: this.env, platform: process.platform, isExecutable: isExecutableFile });
  }

  async availability(): Promise<{ available: true } | { available: false; reason: string }> {
    const found = this.locate();
    return found.found ? { available: true } : { available: false, reason: found.reason };
  }

  async render(html: string): Promise<Uint8Array<ArrayBuffer>> {
    const found = this.locate();
    if (!found.found) throw new CoachError('unsupported', found.reason);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-pdf-'));
    try {
      const htmlFile = path.join(dir, 'report.html');
      const pdfFile = path.join(dir, 'report.pdf');
      await writeFile(htmlFile, html, 'utf8');
      const root = typeof process.getuid === 'function' && process.getuid() === 0;
      await this.run(found.path, chromiumArgs(path.join(dir, 'profile'), pdfFile, pathToFileURL(htmlFile).href, root));
      let pdf: Buffer;
      try {
        pdf = await readFile(pdfFile);
      } catch {
        throw new CoachError('internal', `${found.path} finished without writing a PDF.`);
      }
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new CoachError('internal', `${found.path} wrote something that is not a PDF.`);
      return new Uint8Array(pdf);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private run(executable: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const detached = process.platform !== 'win32';
      const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      const timer = setTimeout(() => {
        // The browser starts helper processes: end the whole group it leads.
        try {
          if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {}
        reject(
          new CoachError(
            'internal',
            `The browser did not finish printing the PDF within ${Math.round(this.timeoutMs / 1000)} s.`,
          ),
        );
      }, this.timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new CoachError('unsupported', `Could not start ${executable}: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else {
          const last = stderr
            .trim()
            .split('\n')
            .filter((l) => l.trim() !== '')
            .slice(-3)
            .join(' | ');
          reject(
            new CoachError(
              'internal',
              `${executable} failed to print the PDF (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}`,
            ),
          );
        }
      });
    });
  }
}
