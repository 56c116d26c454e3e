#!/usr/bin/env node
// Keeps package-lock.json valid for `npm ci` when the registry this lock was made against lacks some
// of @fugood/whisper.node's per-platform optional binaries (e.g. darwin/win32 builds). `npm install`
// silently drops the ones it cannot fetch, and `npm ci` then refuses the lock as "out of sync".
// Adds a platform-tagged optional entry for each missing one: other platforms skip it, and on its own
// platform npm fetches it from the registry by name and version. Run after `npm install` changes.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [parent, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const match = /node-whisper-(darwin|linux|win32)-(x64|arm64)/.exec(name);
    const key = `node_modules/${name}`;
    if (!match || packages[key] || !parent.endsWith('@fugood/whisper.node')) continue;
    packages[key] = { version, cpu: [match[2]], license: 'MIT', optional: true, os: [match[1]] };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: added ${added} platform binary entries` : 'package-lock.json: nothing to add');
