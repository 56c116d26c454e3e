import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { parseCpuFlags } from '../../../src/backend/services/platform/cpu-features';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describe('coach CLI', () => {
  it('prints the version from package.json', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('unknown command "frobnicate"');
  });

  it('doctor reports Node, Electron availability, the data folder and CPU features', async () => {
    const c = capture();
    expect(await main(['doctor', '--json'], c.io)).toBe(0);
    const sections = JSON.parse(c.out.join('')) as { title: string; rows: [string, string][] }[];
    const rows = Object.fromEntries(sections.flatMap((s) => s.rows));
    expect(rows['Node.js']).toBe(process.versions.node);
    expect(rows.Electron).toBeDefined();
    expect(rows['Data folder']).toBeTruthy();
    expect(rows['SIMD features']).toBeDefined();
  });

  it('reads SIMD flags from /proc/cpuinfo text', () => {
    expect(parseCpuFlags('processor: 0\nflags\t\t: fpu sse4_2 avx avx2 fma avx512f\n')).toEqual([
      'sse4_2',
      'avx',
      'avx2',
      'fma',
      'avx512f',
    ]);
    expect(parseCpuFlags('Features\t: fp asimd evtstrm\n')).toEqual(['asimd']);
    expect(parseCpuFlags('')).toEqual([]);
  });
});
