import type { HandlersFor } from '../../shared/contract';
import type { StoryListing } from '../../shared/channels/stories';
import type { SessionStore } from '../services/sessions/session-store';
import type { StoryStore } from '../services/stories/story-store';

export function storiesHandlers(stories: StoryStore, sessions: SessionStore): HandlersFor<'stories.'> {
  return {
    'stories.list': async (): Promise<StoryListing> => {
      const [read, listing] = await Promise.all([stories.read(), sessions.list()]);
      // Takes carry the story's name (renames are carried over to them below).
      const count = (name: string) =>
        listing.sessions.filter((s) => s.story.toLowerCase() === name.toLowerCase()).length;
      return {
        stories: read.stories
          .map((s) => ({ ...s, sessions: count(s.name) }))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
        problem: read.problem,
      };
    },
    'stories.create': async (input) => stories.create(input.name, input.note),
    'stories.rename': async (input) => {
      const before = await stories.get(input.id);
      const renamed = await stories.rename(input.id, input.name);
      // Takes are grouped by the story's name: carry the rename over to the takes of that story.
      const listing = await sessions.list();
      for (const summary of listing.sessions) {
        if (before === null || summary.story !== before.name) continue;
        const doc = await sessions.get(summary.id);
        if (doc.storyId !== undefined && doc.storyId !== input.id) continue;
        await sessions.save({ ...doc, story: renamed.name, storyId: input.id });
      }
      return renamed;
    },
  };
}
