/**
 * PDF export through headless Chromium, checked the way a person would: the PDF is turned into
 * PNG pages with pdftoppm (kept in test-results/export-pdf/ to look at) and its text extracted with
 * pdftotext. Skips with a message when no Chromium or poppler-utils is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNameList } from '../../../src/core/report/redact';
import { ChromiumPdfRenderer, findChromium, isExecutableFile } from '../../../src/backend/services/export/chromium-pdf';
import { renderExport } from '../../../src/backend/services/export/render-export';
import { corpusSession, LISTED_NAMES, NAMES_FILE, STORY_IDS } from '../report/corpus-fixture';

const chromium = findChromium({ env: process.env, platform: process.platform, isExecutable: isExecutableFile });
const poppler = isExecutableFile('/usr/bin/pdftoppm') && isExecutableFile('/usr/bin/pdftotext');
const OUT = path.resolve('test-results/export-pdf');
if (!chromium.found) console.warn(`[pdf.test] skipped: ${chromium.reason}`);
if (!poppler) console.warn('[pdf.test] skipped: pdftoppm/pdftotext (poppler-utils) not installed');

describe.skipIf(!chromium.found || !poppler)('PDF export with headless Chromium', () => {
  const cases = [
    { id: STORY_IDS[0], named: false },
    { id: STORY_IDS[1], named: true },
  ];

  it.each(cases)('prints $id (redacted: $named) to pages that pdftoppm turns into PNGs', async ({ id, named }) => {
    const session = corpusSession(id, { named });
    const names = named ? parseNameList(NAMES_FILE) : [];
    const t0 = performance.now();
    const out = await renderExport({ kind: 'session', document: session.document }, 'pdf', names, {
      pdf: new ChromiumPdfRenderer({ timeoutMs: 60_000 }),
      generator: 'Postmortem Coach test',
    });
    const ms = Math.round(performance.now() - t0);
    expect(new TextDecoder().decode(out.bytes.subarray(0, 5))).toBe('%PDF-');

    const dir = path.join(OUT, `${id}${named ? '-redacted' : ''}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdfFile = path.join(dir, out.fileName);
    writeFileSync(pdfFile, out.bytes);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, path.join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    console.log(`[pdf.test] ${id}: ${out.bytes.byteLength} bytes, ${pages} pages, ${ms} ms → ${dir}`);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pngs).toHaveLength(pages);
    for (const png of pngs) expect(statSync(path.join(dir, png)).size).toBeGreaterThan(5_000);

    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const heading of [
      'Verdict',
      'Time per layer',
      'Rubric',
      'Practice constraints',
      'Worksheet',
      'Transcript',
      'Outline for your next attempt',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('L4 STRUCTURAL FIX'); // transcript tags (upper-cased by CSS)
    expect(text).toContain('L4 Structural fix'); // timeline lane label
    const last = session.analysis.sentences[session.analysis.sentences.length - 1]?.text ?? '';
    expect(text.replace(/\s+/g, ' ')).toContain(last.split(' ').slice(0, 4).join(' '));
    if (named) for (const name of LISTED_NAMES) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
  });
});
