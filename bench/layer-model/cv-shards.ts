/**
 * Cross-validation run in parallel processes, one per core: each fold trains its models on one
 * core, so two processes take half the time of one.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mergeTallies, type Tally, type talliesToJson } from './cv';

const CV = fileURLToPath(new URL('./cv.ts', import.meta.url));
const SHARDS = 2;

/** The merged tallies of cv.ts run with `args` (its options) over every shard of the folds. */
export async function crossValidateInShards(args: readonly string[]): Promise<Map<string, Tally>> {
  return mergeTallies(await Promise.all(Array.from({ length: SHARDS }, (_, i) => shard(i, args))));
}

function shard(index: number, options: readonly string[]): Promise<ReturnType<typeof talliesToJson>> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', CV, ...options, '--shard', `${index}/${SHARDS}`, '--json'];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`cross-validation shard ${index} failed (exit ${code})`));
      else resolve(JSON.parse(line) as ReturnType<typeof talliesToJson>);
    });
  });
}
