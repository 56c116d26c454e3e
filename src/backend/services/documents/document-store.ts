/**
 * Audited documents saved with a story (`<dataDir>/documents/<storyId>.json`), so the outline made
 * from a document can sit beside the timer of every take of that story.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SavedDocumentSchema, type SavedDocument } from '../../../shared/channels/documents';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../shared/json-depth';
import { writeFileAtomic } from '../platform/atomic-write';
import { requireContainedFile } from '../platform/contained-path';

export class DocumentStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'documents');
  }

  private fileOf(storyId: string): string {
    return requireContainedFile(this.dir, `${storyId}.json`, 'document');
  }

  async save(document: SavedDocument): Promise<void> {
    const checked = SavedDocumentSchema.parse(document);
    const file = this.fileOf(checked.storyId);
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(checked)}\n`);
  }

  /** The saved document of a story, or null (none saved, or unreadable: then it is ignored). */
  async forStory(storyId: string): Promise<SavedDocument | null> {
    let text: string;
    try {
      text = await readFile(this.fileOf(storyId), 'utf8');
    } catch {
      return null;
    }
    try {
      const data: unknown = JSON.parse(text);
      if (jsonDepth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return null;
      const parsed = SavedDocumentSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
