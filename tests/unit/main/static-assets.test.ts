import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveStaticAsset } from '../../../src/backend/services/platform/static-assets';

const root = path.resolve('/srv/renderer');

describe('resolveStaticAsset', () => {
  it('maps paths inside the root', () => {
    expect(resolveStaticAsset(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticAsset(root, '/assets/a.js?x=1')).toBe(path.join(root, 'assets/a.js'));
  });

  it('refuses anything that escapes the root', () => {
    for (const p of [
      '/../secret',
      '/assets/../../etc/passwd',
      '/%2e%2e/secret',
      '/..%2fsecret',
      '/a\\..\\b',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticAsset(root, p)).toBeNull();
    }
  });

  it('serves scripts and styles with their MIME types', () => {
    expect(mimeTypeOf('a.js')).toMatch(/javascript/);
    expect(mimeTypeOf('a.css')).toMatch(/css/);
    expect(mimeTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
