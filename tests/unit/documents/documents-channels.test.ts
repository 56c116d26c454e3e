import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
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

async function setup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-docs-'));
  const backend = createBackend({ dataDir, shell: 'web', electronVersion: null, chromeVersion: null });
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
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const empty = await call('documents.audit', { name: 'blank', source: { kind: 'text', text: '   ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
