import { describe, expect, it } from 'vitest';
import { parseNameList } from '../../../src/core/report/redact';
import { exportFileName, renderExport, type ExportFormat } from '../../../src/backend/services/export/render-export';
import type { PdfRenderer } from '../../../src/backend/services/export/ports';
import { corpusSession, LISTED_NAMES, NAMES_FILE, STORY_IDS } from '../report/corpus-fixture';
import { all, parseHtml } from '../report/html-tools';

const TEXT_FORMATS: ExportFormat[] = ['md', 'html', 'vtt', 'json'];
const deps = { pdf: null, generator: 'Postmortem Coach test' };
const names = parseNameList(NAMES_FILE);

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Placeholder strings ("Company A", "Person B") that occur in `s`. */
function placeholdersIn(s: string): string[] {
  return [...new Set(s.match(/\b(?:Company|Person|Service|Customer|Team|Product|Name) [A-Z]{1,2}\b/g) ?? [])].sort();
}

describe.each(STORY_IDS)('exports of %s', (id) => {
  const session = corpusSession(id);

  it.each(TEXT_FORMATS)('renders %s with a file name from the story and date', async (format) => {
    const out = await renderExport({ kind: 'session', document: session.document }, format, [], deps);
    expect(out.fileName).toMatch(new RegExp(`^[a-z0-9-]+-2026-03-14\\.${format}$`));
    expect(out.redacted).toBe(false);
    expect(out.bytes.byteLength).toBeGreaterThan(1000);
  });

  it('JSON is the full session document with its schema version', async () => {
    const out = await renderExport({ kind: 'session', document: session.document }, 'json', [], deps);
    expect(JSON.parse(text(out.bytes))).toEqual(session.document);
    expect(JSON.parse(text(out.bytes)).schemaVersion).toBe(1);
  });
});

describe.each(STORY_IDS)('redaction of %s', (id) => {
  const named = corpusSession(id, { named: true });
  const input = { kind: 'session' as const, document: named.document };

  it('the unredacted export does contain the names (the fixture is meaningful)', async () => {
    const md = text((await renderExport(input, 'md', [], deps)).bytes);
    const present = LISTED_NAMES.filter((n) => md.includes(n));
    expect(present.length).toBeGreaterThanOrEqual(3);
  });

  it('removes every listed name from every format, with the same placeholders everywhere', async () => {
    const outputs = await Promise.all(TEXT_FORMATS.map((f) => renderExport(input, f, names, deps)));
    const mapping = outputs[0]?.placeholders;
    for (const out of outputs) {
      const body = text(out.bytes);
      for (const name of LISTED_NAMES)
        expect(body.toLowerCase(), `${out.format} leaks ${name}`).not.toContain(name.toLowerCase());
      expect(out.fileName.toLowerCase()).not.toMatch(/freshcart|meridian|northwind/);
      expect(out.placeholders).toEqual(mapping);
    }
    // The placeholders used for the names in this story are the same set in every format.
    const used = outputs.map((o) => placeholdersIn(text(o.bytes)));
    for (const u of used) expect(u).toEqual(used[0]);
    expect(used[0]?.length).toBeGreaterThanOrEqual(3);
  });

  it('maps each name to one placeholder, consistently sentence by sentence', async () => {
    const json = JSON.parse(text((await renderExport(input, 'json', names, deps)).bytes)) as typeof named.document;
    const redactedSentences = (json.analysis as typeof named.analysis).sentences;
    const html = parseHtml(text((await renderExport(input, 'html', names, deps)).bytes));
    const htmlSentences = all(html, (el) => el.tag === 'li' && el.attrs['data-layer'] !== undefined).map(
      (li) => li.children[2]?.text,
    );
    expect(htmlSentences).toEqual(redactedSentences.map((s) => s.text));
    const out = await renderExport(input, 'md', names, deps);
    for (const p of out.placeholders) {
      const original = named.analysis.sentences.filter((s) =>
        p.names.some((n) => s.text.toLowerCase().includes(n.toLowerCase())),
      );
      for (const s of original) expect(redactedSentences[s.index]?.text).toContain(p.placeholder);
    }
    // The JSON still validates as a session and keeps its structure.
    expect(redactedSentences).toHaveLength(named.analysis.sentences.length);
    expect(redactedSentences.map((s) => s.layer)).toEqual(named.analysis.sentences.map((s) => s.layer));
  });

  it('suggests the same redacted file name before rendering (for the save dialog)', async () => {
    for (const format of TEXT_FORMATS) {
      const rendered = await renderExport(input, format, names, deps);
      expect(exportFileName(input, format, names)).toBe(rendered.fileName);
      expect(exportFileName(input, format, [])).toBe((await renderExport(input, format, [], deps)).fileName);
    }
  });

  it('redacts the PDF too: its HTML is what gets printed', async () => {
    let printed = '';
    const pdf: PdfRenderer = {
      name: 'capture',
      availability: async () => ({ available: true }),
      render: async (html) => {
        printed = html;
        return new TextEncoder().encode('%PDF-1.4 fake');
      },
    };
    await renderExport(input, 'pdf', names, { ...deps, pdf });
    expect(printed).toContain('<svg');
    for (const name of LISTED_NAMES) expect(printed.toLowerCase()).not.toContain(name.toLowerCase());
  });
});

describe('export errors', () => {
  it('says when a session has not been analysed yet', async () => {
    const doc = { ...corpusSession(STORY_IDS[0]).document, status: 'draft' as const };
    delete doc.analysis;
    await expect(renderExport({ kind: 'session', document: doc }, 'md', [], deps)).rejects.toThrow(
      /has no analysis yet \(status: draft\)/,
    );
  });

  it('refuses PDF when the shell cannot print', async () => {
    await expect(
      renderExport({ kind: 'session', document: corpusSession(STORY_IDS[0]).document }, 'pdf', [], deps),
    ).rejects.toThrow(/PDF export is not available/);
  });

  it('rejects names too short to redact', async () => {
    await expect(
      renderExport({ kind: 'session', document: corpusSession(STORY_IDS[0]).document }, 'md', [{ name: 'X' }], deps),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('exports a bare analysis (coach analyze --json output)', async () => {
    const { analysis } = corpusSession(STORY_IDS[1]);
    const out = await renderExport({ kind: 'analysis', analysis, raw: analysis, name: 'my-take' }, 'md', [], deps);
    expect(out.fileName).toBe('my-take-coached.md');
    expect(text(out.bytes)).toContain('| **Question** | — |');
  });
});
