/** Types of what tests import from after-pack-fuses.mjs. */
export type FuseSettings = Record<string, boolean>;

export interface FlipConfig {
  version: string;
  resetAdHocDarwinSignature: boolean;
  [fuseIndex: number]: boolean;
}

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export function readFuseSettings(file?: URL | string): FuseSettings;
export function fuseConfig(settings: FuseSettings, platform: string, arch: number): FlipConfig;
export function electronBinaryPath(context: PackContext): string;
export function afterPack(context: PackContext): Promise<void>;
export default afterPack;
