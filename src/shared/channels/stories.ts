import { z } from 'zod';

export const STORIES_SCHEMA_VERSION = 1;

export const storyName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z.string().min(2, 'A story name needs at least 2 characters.').max(80, 'Keep the story name under 80 characters.'),
  );

const storyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'A story id is 3-64 lowercase letters, digits or dashes.');

/** One incident the user rehearses many times; takes are grouped by it. */
const story = z.object({
  id: storyId,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A one-line reminder of the incident (optional). */
  note: z.string().max(500).optional(),
});
export type Story = z.infer<typeof story>;

/** `<dataDir>/stories.json`. */
export const storiesFile = z.object({
  schemaVersion: z.literal(STORIES_SCHEMA_VERSION),
  stories: z.array(story),
});

const storyListing = z.object({
  stories: z.array(story.extend({ sessions: z.number().int().nonnegative() })),
  /** The stories file could not be read (kept aside, not deleted); null when all is well. */
  problem: z.string().nullable(),
});
export type StoryListing = z.infer<typeof storyListing>;

export const storiesChannels = {
  'stories.list': { input: z.object({}).strict(), output: storyListing },
  'stories.create': {
    input: z.object({ name: storyName, note: z.string().max(500).optional() }).strict(),
    output: story,
  },
  'stories.rename': { input: z.object({ id: storyId, name: storyName }).strict(), output: story },
};
