#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['formatting (Prettier; `npm run format` fixes it)', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['unit tests (Vitest)', ['npx', 'vitest', 'run']],
  ['real-time transcription tests (Vitest, on their own)', ['npx', 'vitest', 'run', '-c', 'vitest.realtime.config.ts']],
  ['build (electron-vite)', ['npx', 'electron-vite', 'build']],
  ['end-to-end tests (Playwright, Chromium, web shell)', ['npx', 'playwright', 'test', '-c', 'playwright.config.ts']],
];

/** Mirrors src/backend/services/platform/electron-binary.ts without loading TypeScript. */
function electronMissingReason() {
  const dir = path.join('node_modules', 'electron');
  if (!existsSync(path.join(dir, 'package.json'))) return 'the electron package is not installed';
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD or offline)';
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? null : `the Electron binary is missing (${exe})`;
}

const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const missing = electronMissingReason();
if (missing) {
  console.log(`\n=== Electron app tests: skipped — ${missing}; they run where npm install could download Electron ===`);
} else {
  console.log('\n=== Electron app tests (Playwright _electron) ===');
  const result = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('\n✗ Electron app tests failed.');
    process.exit(result.status || 1);
  }
}
console.log(`\n✓ All checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
