/**
 * What the fuzz watches for writes outside the data folder, at three distances:
 *
 * - the fuzz's own folder around the data folder (a canary folder sits beside the data folder):
 *   every file, compared exactly, since nothing else writes there;
 * - the shared temporary folder (`os.tmpdir()`, the fuzz folder's parent): its entries, where
 *   other processes (parallel test files, tools) come and go all the time. Only entries a
 *   request could have named count: an escaping write takes its file name from the request;
 * - the files the hostile paths name wherever they lead (`/etc/passwd`, `<tmp>/etc/passwd`, ...).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file's size and modification time, or `absent`. */
async function signature(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info) return 'absent';
  return info.isDirectory() ? 'folder' : `${info.size}:${info.mtimeMs}`;
}

/** Every file under `dir` with its signature, skipping `skip` (the data folder). */
export async function snapshotTree(dir: string, skip: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const name of await readdir(d).catch(() => [] as string[])) {
      const full = path.join(d, name);
      if (full === skip) continue;
      const info = await stat(full).catch(() => null);
      if (!info) continue;
      if (info.isDirectory()) await walk(full);
      else out.set(full, `${info.size}:${info.mtimeMs}`);
    }
  };
  await walk(dir);
  return out;
}

/** The entries directly in `dir` with their signatures (folders are not walked: they are not ours). */
export async function snapshotEntries(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    out.set(name, await signature(path.join(dir, name)));
  }
  return out;
}

/** Signatures of the given files (present or not). */
export async function snapshotFiles(files: readonly string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(files.map(async (f) => [f, await signature(f)] as const)));
}

/** Keys whose signature differs between the two snapshots (new, changed or removed). */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/**
 * Every name a request sent: each path component of each string in it, bounded so megabyte
 * strings and 20,000-level nesting cost nothing. A write escaping the data folder would be named
 * by one of these (possibly decorated, as `imported-<name>.bin` or `<name>.json`).
 */
export class SentNames {
  private readonly exact = new Set<string>();

  add(value: unknown, depth = 0): void {
    if (depth > 70) return;
    if (typeof value === 'string') {
      if (value.length > 300) return;
      for (const part of value.split(/[\\/]/)) {
        if (part !== '' && part !== '.' && part !== '..') this.exact.add(part);
      }
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, 100)) this.add(item, depth + 1);
    } else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
      // Values only: no key of a request becomes a file name.
      for (const item of Object.values(value).slice(0, 100)) this.add(item, depth + 1);
    }
  }

  /**
   * True when `entry` could have been named by a request: exactly one of the names, or, for
   * names long enough not to match other processes' entries by chance (6 characters), holding one.
   * One- and two-character names (random ones are sent) would match others' entries by chance.
   */
  couldName(entry: string): boolean {
    if (entry.length >= 3 && this.exact.has(entry)) return true;
    for (const name of this.exact) if (name.length >= 6 && entry.includes(name)) return true;
    return false;
  }
}

/**
 * The files outside the data folder that `hostilePaths` reach from it and the folders under it,
 * or name outright when absolute.
 */
export function hostileTargets(dataDir: string, hostilePaths: readonly string[]): string[] {
  const from = [dataDir, path.join(dataDir, 'sessions'), path.join(dataDir, 'sessions', 'x')];
  const targets = new Set<string>();
  for (const p of hostilePaths) {
    for (const variant of [p, p.replace(/\\/g, '/')]) {
      if (path.isAbsolute(variant)) targets.add(variant);
      else for (const dir of from) targets.add(path.resolve(dir, variant));
    }
  }
  const inside = (file: string) => {
    const relative = path.relative(dataDir, file);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  return [...targets].filter((file) => !inside(file)).sort();
}
