import { create } from 'zustand';
import type { StoryListing } from '../../../shared/channels/stories';
import { call, messageOf } from '../coach';

type ListedStory = StoryListing['stories'][number];

interface StoriesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  stories: ListedStory[];
  /** The stories file could not be read (it is kept aside, not deleted). */
  problem: string | null;
  error: string | null;
  load(): Promise<void>;
  /** Creates a story; returns it, or null with `error` set. */
  create(name: string): Promise<ListedStory | null>;
}

export const useStories = create<StoriesState>((set, get) => ({
  status: 'idle',
  stories: [],
  problem: null,
  error: null,
  load: async () => {
    // A refresh keeps the list on screen; only the first load shows as loading.
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
    try {
      const listing = await call('stories.list', {});
      set({ status: 'ready', stories: listing.stories, problem: listing.problem, error: null });
    } catch (error) {
      set({ status: 'error', error: messageOf(error) });
    }
  },
  create: async (name) => {
    try {
      const story = await call('stories.create', { name });
      const listed = { ...story, sessions: 0 };
      set({ stories: [listed, ...get().stories], error: null, problem: null });
      return listed;
    } catch (error) {
      set({ error: messageOf(error) });
      return null;
    }
  },
}));
