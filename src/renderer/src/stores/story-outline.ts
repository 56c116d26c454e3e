import { create } from 'zustand';
import type { DocumentOutline } from '../../../core/document/audit-schema';
import { call } from '../coach';

interface StoryOutlineState {
  /** The story the outline below belongs to. */
  storyId: string | null;
  /** The outline of the document saved with that story, or null when it has none. */
  outline: DocumentOutline | null;
  load(storyId: string | null): Promise<void>;
}

/**
 * The outline shown beside the timer. Loaded when a take starts (the story is fixed by then);
 * a failure only hides the panel, since recording matters more than the crib sheet.
 */
export const useStoryOutline = create<StoryOutlineState>((set, get) => ({
  storyId: null,
  outline: null,
  load: async (storyId) => {
    // Clear first: a previous story's outline must never show beside another story's take.
    set({ storyId, outline: null });
    if (!storyId) return;
    try {
      const { document } = await call('documents.forStory', { storyId });
      if (get().storyId === storyId) set({ outline: document?.audit.outline ?? null });
    } catch {
      /* no panel: the take goes on without it */
    }
  },
}));
