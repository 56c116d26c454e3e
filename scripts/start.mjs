#!/usr/bin/env node
// `npm start`: build and launch the desktop app; where the Electron binary is absent, say so and
// point to the web shell instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join('node_modules', 'electron');

function electronExecutable() {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

let exe = electronExecutable();
if (!exe && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && existsSync(path.join(dir, 'install.js'))) {
  // Electron downloads its binary on first use; try once, quietly fall through if offline.
  console.log('Downloading the Electron runtime (first start only)…');
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  exe = electronExecutable();
}
if (!exe) {
  console.error(
    'The Electron runtime is not installed on this machine, so the desktop app cannot start: run "npm run web" to use Postmortem Coach in your browser instead.',
  );
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = ['.'];
// Chromium refuses to run as root without this (containers, CI).
if (process.getuid?.() === 0) args.push('--no-sandbox');
const run = spawnSync(exe, args, { stdio: 'inherit' });
process.exit(run.status ?? 0);
