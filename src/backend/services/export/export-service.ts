/**
 * The exporter behind the `export.*` channels. The renderer only ever names a session, a format and
 * the names to redact; where the file goes is decided here: by the shell's save dialog (desktop),
 * or not at all (the web shell returns the bytes and the browser downloads them). A path typed or
 * forged by the page can therefore never be written to.
 */
import { randomBytes } from 'node:crypto';
import { AnalysisSchema } from '../../../core/analysis/schema';
import { findProperNouns, type NameCandidate } from '../../../core/report/proper-nouns';
import type { RedactionName } from '../../../core/report/redact';
import { CoachError } from '../../../shared/coach-error';
import type { SessionStore } from '../sessions/session-store';
import { importSession, parseSessionJson, type ImportOutcome } from './import-session';
import type { PdfRenderer, SaveDialog } from './ports';
import { exportFileName, FORMAT_INFO, renderExport, type ExportFormat, type RenderedExport } from './render-export';
import { fileExists, writeExportFile } from './write-export';

export interface ExportServiceOptions {
  sessions: SessionStore;
  pdf: PdfRenderer | null;
  /** Null in shells without a native save dialog (the web shell downloads instead). */
  saveDialog: SaveDialog | null;
  generator: string;
  /** How long a "replace the existing file?" question stays answerable. */
  confirmTtlMs?: number;
  now?: () => number;
}

export interface ExportRequest {
  sessionId: string;
  format: ExportFormat;
  /** Empty: no redaction. */
  names: RedactionName[];
}

export type SaveOutcome =
  | { status: 'saved'; path: string; fileName: string; bytes: number }
  | { status: 'cancelled' }
  | { status: 'confirm_overwrite'; token: string; fileName: string; path: string };

export interface Capabilities {
  save: boolean;
  pdf: { available: boolean; reason: string | null; renderer: string | null };
}

interface PendingWrite {
  path: string;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  expires: number;
}

export class ExportService {
  private readonly pending = new Map<string, PendingWrite>();
  private readonly now: () => number;
  private readonly ttl: number;

  constructor(private readonly options: ExportServiceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.ttl = options.confirmTtlMs ?? 10 * 60_000;
  }

  async capabilities(): Promise<Capabilities> {
    const pdf = this.options.pdf;
    const availability = pdf
      ? await pdf.availability()
      : { available: false as const, reason: 'PDF export is not available in this shell.' };
    return {
      save: this.options.saveDialog !== null,
      pdf: {
        available: availability.available,
        reason: availability.available ? null : availability.reason,
        renderer: pdf?.name ?? null,
      },
    };
  }

  /** Capitalised names in the session the user may want to hide (offered, never applied silently). */
  async candidates(sessionId: string): Promise<NameCandidate[]> {
    const doc = await this.options.sessions.get(sessionId);
    const parsed = AnalysisSchema.safeParse(doc.analysis);
    const sentences = parsed.success ? parsed.data.sentences.map((s) => s.text) : [];
    return findProperNouns([doc.title ?? '', doc.story, doc.question, ...sentences].filter((s) => s !== ''));
  }

  async render(request: ExportRequest): Promise<RenderedExport> {
    const document = await this.options.sessions.get(request.sessionId);
    return renderExport({ kind: 'session', document }, request.format, request.names, {
      pdf: this.options.pdf,
      generator: this.options.generator,
    });
  }

  /**
   * Desktop export: render, ask the save dialog for a path, write atomically. If the file exists
   * and the dialog did not already confirm replacing it, nothing is written and the UI gets a token
   * to confirm with (`confirmOverwrite`).
   */
  async save(request: ExportRequest): Promise<SaveOutcome> {
    const dialog = this.options.saveDialog;
    if (!dialog)
      throw new CoachError(
        'unsupported',
        'Saving to a chosen file needs the desktop app; in the browser the export is downloaded.',
      );
    const document = await this.options.sessions.get(request.sessionId);
    const input = { kind: 'session' as const, document };
    const info = FORMAT_INFO[request.format];
    // Ask where first (the dialog opens at once), then render: a PDF takes a few seconds to print.
    const choice = await dialog.choose({
      defaultName: exportFileName(input, request.format, request.names),
      filters: [{ name: info.label, extensions: [info.extension] }],
    });
    if (choice === null) return { status: 'cancelled' };
    const rendered = await renderExport(input, request.format, request.names, {
      pdf: this.options.pdf,
      generator: this.options.generator,
    });
    const fileName = choice.path.split(/[\\/]/).pop() ?? rendered.fileName;
    if (!choice.overwriteConfirmed && (await fileExists(choice.path))) {
      this.prune();
      const token = randomBytes(16).toString('hex');
      this.pending.set(token, { path: choice.path, fileName, bytes: rendered.bytes, expires: this.now() + this.ttl });
      return { status: 'confirm_overwrite', token, fileName, path: choice.path };
    }
    await writeExportFile(choice.path, rendered.bytes, { overwrite: choice.overwriteConfirmed });
    return { status: 'saved', path: choice.path, fileName, bytes: rendered.bytes.byteLength };
  }

  /** The user confirmed replacing the file a `save` stopped at. Tokens are single-use. */
  async confirmOverwrite(token: string): Promise<SaveOutcome> {
    this.prune();
    const pending = this.pending.get(token);
    this.pending.delete(token);
    if (!pending) throw new CoachError('not_found', 'That export is no longer waiting for confirmation; export again.');
    await writeExportFile(pending.path, pending.bytes, { overwrite: true });
    return { status: 'saved', path: pending.path, fileName: pending.fileName, bytes: pending.bytes.byteLength };
  }

  /** Imports a JSON session export (text read by the UI from a file the user picked). */
  async importJson(text: string): Promise<ImportOutcome> {
    return importSession(this.options.sessions, parseSessionJson(text));
  }

  private prune(): void {
    const now = this.now();
    for (const [token, p] of this.pending) if (p.expires <= now) this.pending.delete(token);
  }
}
