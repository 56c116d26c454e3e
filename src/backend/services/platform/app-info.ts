import { readFileSync } from 'node:fs';

interface PackageInfo {
  name: string;
  productName: string;
  version: string;
}

let cached: PackageInfo | undefined;

/** The app's name and version, read once from package.json (works from src/ and from out/). */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (const rel of ['../../../../package.json', '../../package.json', '../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Partial<PackageInfo>;
      if (json.name === 'postmortem-coach' && typeof json.version === 'string') {
        cached = { name: json.name, productName: json.productName ?? 'Postmortem Coach', version: json.version };
        return cached;
      }
    } catch {
      /* try the next candidate */
    }
  }
  cached = { name: 'postmortem-coach', productName: 'Postmortem Coach', version: '0.0.0' };
  return cached;
}
