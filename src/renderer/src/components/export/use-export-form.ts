import { useEffect, useRef, useState } from 'react';
import { call, messageOf } from '../../coach';
import { initialForm, type ExportForm, type NameRow } from './export-form';
import type { Capabilities, ShowOutcome } from './export-run';

/** The edits the export form offers; each is a no-op until the form has loaded. */
export interface ExportFormEdits {
  update(change: Partial<ExportForm>): void;
  updateRow(key: number, change: Partial<NameRow>): void;
  addRow(): void;
  removeRow(key: number): void;
}

/**
 * Loads what this shell can export and the names found in the session, and holds the form built
 * from them. HTML is preselected where no PDF can be made. A failed load is shown as the outcome.
 */
export function useExportForm(
  sessionId: string,
  show: ShowOutcome,
): { caps: Capabilities | null; form: ExportForm | null; edits: ExportFormEdits } {
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [form, setForm] = useState<ExportForm | null>(null);
  const nextKey = useRef(1000);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [capabilities, found] = await Promise.all([
          call('export.capabilities', {}),
          call('export.candidates', { sessionId }),
        ]);
        if (!live) return;
        setCaps(capabilities);
        const initial = initialForm(found.candidates);
        setForm(capabilities.pdf.available ? initial : { ...initial, format: 'html' });
      } catch (error) {
        if (live) show({ kind: 'error', message: messageOf(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [sessionId, show]);

  const edits: ExportFormEdits = {
    update: (change) => setForm((f) => (f ? { ...f, ...change } : f)),
    updateRow: (key, change) =>
      setForm((f) => (f ? { ...f, rows: f.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) } : f)),
    addRow: () =>
      setForm((f) =>
        f
          ? {
              ...f,
              rows: [...f.rows, { key: nextKey.current++, text: '', category: 'company', found: null, enabled: true }],
            }
          : f,
      ),
    removeRow: (key) => setForm((f) => (f ? { ...f, rows: f.rows.filter((r) => r.key !== key) } : f)),
  };
  return { caps, form, edits };
}
