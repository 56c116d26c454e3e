import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Identifies what this CPU can execute. A -march=native build is only safe on a CPU with the same
 * feature flags (otherwise: SIGILL, which no try/catch can stop), so build-whisper.mjs records this
 * key and load-addon.ts refuses a build made for another CPU. Must stay identical to cpuKey() in
 * scripts/build-whisper.mjs (a unit test compares them).
 */
export function cpuKey(cpuinfo?: string): { model: string; flagsHash: string } {
  let flags = '';
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = cpuinfo ?? readFileSync('/proc/cpuinfo', 'utf8');
    flags = (/^flags\s*:\s*(.*)$/m.exec(info)?.[1] ?? '').split(/\s+/).sort().join(' ');
    model = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? model;
  } catch {
    // not Linux: fall back to the model name only
  }
  return { model, flagsHash: createHash('sha256').update(`${process.arch} ${flags}`).digest('hex').slice(0, 16) };
}
