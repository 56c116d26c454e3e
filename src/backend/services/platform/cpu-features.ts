import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The SIMD features whisper.cpp's speed depends on, in the order a user cares about. */
const INTERESTING_FLAGS = [
  'sse3',
  'ssse3',
  'sse4_1',
  'sse4_2',
  'avx',
  'avx2',
  'fma',
  'f16c',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'avx512_vnni',
  'avx_vnni',
  'neon',
  'asimd',
] as const;

export interface CpuInfo {
  model: string;
  cores: number;
  arch: string;
  /** Known SIMD flags present; null when the platform doesn't expose them (macOS, Windows). */
  features: string[] | null;
}

export function parseCpuFlags(cpuinfo: string): string[] {
  const line = cpuinfo.split('\n').find((l) => /^(flags|Features)\s*:/.test(l));
  if (!line) return [];
  const flags = new Set(line.split(':')[1]?.trim().split(/\s+/) ?? []);
  return INTERESTING_FLAGS.filter((flag) => flags.has(flag));
}

export function cpuInfo(): CpuInfo {
  const cpus = os.cpus();
  let features: string[] | null = null;
  if (process.platform === 'linux') {
    try {
      features = parseCpuFlags(readFileSync('/proc/cpuinfo', 'utf8'));
    } catch {
      features = null;
    }
  }
  return { model: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, arch: process.arch, features };
}
