import { auditDocument, EmptyDocumentError } from '../../core/document/audit';
import type { HandlersFor } from '../../shared/contract';
import { CoachError } from '../../shared/coach-error';
import type { DocumentStore } from '../services/documents/document-store';
import { renderAuditExport } from '../services/documents/export-audit';
import { readDocument } from '../services/documents/read-document';
import type { PdfRenderer } from '../services/export/ports';
import type { StoryStore } from '../services/stories/story-store';

export function documentsHandlers(
  documents: DocumentStore,
  stories: StoryStore,
  exports: { pdf: PdfRenderer | null; generator: string },
  now: () => Date = () => new Date(),
): HandlersFor<'documents.'> {
  return {
    'documents.audit': async ({ name, source, minutes }) => {
      // Pasted text is read as Markdown, which plain text also is.
      const doc =
        source.kind === 'file'
          ? await readDocument(source.bytes, name)
          : await readDocument(new TextEncoder().encode(source.text), /\.[a-z]+$/i.test(name) ? name : `${name}.md`);
      try {
        return { audit: auditDocument(doc, { minutes }) };
      } catch (error) {
        if (error instanceof EmptyDocumentError) throw new CoachError('invalid_input', `${name} has no text to audit.`);
        throw error;
      }
    },
    'documents.saveAsStory': async ({ name, documentName, audit, storyId }) => {
      const story = storyId
        ? await stories.get(storyId).then((s) => {
            if (!s) throw new CoachError('not_found', 'That story no longer exists.');
            return s;
          })
        : await stories.create(name, `From the document ${documentName}`);
      await documents.save({ storyId: story.id, name: documentName, savedAt: now().toISOString(), audit });
      return { storyId: story.id };
    },
    'documents.export': async ({ audit, format, names }) => renderAuditExport(audit, format, names, exports),
    'documents.forStory': async ({ storyId }) => ({ document: await documents.forStory(storyId) }),
  };
}
