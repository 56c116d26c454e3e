import { useState } from 'react';
import type { DocumentAudit } from '../../../../core/document/audit-schema';
import { parseNameList, RedactionInputError } from '../../../../core/report/redact';
import { call, CallError, messageOf } from '../../coach';
import { download } from '../export/export-run';

const FORMATS = [
  { id: 'md', label: 'Markdown' },
  { id: 'html', label: 'Web page (HTML)' },
  { id: 'pdf', label: 'PDF' },
  { id: 'json', label: 'JSON (the audit)' },
] as const;
type Format = (typeof FORMATS)[number]['id'];

/**
 * The audit as a file to share: one format, and the names to replace by placeholders (one per
 * line, other spellings after "|", as in take exports). The browser downloads the file.
 */
export function AuditExport({ audit }: { audit: DocumentAudit }) {
  const [format, setFormat] = useState<Format>('md');
  const [names, setNames] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'done' | 'error'; message: string }>({
    kind: 'idle',
    message: '',
  });

  const run = async (): Promise<void> => {
    setState({ kind: 'working', message: format === 'pdf' ? 'Printing the PDF…' : 'Preparing the file…' });
    try {
      const rendered = await call('documents.export', { audit, format, names: parseNameList(names) });
      download(rendered.bytes as Uint8Array<ArrayBuffer>, rendered.fileName, rendered.mimeType);
      const used = rendered.placeholders.filter((p) => p.used).map((p) => p.placeholder);
      setState({
        kind: 'done',
        message: `Downloaded ${rendered.fileName}${used.length ? `; names replaced by ${used.join(', ')}` : ''}.`,
      });
    } catch (error) {
      const message =
        error instanceof CallError || error instanceof RedactionInputError
          ? error instanceof CallError
            ? error.info.message
            : error.message
          : messageOf(error);
      setState({ kind: 'error', message });
    }
  };

  return (
    <section className="panel doc-export" aria-labelledby="doc-export-title" data-testid="audit-export">
      <h2 id="doc-export-title">Export the audit</h2>
      <label>
        Format{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)} data-testid="audit-export-format">
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="doc-export-names">
        Names to replace before sharing (optional, one per line; other spellings after “|”)
        <textarea
          rows={2}
          value={names}
          onChange={(e) => setNames(e.target.value)}
          placeholder="Acme Bank | Acme"
          data-testid="audit-export-names"
        />
      </label>
      <button type="button" onClick={() => void run()} disabled={state.kind === 'working'}>
        Export…
      </button>
      {state.kind !== 'idle' && (
        <p role={state.kind === 'error' ? 'alert' : 'status'} className={state.kind === 'error' ? 'error' : 'muted'}>
          {state.message}
        </p>
      )}
    </section>
  );
}
