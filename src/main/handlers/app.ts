import type { AboutInfo } from '../../shared/channels/app';
import { packageInfo } from '../services/platform/app-info';
import type { BackendOptions } from '../backend';

export function aboutHandler(options: BackendOptions) {
  return async (): Promise<AboutInfo> => {
    const pkg = packageInfo();
    return {
      appName: pkg.productName,
      appVersion: pkg.version,
      shell: options.shell,
      dataDir: options.dataDir,
      versions: {
        node: process.versions.node,
        electron: options.electronVersion,
        chrome: options.chromeVersion,
        v8: process.versions.v8,
        platform: process.platform,
        arch: process.arch,
      },
    };
  };
}
