import { readFileSync } from 'node:fs';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/backend/services/documents/read-document';
import { parseMarkdownDocument } from '../../../src/backend/services/documents/markdown-document';
import { main } from '../../../src/cli/main';
import {
  auditDocument,
  DocumentAuditSchema,
  documentSentences,
  OUTLINE_MINUTES,
  parseTextDocument,
  type ParsedDocument,
} from '../../../src/core/document';
import { renderDocx, renderHtml, renderText } from '../../fixtures/documents/render';

const FIXTURE = path.join('tests', 'fixtures', 'documents', 'checkout-postmortem.md');
const markdown = readFileSync(FIXTURE, 'utf8');
const fromMarkdown = parseMarkdownDocument(markdown);

function outline(doc: ParsedDocument) {
  return {
    title: doc.title,
    headings: doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
    sentences: documentSentences(doc).map((s) => [s.text, s.heading, s.role, s.time]),
  };
}

describe('reading postmortem documents', () => {
  it('keeps Markdown structure: title, headings, timeline table rows with their time, checklist items', () => {
    expect(fromMarkdown.title).toBe('Postmortem: checkout outage on 12 May');
    const headings = fromMarkdown.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      'Summary',
      'Impact',
      'Timeline',
      'Root cause',
      'Detection',
      'Action items',
      'Lessons learned',
    ]);
    const timeline = fromMarkdown.blocks.filter((b) => b.kind === 'text' && b.role === 'timeline');
    expect(timeline.map((b) => (b.kind === 'text' ? b.time : null))).toEqual([
      '14:02',
      '14:09',
      '14:21',
      '14:35',
      '14:49',
    ]);
    const tasks = fromMarkdown.blocks.filter((b) => b.kind === 'text' && b.role === 'task');
    expect(tasks.map((b) => (b.kind === 'text' ? b.checked : null))).toEqual([true, false, false]);
  });

  it('reads the same content from HTML, plain text and a .docx written by a library', async () => {
    const expected = outline(fromMarkdown);
    const html = await readDocument(Buffer.from(renderHtml(fromMarkdown)), 'pm.html');
    expect(outline(html)).toEqual(expected);
    const text = await readDocument(Buffer.from(renderText(fromMarkdown)), 'pm.txt');
    expect(outline(text)).toEqual(expected);
    const docx = await readDocument(await renderDocx(fromMarkdown), 'pm.docx');
    expect(docx.format).toBe('docx');
    // Word has no checklists: its action items arrive as list items.
    const unticked = (o: ReturnType<typeof outline>) =>
      o.sentences.map(([t, h, r, time]) => [t, h, r === 'task' ? 'item' : r, time]);
    expect(unticked(outline(docx))).toEqual(unticked(expected));
    expect(docx.title).toBe(expected.title);
  });

  it('reads notes with label lines, bullets and timestamps as structure', () => {
    const doc = parseTextDocument(
      [
        'Incident 4412 notes',
        '',
        'Root cause: a cron job deleted the wrong bucket prefix.',
        'TIMELINE',
        '09:14 UTC — backups stopped.',
        '[09:40] restore started',
        'Follow-ups',
        '* [ ] scope the cron role to one prefix',
        '1. add a canary object that pages when it disappears',
      ].join('\n'),
    );
    expect(doc.title).toBe('Incident 4412 notes');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Root cause' },
      { kind: 'text', role: 'paragraph', text: 'a cron job deleted the wrong bucket prefix.' },
      { kind: 'heading', level: 2, text: 'TIMELINE' },
      { kind: 'text', role: 'timeline', text: 'backups stopped.', time: '09:14 UTC' },
      { kind: 'text', role: 'timeline', text: 'restore started', time: '09:40' },
      { kind: 'heading', level: 2, text: 'Follow-ups' },
      { kind: 'text', role: 'task', text: 'scope the cron role to one prefix', checked: false },
      { kind: 'text', role: 'item', text: 'add a canary object that pages when it disappears' },
    ]);
  });

  it('refuses by the header what is not a document, before any parser sees it', async () => {
    const refuse = (bytes: Buffer, name: string) => readDocument(bytes, name);
    await expect(refuse(Buffer.from('%PDF-1.7\n...'), 'pm.pdf')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(refuse(Buffer.from('%PDF-1.7\n...'), 'pm.md')).rejects.toThrow(/is a PDF/);
    await expect(refuse(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'notes.txt')).rejects.toThrow(/zip archive/);
    await expect(refuse(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'pm.docx')).rejects.toThrow(/damaged/);
    await expect(refuse(Buffer.from([1, 0, 2, 3]), 'blob.md')).rejects.toThrow(/not a text document/);
    await expect(refuse(Buffer.alloc(0), 'empty.md')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(refuse(Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), 'huge.md')).rejects.toMatchObject({
      code: 'too_large',
    });
  });
});

