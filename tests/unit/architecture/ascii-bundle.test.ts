import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The main-process bundle is written as ASCII (`charset` in electron.vite.config.ts): V8 keeps a
 * module's source for as long as it lives, at two bytes a character if one character is outside
 * Latin-1, and the engine's bundle is mostly its models (8.6 MB). The bundler escapes everything
 * but the inside of a `String.raw` template, whose text it may not change: those are written with
 * escapes in the source.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The `String.raw` templates of a source text that hold a character outside ASCII. */
function rawTemplatesOutsideAscii(text: string): string[] {
  return [...text.matchAll(/String\.raw`([^`]*)`/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => [...t].some((c) => c.charCodeAt(0) > 0x7f));
}

describe('the bundle stays one byte a character', () => {
  it('no String.raw template in the source holds a character outside ASCII', () => {
    const offending = sources('src').flatMap((file) =>
      rawTemplatesOutsideAscii(readFileSync(file, 'utf8')).map((t) => `${file}: ${t.slice(0, 60)}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds one where there is one', () => {
    expect(rawTemplatesOutsideAscii('const SEP = String.raw`(?=[\\s,.:;\u2014-]|$)`;')).toHaveLength(1);
    expect(rawTemplatesOutsideAscii('const SEP = String.raw`(?=[\\s,.:;\\u2014-]|$)`;')).toHaveLength(0);
  });
});
