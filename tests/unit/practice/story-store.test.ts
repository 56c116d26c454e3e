import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyName } from '../../../src/shared/channels/stories';
import { StoryStore } from '../../../src/backend/services/stories/story-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coach-stories-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('StoryStore', () => {
  it('starts empty, creates stories in a versioned file written atomically, and reads them back', async () => {
    const store = new StoryStore(dir);
    expect(await store.read()).toEqual({ stories: [], problem: null });
    const a = await store.create('Bureau sentinel', 'credit-line model, thin-file customers');
    const b = await store.create('Search stemmer change');
    expect(a.id).toMatch(/^bureau-sentinel-[a-f0-9]{6}$/);
    const file = JSON.parse(await readFile(path.join(dir, 'stories.json'), 'utf8')) as {
      schemaVersion: number;
      stories: unknown[];
    };
    expect(file.schemaVersion).toBe(1);
    expect(file.stories).toHaveLength(2);
    // No temporary files are left behind by the atomic write.
    expect((await readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
    const again = await new StoryStore(dir).read();
    expect(again.stories.map((s) => s.name)).toEqual(['Bureau sentinel', 'Search stemmer change']);
    expect(again.stories[0]?.note).toBe('credit-line model, thin-file customers');
    expect(b.createdAt).toBe(b.updatedAt);
  });

  it('refuses a duplicate name (case-insensitive) and renames', async () => {
    const store = new StoryStore(dir);
    const a = await store.create('Bureau sentinel');
    await expect(store.create('bureau SENTINEL')).rejects.toMatchObject({ code: 'conflict' });
    const b = await store.create('Other');
    await expect(store.rename(b.id, 'Bureau Sentinel')).rejects.toMatchObject({ code: 'conflict' });
    const renamed = await store.rename(a.id, 'Credit bureau sentinel');
    expect(renamed).toMatchObject({ id: a.id, name: 'Credit bureau sentinel' });
    await expect(store.rename('no-such-story', 'x y')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('serialises concurrent creates (no lost update)', async () => {
    const store = new StoryStore(dir);
    await Promise.all(['One', 'Two', 'Three', 'Four', 'Five'].map((n) => store.create(`Story ${n}`)));
    expect((await store.read()).stories).toHaveLength(5);
  });

  it('reports a corrupt file without failing, and sets it aside (not deleted) on the next save', async () => {
    await writeFile(path.join(dir, 'stories.json'), '{"schemaVersion":1,"stories":[{"id":"abc-1","na');
    const store = new StoryStore(dir);
    const read = await store.read();
    expect(read.stories).toEqual([]);
    expect(read.problem).toMatch(/not valid JSON/);
    await store.create('Fresh start');
    const names = await readdir(dir);
    const backup = names.find((n) => n.startsWith('stories.json.unreadable-'));
    expect(backup).toBeDefined();
    expect(await readFile(path.join(dir, backup ?? ''), 'utf8')).toContain('"na');
    expect((await store.read()).stories.map((s) => s.name)).toEqual(['Fresh start']);
  });

  it('reports a file from a newer app version instead of guessing', async () => {
    await writeFile(path.join(dir, 'stories.json'), JSON.stringify({ schemaVersion: 7, stories: [] }));
    expect((await new StoryStore(dir).read()).problem).toMatch(/schema version 7; this app reads version 1/);
  });

  it('validates names at the contract', () => {
    expect(storyName.parse('  Bureau   sentinel ')).toBe('Bureau sentinel');
    expect(storyName.safeParse(' x ').success).toBe(false);
    expect(storyName.safeParse('y'.repeat(81)).success).toBe(false);
  });
});
