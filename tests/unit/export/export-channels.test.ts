/**
 * The export channels through the real back end and dispatcher, as either shell calls them: the
 * page names a session, a format and names, never a path; the desktop save flow asks before
 * replacing a file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import type { PdfRenderer, SaveChoice, SaveDialog, SaveRequest } from '../../../src/backend/services/export/ports';
import { contract, type Events } from '../../../src/shared/contract';
import type { HandlerContext, Result } from '../../../src/shared/contract-types';
import { createDispatcher } from '../../../src/shared/dispatch';
import { corpusSession, LISTED_NAMES, STORY_IDS } from '../report/corpus-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const fakePdf: PdfRenderer = {
  name: 'fake',
  availability: async () => ({ available: true }),
  render: async () => new TextEncoder().encode('%PDF-1.7 fake'),
};

class ScriptedDialog implements SaveDialog {
  requests: SaveRequest[] = [];
  constructor(private readonly answer: () => SaveChoice | null) {}
  async choose(request: SaveRequest): Promise<SaveChoice | null> {
    this.requests.push(request);
    return this.answer();
  }
}

async function setup(options: { saveDialog?: SaveDialog; pdf?: PdfRenderer } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coach-export-'));
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'coach-export-out-'));
  const backend: Backend = createBackend({
    dataDir,
    shell: options.saveDialog ? 'electron' : 'web',
    electronVersion: null,
    chromeVersion: null,
    ...(options.saveDialog ? { saveDialog: options.saveDialog } : {}),
    pdfRenderer: options.pdf ?? fakePdf,
  });
  cleanups.push(async () => {
    await backend.dispose();
    await rm(dataDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });
  const dispatch = createDispatcher(contract, backend.handlers);
  const ctx: HandlerContext<Events> = { shell: 'web', emit: () => {} };
  const call = (channel: string, input: unknown) =>
    dispatch(channel, input, ctx) as Promise<Result<Record<string, unknown>>>;
  const named = corpusSession(STORY_IDS[1], { named: true }).document;
  await backend.services.sessions.save(named);
  return { backend, call, outDir, id: named.id };
}

describe('export channels', () => {
  it('render returns the bytes and a suggested name (web shell download)', async () => {
    const { call, id } = await setup();
    const r = await call('export.render', { sessionId: id, format: 'md', names: [] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(r.value.bytes as Uint8Array)).toMatch(/^# Coached transcript — FreshCart Grocers/);
    expect(r.value.fileName).toBe('freshcart-grocers-promo-backfill-2026-03-14.md');
  });

  it('render redacts names chosen in the dialog, and reports the placeholders', async () => {
    const { call, id } = await setup();
    const names = [
      { name: 'FreshCart Grocers', aliases: ['FreshCart'], category: 'company' },
      { name: 'Priya Raman', category: 'person' },
      { name: 'StoreLink' },
      { name: 'Initech', category: 'company' },
    ];
    const r = await call('export.render', { sessionId: id, format: 'html', names });
    if (!r.ok) throw new Error(r.error.message);
    const html = new TextDecoder().decode(r.value.bytes as Uint8Array);
    for (const name of ['FreshCart', 'Priya Raman', 'StoreLink']) expect(html).not.toContain(name);
    expect(r.value.placeholders).toEqual([
      { placeholder: 'Company A', names: ['FreshCart Grocers', 'FreshCart'], used: true },
      { placeholder: 'Person A', names: ['Priya Raman'], used: true },
      { placeholder: 'Service A', names: ['StoreLink'], used: true },
      { placeholder: 'Company B', names: ['Initech'], used: false },
    ]);
    expect(r.value.fileName).toBe('company-a-promo-backfill-2026-03-14.html');
  });

  it('refuses anything that looks like a path or an unknown field', async () => {
    const { call, id } = await setup();
    for (const input of [
      { sessionId: id, format: 'md', names: [], path: '/etc/passwd' },
      { sessionId: '../../etc', format: 'md', names: [] },
      { sessionId: id, format: 'docx', names: [] },
      { sessionId: id, format: 'md', names: [{ name: 'x' }] },
    ]) {
      const r = await call('export.render', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    const confirm = await call('export.confirmOverwrite', { token: '../../x' });
    expect(confirm.ok).toBe(false);
  });

  it('save is unsupported without a save dialog (web shell)', async () => {
    const { call, id } = await setup();
    const r = await call('export.save', { sessionId: id, format: 'md', names: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const caps = await call('export.capabilities', {});
    expect(caps).toMatchObject({ ok: true, value: { save: false, pdf: { available: true, renderer: 'fake' } } });
  });

  it('save writes where the dialog says, atomically; cancel writes nothing', async () => {
    let answer: SaveChoice | null = null;
    const dialog = new ScriptedDialog(() => answer);
    const { call, id, outDir } = await setup({ saveDialog: dialog });
    expect(await call('export.save', { sessionId: id, format: 'vtt', names: [] })).toEqual({
      ok: true,
      value: { status: 'cancelled' },
    });
    expect(dialog.requests[0]).toEqual({
      defaultName: 'freshcart-grocers-promo-backfill-2026-03-14.vtt',
      filters: [{ name: 'WebVTT captions', extensions: ['vtt'] }],
    });
    answer = { path: path.join(outDir, 'take.vtt'), overwriteConfirmed: false };
    const saved = await call('export.save', { sessionId: id, format: 'vtt', names: [] });
    expect(saved).toMatchObject({
      ok: true,
      value: { status: 'saved', path: path.join(outDir, 'take.vtt'), fileName: 'take.vtt' },
    });
    expect(await readFile(path.join(outDir, 'take.vtt'), 'utf8')).toMatch(/^WEBVTT\n/);
  });

  it('asks before replacing an existing file, writes only after confirmation, tokens are single-use', async () => {
    const target = path.join(os.tmpdir(), `coach-existing-${process.pid}.pdf`);
    await writeFile(target, 'precious');
    cleanups.push(() => rm(target, { force: true }));
    const dialog = new ScriptedDialog(() => ({ path: target, overwriteConfirmed: false }));
    const { call, id } = await setup({ saveDialog: dialog });
    const first = await call('export.save', { sessionId: id, format: 'pdf', names: [] });
    if (!first.ok || first.value.status !== 'confirm_overwrite') throw new Error(JSON.stringify(first));
    expect(await readFile(target, 'utf8')).toBe('precious');
    const token = first.value.token as string;
    expect(await call('export.confirmOverwrite', { token })).toMatchObject({
      ok: true,
      value: { status: 'saved', path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(await call('export.confirmOverwrite', { token })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('trusts the native dialog when it already confirmed the replacement', async () => {
    const target = path.join(os.tmpdir(), `coach-existing-${process.pid}.md`);
    await writeFile(target, 'old');
    cleanups.push(() => rm(target, { force: true }));
    const { call, id } = await setup({
      saveDialog: new ScriptedDialog(() => ({ path: target, overwriteConfirmed: true })),
    });
    expect(await call('export.save', { sessionId: id, format: 'md', names: [] })).toMatchObject({
      ok: true,
      value: { status: 'saved' },
    });
    expect(await readFile(target, 'utf8')).toMatch(/^# Coached transcript/);
  });

  it('offers the capitalised names found in the session', async () => {
    const { call, id } = await setup();
    const r = await call('export.candidates', { sessionId: id });
    if (!r.ok) throw new Error(r.error.message);
    const names = (r.value.candidates as Array<{ name: string }>).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['FreshCart Grocers', 'Priya Raman', 'StoreLink']));
    for (const n of names)
      expect(
        LISTED_NAMES.some((l) => n.includes(l) || l.includes(n)),
        n,
      ).toBe(true);
  });

  it('imports a JSON export into another data folder through the channel', async () => {
    const a = await setup();
    const exported = await a.call('export.render', { sessionId: a.id, format: 'json', names: [] });
    if (!exported.ok) throw new Error(exported.error.message);
    const b = await setup();
    await b.backend.services.sessions.remove(b.id);
    const json = new TextDecoder().decode(exported.value.bytes as Uint8Array);
    const r = await b.call('export.importJson', { json });
    expect(r).toMatchObject({
      ok: true,
      value: { id: a.id, status: 'imported', session: { id: a.id, story: 'FreshCart Grocers promo backfill' } },
    });
    expect(await b.backend.services.sessions.get(a.id)).toEqual(await a.backend.services.sessions.get(a.id));
    expect(await b.call('export.importJson', { json: '{"nope": true}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
