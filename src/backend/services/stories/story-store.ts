import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { CoachError } from '../../../shared/coach-error';
import { STORIES_SCHEMA_VERSION, storiesFile, type Story } from '../../../shared/channels/stories';
import { writeFileAtomic } from '../platform/atomic-write';

const STORIES_FILE = 'stories.json';

export interface StoriesRead {
  stories: Story[];
  /** Why the file could not be used, or null. */
  problem: string | null;
}

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base.length >= 2 ? base : 'story'}-${randomBytes(3).toString('hex')}`;
}

/**
 * The user's stories (the incidents they rehearse) in one small JSON file, written atomically.
 * A corrupt or newer-version file is reported and set aside (renamed, never deleted) the next time
 * a story is saved, so the user loses nothing and the app keeps working.
 */
export class StoryStore {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, STORIES_FILE);
  }

  async read(): Promise<StoriesRead> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { stories: [], problem: null };
      return { stories: [], problem: `${this.file} could not be read: ${(error as Error).message}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return {
        stories: [],
        problem: `${this.file} is not valid JSON (it may have been cut short); it will be kept aside as a backup when you add a story.`,
      };
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== STORIES_SCHEMA_VERSION) {
      return {
        stories: [],
        problem: `${this.file} has schema version ${String(version)}; this app reads version ${STORIES_SCHEMA_VERSION}. It will be kept aside when you add a story.`,
      };
    }
    const parsed = storiesFile.safeParse(json);
    if (!parsed.success) {
      return {
        stories: [],
        problem: `${this.file} is not a valid stories file: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
      };
    }
    return { stories: parsed.data.stories, problem: null };
  }

  async create(name: string, note?: string): Promise<Story> {
    return this.exclusive(async () => {
      const current = await this.readForWrite();
      const existing = current.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (existing)
        throw new CoachError('conflict', `A story named "${existing.name}" already exists; choose it from the list.`);
      const at = this.now().toISOString();
      const created: Story = { id: slug(name), name, createdAt: at, updatedAt: at, ...(note ? { note } : {}) };
      await this.write([...current, created]);
      return created;
    });
  }

  async rename(id: string, name: string): Promise<Story> {
    return this.exclusive(async () => {
      const current = await this.readForWrite();
      const target = current.find((s) => s.id === id);
      if (!target) throw new CoachError('not_found', `There is no story with id "${id}".`);
      const clash = current.find((s) => s.id !== id && s.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new CoachError('conflict', `Another story is already named "${clash.name}".`);
      const renamed: Story = { ...target, name, updatedAt: this.now().toISOString() };
      await this.write(current.map((s) => (s.id === id ? renamed : s)));
      return renamed;
    });
  }

  async get(id: string): Promise<Story | null> {
    return (await this.read()).stories.find((s) => s.id === id) ?? null;
  }

  /** Reads for an update; a bad file is moved aside first so writing never destroys it. */
  private async readForWrite(): Promise<Story[]> {
    const read = await this.read();
    if (read.problem !== null) {
      const backup = `${this.file}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(this.file, backup);
      } catch (error) {
        throw new CoachError(
          'internal',
          `${read.problem} (and it could not be set aside: ${(error as Error).message})`,
        );
      }
    }
    return read.stories;
  }

  private async write(stories: Story[]): Promise<void> {
    const body = storiesFile.parse({ schemaVersion: STORIES_SCHEMA_VERSION, stories });
    await writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`);
  }

  /** Serialises read-modify-write cycles inside this process. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}