describe('auditing a postmortem document', () => {
  const audit = auditDocument(fromMarkdown);

  it('uses headings as evidence for what sits under them, and says so', () => {
    const moved = audit.sentences.find((s) => s.text.startsWith('Move pool limits'));
    expect(moved?.layer).toBe('structural_fix');
    expect(moved?.evidence.some((e) => e.kind === 'section' && e.text.includes('“Action items”'))).toBe(true);
    // Without its structure the same sentences follow their headings less surely: the heading counts.
    const flat = auditDocument({
      ...fromMarkdown,
      blocks: [
        {
          kind: 'text',
          role: 'paragraph',
          text: documentSentences(fromMarkdown)
            .map((s) => s.text)
            .join(' '),
        },
      ],
    });
    const under = audit.sentences.filter((s) => s.suggestedBySection !== null);
    const followHeadings = (read: typeof audit.sentences) =>
      under.reduce((sum, s) => {
        const r = read[s.index];
        return sum + (r?.layer === s.suggestedBySection ? r.confidence : 0);
      }, 0);
    expect(under.length).toBeGreaterThan(0);
    expect(followHeadings(audit.sentences)).toBeGreaterThan(followHeadings(flat.sentences));
    // Where the two readings differ, the structured one sides with the heading.
    const differs = audit.sentences.filter((s, i) => flat.sentences[i]?.layer !== s.layer);
    expect(differs.every((s) => s.suggestedBySection === null || s.layer === s.suggestedBySection)).toBe(true);
    // A timeline holds every layer: its heading suggests none.
    const timeline = audit.sentences.filter((s) => s.role === 'timeline');
    expect(timeline.every((s) => s.suggestedBySection === null)).toBe(true);
    expect(new Set(timeline.map((s) => s.layer)).size).toBeGreaterThan(2);
  });

  it('reports each layer by words, the missing layers and at most three changes', () => {
    expect(DocumentAuditSchema.parse(audit)).toBeTruthy();
    expect(audit.shares.reduce((a, s) => a + s.words, 0)).toBe(audit.words);
    expect(audit.missing).toEqual([]);
    expect(audit.changes.length).toBeLessThanOrEqual(3);
    const noLessons = auditDocument({
      ...fromMarkdown,
      blocks: fromMarkdown.blocks.slice(
        0,
        fromMarkdown.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Lessons learned'),
      ),
    });
    expect(noLessons.missing).toContain('system_learning');
    expect(noLessons.changes.map((c) => c.id)).toContain('no_system_learning');
  });

  it('outlines a spoken answer within the lesson’s budget for 2, 3 and 5 minutes', () => {
    for (const minutes of OUTLINE_MINUTES) {
      const o = auditDocument(fromMarkdown, { minutes }).outline;
      expect(o?.seconds).toBe(minutes * 60);
      const sections = o?.sections ?? [];
      expect(sections.reduce((a, s) => a + s.seconds, 0)).toBe(minutes * 60);
      const of = (l: string) => sections.find((s) => s.layer === l);
      expect(of('mitigation')?.points.length).toBeLessThanOrEqual(2);
      expect((of('structural_fix')?.seconds ?? 0) + (of('system_learning')?.seconds ?? 0)).toBeGreaterThan(
        minutes * 30,
      );
      for (const s of sections) expect(s.points.length).toBeLessThanOrEqual(s.sentences);
    }
    const gaps = auditDocument({
      ...fromMarkdown,
      blocks: fromMarkdown.blocks.slice(
        0,
        fromMarkdown.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Lessons learned'),
      ),
    }).outline;
    expect(gaps?.sections.find((s) => s.layer === 'system_learning')?.gap).toMatch(/what did you change elsewhere/);
  });

  it('reports a document that is not a postmortem as such: no tier, no outline', () => {
    const recipe = parseTextDocument(
      'Banana bread\n\nIngredients:\n- three ripe bananas\n- two cups of flour\n\nMethod:\nMash the bananas with a fork. Stir in the flour and a pinch of salt. Bake for fifty minutes until golden.',
    );
    const verdict = auditDocument(recipe);
    expect(verdict.gradable).toBe(false);
    expect(verdict.tier).toBeNull();
    expect(verdict.rubric).toBeNull();
    expect(verdict.outline).toBeNull();
    expect(verdict.reason?.message).toBeTruthy();
  });
});

