import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/backend/services/platform/data-dir';

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.local/share/postmortem-coach');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/x' }, '/home/a')).toBe('/x/postmortem-coach');
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Postmortem Coach');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Postmortem Coach',
    );
  });

  it('lets COACH_DATA_DIR override it', () => {
    expect(defaultDataDir('linux', { COACH_DATA_DIR: '/tmp/coach' }, '/home/a')).toBe('/tmp/coach');
    expect(defaultDataDir('linux', { COACH_DATA_DIR: '  ' }, '/home/a')).toBe('/home/a/.local/share/postmortem-coach');
  });
});
