import { create } from 'zustand';
import type { SessionSummary } from '../../../shared/session-document';
import { call, messageOf } from '../coach';

interface SessionsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  sessions: SessionSummary[];
  unreadable: { file: string; reason: string }[];
  error: string | null;
  load(): Promise<void>;
}

export const useSessions = create<SessionsState>((set) => ({
  status: 'idle',
  sessions: [],
  unreadable: [],
  error: null,
  load: async () => {
    set({ status: 'loading' });
    try {
      const listing = await call('sessions.list', {});
      set({ status: 'ready', sessions: listing.sessions, unreadable: listing.unreadable, error: null });
    } catch (error) {
      set({ status: 'error', error: messageOf(error) });
    }
  },
}));
