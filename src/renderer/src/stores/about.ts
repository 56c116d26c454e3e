import { create } from 'zustand';
import type { AboutInfo } from '../../../shared/channels/app';
import { call, messageOf } from '../coach';

interface AboutState {
  info: AboutInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useAbout = create<AboutState>((set) => ({
  info: null,
  error: null,
  load: async () => {
    try {
      set({ info: await call('app.about', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
