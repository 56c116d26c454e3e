/** Story names are 2-80 characters once spaces are collapsed (the back end's own rule). */
const STORY_NAME_MIN = 2;
export const STORY_NAME_MAX = 80;

function normalStoryName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export function storyNameProblem(name: string): string | null {
  const n = normalStoryName(name).length;
  if (n < STORY_NAME_MIN) return `A story name needs at least ${STORY_NAME_MIN} characters.`;
  if (n > STORY_NAME_MAX) return `Keep the story name under ${STORY_NAME_MAX} characters.`;
  return null;
}

/** The name offered first: the document's title, else its file name without the extension. */
export function defaultStoryName(title: string | null, fileName: string): string {
  const base = normalStoryName(title ?? fileName.replace(/\.[a-z0-9]+$/i, ''));
  const clipped = base.length > STORY_NAME_MAX ? `${base.slice(0, STORY_NAME_MAX - 1).trimEnd()}…` : base;
  return clipped.length >= STORY_NAME_MIN ? clipped : 'Postmortem';
}
