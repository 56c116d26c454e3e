import { create } from 'zustand';
import type { DocumentAudit, OutlineMinutes } from '../../../core/document/audit-schema';
import { withOutlineLength } from '../../../core/document/outline';
import type { Contract } from '../../../shared/contract';
import type { InputOf } from '../../../shared/contract-types';
import { call, errorInfoOf } from '../coach';
import { problemOfError, problemOfFile, type DocumentProblem } from './document-problem';
import { usePracticeSetup } from './practice-setup';
import { useStories } from './stories';

/** The document as the back end receives it: a file's bytes or pasted text, with its name. */
export type DocumentInput = Pick<InputOf<Contract, 'documents.audit'>, 'name' | 'source'>;

/** The story an audit was saved as, and which audit (a new outline length must be saved again). */
interface SavedAs {
  storyId: string;
  audit: DocumentAudit;
}

interface DocumentsState {
  status: 'idle' | 'auditing' | 'ready' | 'error';
  /** The last document's name: shown with its audit and saved with the story. */
  name: string | null;
  minutes: OutlineMinutes;
  audit: DocumentAudit | null;
  /** Counts documents opened, so per-document form state (the story name) starts afresh. */
  documentNo: number;
  problem: DocumentProblem | null;
  saved: SavedAs | null;
  saving: boolean;
  saveError: string | null;
  auditFile(file: File): Promise<void>;
  auditText(text: string): Promise<void>;
  setMinutes(minutes: OutlineMinutes): Promise<void>;
  /** Saves the audit as a story (again, onto the same story, if it changed); returns its id or null. */
  saveAsStory(name: string): Promise<string | null>;
  /** Saves if needed, then sets Practice up for this story and outline length. */
  practise(name: string): Promise<boolean>;
}

/** Name a pasted document is audited and saved under. */
const PASTED_NAME = 'Pasted text';

// Only the newest request may land: a slow audit of an older document must not replace a newer one.
let generation = 0;

export const useDocuments = create<DocumentsState>((set, get) => {
  const run = async (input: DocumentInput): Promise<void> => {
    const mine = ++generation;
    set({
      status: 'auditing',
      name: input.name,
      problem: null,
      audit: null,
      saved: null,
      documentNo: get().documentNo + 1,
    });
    try {
      const { audit } = await call('documents.audit', { ...input, minutes: get().minutes });
      if (mine !== generation) return;
      // The length may have changed while the audit was on its way.
      set({ status: 'ready', audit: withOutlineLength(audit, get().minutes), saveError: null });
    } catch (error) {
      if (mine !== generation) return;
      set({ status: 'error', problem: problemOfError(errorInfoOf(error)), audit: null });
    }
  };

  const saveAsStory = async (name: string): Promise<string | null> => {
    const { audit, name: documentName, saved } = get();
    if (!audit || documentName === null) return null;
    if (saved && saved.audit === audit) return saved.storyId;
    set({ saving: true, saveError: null });
    try {
      const { storyId } = await call('documents.saveAsStory', {
        name,
        documentName,
        audit,
        ...(saved ? { storyId: saved.storyId } : {}),
      });
      set({ saving: false, saved: { storyId, audit } });
      // The Practice story list must show the new story.
      await useStories.getState().load();
      return storyId;
    } catch (error) {
      set({ saving: false, saveError: errorInfoOf(error).message });
      return null;
    }
  };

  return {
    status: 'idle',
    name: null,
    minutes: 3,
    audit: null,
    documentNo: 0,
    problem: null,
    saved: null,
    saving: false,
    saveError: null,
    auditFile: async (file) => {
      const refused = problemOfFile(file);
      if (refused) {
        generation++;
        set({ status: 'error', problem: refused, audit: null, name: null, saved: null });
        return;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      await run({ name: file.name, source: { kind: 'file', bytes } });
    },
    auditText: (text) => run({ name: PASTED_NAME, source: { kind: 'text', text } }),
    // The outline is all that depends on the length: made here from the audit, not audited again.
    setMinutes: async (minutes) => {
      const { audit } = get();
      set({ minutes, ...(audit ? { audit: withOutlineLength(audit, minutes) } : {}) });
    },
    saveAsStory,
    practise: async (name) => {
      const storyId = await saveAsStory(name);
      if (!storyId) return false;
      // The outline shows beside the timer of a spoken take, so the practice is set to speaking.
      usePracticeSetup.getState().update({ storyId, lengthSec: get().minutes * 60, mode: 'speak' });
      return true;
    },
  };
});
