/**
 * One export, from a session document (or a bare analysis file) to the bytes of the chosen format.
 * Redaction is applied to the document first, so every format is rendered from the same redacted
 * data; the output is then checked for leftovers of the listed names before it is handed back.
 */
import { AnalysisSchema } from '../../../core/analysis/schema';
import type { Analysis } from '../../../core/analysis/types';
import { slug } from '../../../core/report/format';
import { renderHtml, renderText, type ReportMeta, type ReportSource } from '../../../core/report/index';
import type { RedactionName, Redactor } from '../../../core/report/redact';
import { documentText, redactDocument } from '../../../core/report/redact-document';
import { applyWorksheetTicks, worksheetTicksOf } from '../../../core/report/worksheet-ticks';
import { CoachError } from '../../../shared/coach-error';
import type { SessionDocument } from '../../../shared/session-document';
import type { PdfRenderer } from './ports';
import { placeholdersIn, planNames, refuseLeaks, type Placeholder } from './redaction-plan';

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'json', 'vtt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Readonly<Record<ExportFormat, { extension: string; mimeType: string; label: string }>> = {
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', label: 'HTML page' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', label: 'PDF' },
  json: { extension: 'json', mimeType: 'application/json', label: 'JSON (session document)' },
  vtt: { extension: 'vtt', mimeType: 'text/vtt; charset=utf-8', label: 'WebVTT captions' },
};

export type ExportInput =
  | { kind: 'session'; document: SessionDocument }
  /** A bare analysis (e.g. `coach analyze --json` output); `name` is the file it came from. */
  | { kind: 'analysis'; analysis: Analysis; raw: unknown; name: string | null };

export interface RenderedExport {
  format: ExportFormat;
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  mimeType: string;
  /** Placeholders used (empty when not redacted). */
  placeholders: Placeholder[];
  redacted: boolean;
}

export interface RenderDeps {
  /** Null when this shell cannot print PDFs. */
  pdf: PdfRenderer | null;
  generator: string;
}

/** The analysis of a stored session, validated (the document keeps it as unknown JSON). */
function analysisOf(document: SessionDocument): Analysis {
  if (document.analysis === undefined) {
    throw new CoachError(
      'not_found',
      `Session "${document.id}" has no analysis yet (status: ${document.status}). Analyse it first: "Transcribe and analyse" in Sessions, or "coach analyze ${document.id}", then export again.`,
    );
  }
  const parsed = AnalysisSchema.safeParse(document.analysis);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoachError(
      'invalid_input',
      `The analysis stored in session "${document.id}" cannot be read by this version (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}). Re-analyse the session and export again.`,
    );
  }
  return parsed.data;
}

function modelOf(transcript: unknown): string | null {
  if (typeof transcript !== 'object' || transcript === null) return null;
  const model = (transcript as { model?: unknown }).model;
  return typeof model === 'string' && model.trim() !== '' ? model : null;
}

function sourceOf(input: ExportInput, used: readonly Placeholder[] | null): ReportSource {
  const redacted = used ? { placeholders: used.filter((p) => p.used).map((p) => p.placeholder) } : null;
  if (input.kind === 'analysis') {
    const meta: ReportMeta = {
      id: null,
      question: null,
      story: input.name,
      title: null,
      createdAt: null,
      kind: 'analysis',
      model: null,
      audioSeconds: null,
    };
    return { meta, analysis: input.analysis, redacted };
  }
  const doc = input.document;
  const meta: ReportMeta = {
    id: doc.id,
    question: doc.question,
    story: doc.story,
    title: doc.title ?? null,
    createdAt: doc.createdAt,
    kind: doc.kind,
    model: modelOf(doc.transcript),
    audioSeconds: doc.audio?.durationSec ?? null,
  };
  const analysis = applyWorksheetTicks(analysisOf(doc), worksheetTicksOf(doc.corrections));
  return { meta, analysis, redacted };
}

/** "acme-fraud-model-2026-03-14.md": from the (redacted) title or story and the session date. */
function suggestedFileName(input: ExportInput, format: ExportFormat): string {
  const ext = FORMAT_INFO[format].extension;
  if (input.kind === 'analysis') return `${slug(input.name ?? 'analysis', 'analysis')}-coached.${ext}`;
  const doc = input.document;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(doc.createdAt)?.[0];
  return `${slug(doc.title ?? doc.story, 'session')}${date ? `-${date}` : ''}.${ext}`;
}

/** The suggested name without rendering (the desktop save dialog opens before the PDF is printed). */
export function exportFileName(input: ExportInput, format: ExportFormat, names: readonly RedactionName[]): string {
  const redactor = plan(input, names);
  if (!redactor) return suggestedFileName(input, format);
  if (input.kind === 'analysis')
    return suggestedFileName({ ...input, name: input.name === null ? null : redactor.redactText(input.name) }, format);
  const doc = input.document;
  const redacted = {
    ...doc,
    story: redactor.redactText(doc.story),
    ...(doc.title === undefined ? {} : { title: redactor.redactText(doc.title) }),
  };
  return suggestedFileName({ kind: 'session', document: redacted }, format);
}

function plan(input: ExportInput, names: readonly RedactionName[]): Redactor | null {
  return planNames(names, documentText(input.kind === 'session' ? input.document : { analysis: input.raw }));
}

function redactInput(input: ExportInput, redactor: Redactor): ExportInput {
  if (input.kind === 'session') return { kind: 'session', document: redactDocument(input.document, redactor) };
  const raw = redactDocument({ analysis: input.raw }, redactor).analysis;
  const parsed = AnalysisSchema.safeParse(raw);
  if (!parsed.success)
    throw new CoachError('internal', 'Redaction produced an analysis that no longer validates; nothing was exported.');
  return {
    kind: 'analysis',
    analysis: parsed.data,
    raw,
    name: input.name === null ? null : redactor.redactText(input.name),
  };
}

/** Which placeholders replaced something in this session (the footer lists only those). */
function placeholdersUsed(original: ExportInput, redactor: Redactor): Placeholder[] {
  return placeholdersIn(
    redactor,
    documentText(original.kind === 'session' ? original.document : { analysis: original.raw }),
  );
}

export async function renderExport(
  original: ExportInput,
  format: ExportFormat,
  names: readonly RedactionName[],
  deps: RenderDeps,
): Promise<RenderedExport> {
  const redactor = plan(original, names);
  const input = redactor ? redactInput(original, redactor) : original;
  const placeholders = redactor ? placeholdersUsed(original, redactor) : null;
  const encoder = new TextEncoder();
  let bytes: Uint8Array<ArrayBuffer>;
  if (format === 'json') {
    const value = input.kind === 'session' ? input.document : input.raw;
    const text = `${JSON.stringify(value, null, 2)}\n`;
    refuseLeaks(redactor, text);
    bytes = encoder.encode(text);
  } else {
    const source = sourceOf(input, placeholders);
    const options = { generator: deps.generator };
    if (format === 'pdf') {
      if (!deps.pdf) throw new CoachError('unsupported', 'PDF export is not available in this shell.');
      const html = renderHtml(source, options);
      refuseLeaks(redactor, html);
      bytes = await deps.pdf.render(html);
    } else {
      const text = renderText(format, source, options);
      refuseLeaks(redactor, text);
      bytes = encoder.encode(text);
    }
  }
  return {
    format,
    bytes,
    fileName: suggestedFileName(input, format),
    mimeType: FORMAT_INFO[format].mimeType,
    placeholders: placeholders ?? [],
    redacted: redactor !== null,
  };
}
