import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /**
   * Reload and the developer tools are for development only: in an installed app a stray Ctrl+R
   * during a take would reload the page and cut the recording.
   */
  developer: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, built from Electron roles so labels, shortcuts and platform behaviour
 * (the macOS app menu, Services, Window list) come from Electron. The Edit menu matters beyond
 * looks: on macOS the clipboard shortcuts work in text fields only through its roles.
 */
export function menuTemplate(platform: NodeJS.Platform, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const when = (condition: boolean, items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    condition ? items : [];
  return [
    ...when(mac, [{ role: 'appMenu' }]),
    { role: 'fileMenu', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...when(mac, [{ role: 'pasteAndMatchStyle' }]),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      role: 'viewMenu',
      submenu: [
        ...when(options.developer, [
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          separator,
        ]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'windowMenu',
      submenu: [
        { role: 'minimize' },
        { role: 'zoom' },
        ...when(mac, [separator, { role: 'front' }]),
        ...when(!mac, [{ role: 'close' }]),
      ],
    },
    // macOS puts About in the app menu and adds its own search field to Help.
    { role: 'help', submenu: mac ? [] : [{ role: 'about' }] },
  ];
}
