import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../src/main/menu';

function submenuRoles(template: MenuItemConstructorOptions[], role: string): string[] {
  const menu = template.find((item) => item.role === role);
  expect(menu, `${role} menu`).toBeDefined();
  const submenu = menu?.submenu;
  if (!Array.isArray(submenu)) return [];
  return submenu.flatMap((item) => (item.role === undefined ? [] : [item.role]));
}

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('gives macOS the app menu and File, Edit, View, Window and Help', () => {
    const template = menuTemplate('darwin', { developer: false });
    expect(template.map((item) => item.role)).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(submenuRoles(template, 'fileMenu')).toEqual(['close']);
    expect(submenuRoles(template, 'windowMenu')).toEqual(['minimize', 'zoom', 'front']);
    expect(submenuRoles(template, 'editMenu')).toContain('pasteAndMatchStyle');
  });

  it.each(['linux', 'win32'] as const)(
    'on %s has no app menu, quits from File and shows About under Help',
    (platform) => {
      const template = menuTemplate(platform, { developer: false });
      expect(template.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
      expect(submenuRoles(template, 'fileMenu')).toEqual(['quit']);
      expect(submenuRoles(template, 'windowMenu')).toEqual(['minimize', 'zoom', 'close']);
      expect(submenuRoles(template, 'help')).toEqual(['about']);
    },
  );

  it.each(['darwin', 'linux', 'win32'] as const)('keeps the clipboard and zoom roles on %s', (platform) => {
    const template = menuTemplate(platform, { developer: false });
    expect(submenuRoles(template, 'editMenu')).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']),
    );
    expect(submenuRoles(template, 'viewMenu')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('offers reload and the developer tools to developers only', () => {
    const developerRoles = ['reload', 'forceReload', 'toggleDevTools'];
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      expect(submenuRoles(menuTemplate(platform, { developer: true }), 'viewMenu')).toEqual(
        expect.arrayContaining(developerRoles),
      );
      const roles = allItems(menuTemplate(platform, { developer: false })).map((item) => item.role);
      for (const role of developerRoles) expect(roles).not.toContain(role);
    }
  });

  it('is made of roles and separators only: no item runs code of ours or opens a link', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      for (const item of allItems(menuTemplate(platform, { developer: true }))) {
        expect(item.click).toBeUndefined();
        expect(item.role !== undefined || item.type === 'separator').toBe(true);
      }
    }
  });
});