describe('coach audit', () => {
  async function coach(argv: string[]) {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  it('prints the audit as JSON or as a readable report, and refuses bad input in one line', async () => {
    const json = await coach(['audit', FIXTURE, '--json', '--minutes', '2']);
    expect(json.code).toBe(0);
    const audit = DocumentAuditSchema.parse(JSON.parse(json.out));
    expect(audit.outline?.minutes).toBe(2);
    const text = await coach(['audit', FIXTURE]);
    expect(text.out).toMatch(/^# Postmortem audit: Postmortem: checkout outage on 12 May/);
    expect(text.out).toContain('## Outline for a 3-minute answer');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-audit-'));
    await writeFile(path.join(dir, 'scan.pdf'), '%PDF-1.4 scanned');
    const pdf = await coach(['audit', path.join(dir, 'scan.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toMatch(/^coach audit: scan\.pdf is a PDF|^coach audit: .*scan\.pdf is a PDF/);
    expect((await coach(['audit', FIXTURE, '--minutes', '4'])).err).toMatch(/--minutes must be one of 2, 3, 5/);
    expect((await coach(['audit', path.join(dir, 'nope.md')])).err).toMatch(/does not exist/);
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'coach-audit-'));
    const huge = path.join(dir, 'huge.md');
    // Sparse: 3 GB on paper, nothing on disk. Reading it whole would fail (or fill memory) first.
    await writeFile(huge, '');
    await truncate(huge, 3 * 1024 ** 3);
    const big = await coach(['audit', huge]);
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/huge\.md is 3072\.0 MB; documents are limited to 5 MB/);
  });
});

describe('document limits', () => {
  it('refuses a block longer than an audit reads, with the limit named', async () => {
    const wall = `${'word '.repeat(4_500)}end.`;
    await expect(readDocument(Buffer.from(`# Notes\n\n${wall}\n`), 'wall.md')).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/20,000 characters a block/),
    });
  });

  it('refuses more text than 1,000,000 characters, and more than 50,000 blocks', async () => {
    const long = Buffer.from(`${'Short line.\n\n'.repeat(80_000)}`);
    expect(long.length).toBeGreaterThan(1_000_000);
    await expect(readDocument(long, 'long.txt')).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/the limit is 1,000,000/),
    });
    const many = Buffer.from('- a\n'.repeat(50_001));
    await expect(readDocument(many, 'many.md')).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/50,000 blocks/),
    });
  });
});

describe('advice in a document’s terms', () => {
  it('measures the rubric and constraints in words, not speaking seconds', () => {
    const audit = auditDocument(fromMarkdown);
    const texts = [
      ...Object.values(audit.rubric ?? {}).flatMap((r) => [r.reason, r.advice]),
      ...Object.values(audit.constraints ?? {}).map((c) => c.detail),
      ...Object.values(audit.commonFailures ?? {}).map((f) => f.detail),
    ];
    expect(texts.join(' ')).not.toMatch(/\b\d+(\.\d+)? s\b/);
    expect(audit.constraints?.mitigation_at_most_two_sentences.detail).toMatch(/\(about \d+ words\)/);
  });
});

describe('a take against the outline it rehearsed', () => {
  it('marks the talking points the take said and those it did not', async () => {
    const { outlineCoverage } = await import('../../../src/core/document/coverage');
    const outline = auditDocument(fromMarkdown, { minutes: 3 }).outline;
    if (!outline) throw new Error('no outline');
    const said = [
      'So checkout returned errors for forty-seven minutes on 12 May and about 9,000 orders failed.',
      'We then added a schema check for pool limits to the deploy pipeline, owned by the platform team, and it has since blocked two bad pushes.',
    ];
    const coverage = outlineCoverage(outline, said);
    expect(coverage.length).toBe(outline.sections.reduce((n, s) => n + s.points.length, 0));
    const byText = (start: string) => coverage.find((c) => c.text.startsWith(start))?.said;
    expect(byText('Add a schema check for pool limits')).toBe(true);
    expect(byText('Move pool limits into')).toBe(false);
    expect(coverage.filter((c) => c.said).length).toBeLessThan(coverage.length);
    expect(outlineCoverage(outline, []).every((c) => !c.said)).toBe(true);
  });
});

describe('another outline length', () => {
  it('is the same audit as auditing again at that length: only the outline depends on it', async () => {
    const { withOutlineLength } = await import('../../../src/core/document/outline');
    for (const [from, to] of [
      [5, 3],
      [2, 5],
      [3, 2],
    ] as const) {
      expect(withOutlineLength(auditDocument(fromMarkdown, { minutes: from }), to)).toEqual(
        auditDocument(fromMarkdown, { minutes: to }),
      );
    }
  });
});
