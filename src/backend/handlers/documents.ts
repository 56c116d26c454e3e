import type { DocumentAudit, OutlineMinutes } from '../../core/document/audit-schema';
import type { HandlersFor } from '../../shared/contract';
import { CoachError } from '../../shared/coach-error';
import type { DocumentFile } from '../services/documents/audit-file';
import type { DocumentStore } from '../services/documents/document-store';
import { renderAuditExport } from '../services/documents/export-audit';
import type { PdfRenderer } from '../services/export/ports';
import type { StoryStore } from '../services/stories/story-store';

/** Reads and audits a document (createBackend: off the event loop when it is long). */
export type AuditDocumentFile = (file: DocumentFile, minutes: OutlineMinutes) => Promise<DocumentAudit>;

export function documentsHandlers(
  documents: DocumentStore,
  stories: StoryStore,
  exports: { pdf: PdfRenderer | null; generator: string },
  auditFile: AuditDocumentFile,
  now: () => Date = () => new Date(),
): HandlersFor<'documents.'> {
  return {
    'documents.audit': async ({ name, source, minutes }) => {
      // Pasted text is read as Markdown, which plain text also is.
      const file: DocumentFile =
        source.kind === 'file'
          ? { bytes: source.bytes, fileName: name, label: name }
          : {
              bytes: new TextEncoder().encode(source.text),
              fileName: /\.[a-z]+$/i.test(name) ? name : `${name}.md`,
              label: name,
            };
      return { audit: await auditFile(file, minutes) };
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
