import type { CoachBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the Electron preload or the web shell's client; the renderer doesn't care which. */
    coach: CoachBridge;
  }
}

export {};
