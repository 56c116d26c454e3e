import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import type { PdfRenderer } from '../../../src/backend/services/export/ports';
import { DocumentAuditSchema } from '../../../src/core/document/audit-schema';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext, Result } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';
import { renderDocx } from '../../fixtures/documents/render';
import { parseMarkdownDocument } from '../../../src/backend/services/documents/markdown-document';

const markdown = readFileSync(path.join('tests', 'fixtures', 'documents', 'checkout-postmortem.md'), 'utf8');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const printed: string[] = [];
/** Records what would be printed: the PDF export prints the HTML export. */
const fakePdf: PdfRenderer = {
  name: 'test printer',
  availability: async () => ({ available: true }),
  render: async (html) => {
    printed.push(html);
    return new TextEncoder().encode('%PDF-1.7 test');
  },
};

async function setup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-docs-'));
  const backend = createBackend({
    dataDir,
    shell: 'web',
    electronVersion: null,
    chromeVersion: null,
    pdfRenderer: fakePdf,
  });
  cleanups.push(async () => {
    await backend.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(contract, backend.handlers);
  const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };
  const call = (channel: string, input: unknown) =>
    dispatch(channel, input, ctx) as Promise<Result<Record<string, unknown>>>;
  return { backend, call, dataDir };
}

describe('document channels', () => {
  it('audits a file or pasted text, saves it as a story, and gives its outline back for that story', async () => {
    const { backend, call } = await setup();
    const fromFile = await call('documents.audit', {
      name: 'checkout.docx',
      source: { kind: 'file', bytes: new Uint8Array(await renderDocx(parseMarkdownDocument(markdown))) },
      minutes: 3,
    });
    if (!fromFile.ok) throw new Error(fromFile.error.message);
    const audit = DocumentAuditSchema.parse(fromFile.value.audit);
    expect(audit.format).toBe('docx');
    const pasted = await call('documents.audit', { name: 'Pasted', source: { kind: 'text', text: markdown } });
    if (!pasted.ok) throw new Error(pasted.error.message);
    expect(DocumentAuditSchema.parse(pasted.value.audit).outline?.minutes).toBe(3);

    const saved = await call('documents.saveAsStory', {
      name: 'Checkout pool limit',
      documentName: 'checkout.docx',
      audit,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const storyId = String(saved.value.storyId);
    const listing = await backend.services.stories.read();
    expect(listing.stories.find((s) => s.id === storyId)?.name).toBe('Checkout pool limit');
    const back = await call('documents.forStory', { storyId });
    if (!back.ok) throw new Error(back.error.message);
    expect((back.value.document as { audit: unknown }).audit).toEqual(audit);
    const none = await call('documents.forStory', { storyId: 'no-such-story' });
    expect(none).toEqual({ ok: true, value: { document: null } });
  });

  it('refuses what is not a document, and too much text, with a clear error', async () => {
    const { call } = await setup();
    const pdf = await call('documents.audit', {
      name: 'scan.pdf',
      source: { kind: 'file', bytes: new TextEncoder().encode('%PDF-1.5 …') },
    });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const big = await call('documents.audit', {
      name: 'big.md',
      source: { kind: 'file', bytes: new Uint8Array(5 * 1024 * 1024 + 1) },
    });
    // A documented limit, answered like every other one (web shell: HTTP 413).
    expect(big).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('5 MB') } });
    const empty = await call('documents.audit', { name: 'blank', source: { kind: 'text', text: '   ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('document audit exports', () => {
  it('exports Markdown, HTML, PDF and JSON, with listed names replaced everywhere', async () => {
    const { call } = await setup();
    const audited = await call('documents.audit', { name: 'pm.md', source: { kind: 'text', text: markdown } });
    if (!audited.ok) throw new Error(audited.error.message);
    const audit = DocumentAuditSchema.parse(audited.value.audit);
    const names = [{ name: 'platform team', category: 'team' }];
    for (const format of ['md', 'html', 'json'] as const) {
      const r = await call('documents.export', { audit, format, names });
      if (!r.ok) throw new Error(r.error.message);
      const text = new TextDecoder().decode(r.value.bytes as Uint8Array);
      expect(r.value.fileName).toBe(`postmortem-checkout-outage-on-12-may-audit.${format}`);
      expect(text.toLowerCase()).not.toContain('platform team');
      expect(text).toContain('Team A');
      if (format === 'json') expect(DocumentAuditSchema.parse(JSON.parse(text)).title).toBe(audit.title);
      if (format === 'html') {
        expect(text).toMatch(/^<!DOCTYPE html>/);
        expect(text).toContain('Outline for a 3-minute answer');
      }
    }
    const pdf = await call('documents.export', { audit, format: 'pdf', names });
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(new TextDecoder().decode(pdf.value.bytes as Uint8Array)).toBe('%PDF-1.7 test');
    expect(printed.at(-1)).toMatch(/^<!DOCTYPE html>/);
    expect(printed.at(-1)?.toLowerCase()).not.toContain('platform team');
    const plain = await call('documents.export', { audit, format: 'md', names: [] });
    if (!plain.ok) throw new Error(plain.error.message);
    expect(new TextDecoder().decode(plain.value.bytes as Uint8Array)).toContain('platform team');
  });

  it('escapes the document’s own text in the HTML export', async () => {
    const { call } = await setup();
    const hostile = `${markdown}\n\nThe attacker wrote <script>alert(1)</script> into the ticket.\n`;
    const audited = await call('documents.audit', { name: 'pm.md', source: { kind: 'text', text: hostile } });
    if (!audited.ok) throw new Error(audited.error.message);
    expect(JSON.stringify(audited.value.audit)).toContain('<script>alert(1)</script>');
    const r = await call('documents.export', { audit: audited.value.audit, format: 'html', names: [] });
    if (!r.ok) throw new Error(r.error.message);
    const html = new TextDecoder().decode(r.value.bytes as Uint8Array);
    expect(html).not.toContain('<script>');
  });
});
