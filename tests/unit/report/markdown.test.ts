import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/report/markdown';
import { corpusSession, STORY_IDS } from './corpus-fixture';
import { mmss, reportSource, TAGS } from './report-source';

const SECTIONS = [
  /^# Coached transcript — /,
  /^## Verdict$/,
  /^## Time per layer$/,
  /^## Rubric$/,
  /^### Layer balance — (Weak|Passing|Strong|Staff bar)$/,
  /^### Structural fix specificity — /,
  /^### System learning \(L5\) — |^### System learning — /,
  /^### Honesty about detection — /,
  /^## Practice constraints$/,
  /^## Common failures$/,
  /^## Tier: (Senior|Staff|L7)$/,
  /^## Top fixes$/,
  /^## Follow-up question$/,
  /^## Worksheet$/,
  /^## Delivery$/,
  /^## Transcript$/,
  /^## Outline for your next attempt \(/,
];

const TRANSCRIPT_LINE = /^- \[(\d\d:\d\d)\] \*\*(.+?)\*\* — (.*)$/;

function unescapeMd(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

describe.each(STORY_IDS)('Markdown export of %s', (id) => {
  const { analysis, document } = corpusSession(id);
  const md = renderMarkdown(reportSource(id));
  const lines = md.split('\n');

  it('has every section, in order', () => {
    const headings = lines.filter((l) => l.startsWith('#'));
    let at = 0;
    for (const pattern of SECTIONS) {
      const found = headings.findIndex((h, i) => i >= at && pattern.test(h));
      expect(found, `section ${pattern}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('has the header fields', () => {
    for (const field of ['Question', 'Story', 'Date', 'Length', 'Model']) expect(md).toContain(`| **${field}** |`);
    expect(md).toContain(document.question);
    expect(md).toContain('| **Model** | base.en |');
    expect(md).toMatch(new RegExp(`\\*\\*Tier: (Senior|Staff|L7)\\*\\*`));
  });

  it('has one row per layer with its seconds, share and budget', () => {
    for (const layer of [
      'headline',
      'detection',
      'attribution',
      'mitigation',
      'structural_fix',
      'system_learning',
    ] as const) {
      const row = lines.find((l) => l.startsWith(`| ${TAGS[layer]} |`));
      expect(row, layer).toBeDefined();
      const cells = (row ?? '').split('|').map((c) => c.trim());
      const stats = analysis.layers[layer];
      expect(cells[2]).toBe(
        stats.seconds < 10 && stats.seconds % 1 !== 0
          ? `${stats.seconds.toFixed(1)} s`
          : `${Math.round(stats.seconds)} s`,
      );
      expect(cells[3]).toBe(`${Math.round(stats.share * 100)}%`);
      expect(Number.parseFloat(cells[4] ?? '')).toBe(analysis.budget.seconds[layer]);
      expect(Number(cells[5])).toBe(stats.sentences);
    }
  });

  it('lists every sentence once, with its [mm:ss] time and layer tag, in order', () => {
    const start = lines.indexOf('## Transcript');
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    const items = lines.slice(start, end).filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(analysis.sentences.length);
    items.forEach((line, i) => {
      const m = TRANSCRIPT_LINE.exec(line);
      const s = analysis.sentences[i];
      expect(m, line).not.toBeNull();
      expect(m?.[1]).toBe(mmss(s?.start ?? -1));
      expect(m?.[2]).toBe(TAGS[s?.layer ?? '']);
      expect(unescapeMd(m?.[3] ?? '')).toBe(s?.text);
    });
  });

  it('has the rubric advice, constraints, fixes, follow-up, worksheet and outline', () => {
    for (const score of Object.values(analysis.rubric ?? {}))
      expect(md).toContain(score.advice.replace(/[\\`*[\]<>|]/g, '\\$&').slice(0, 30));
    const checks = lines.filter((l) => /^- \[[x ]\] /.test(l));
    const worksheetItems = analysis.worksheet.flatMap((s) => s.items);
    expect(checks).toHaveLength(4 + worksheetItems.length);
    expect(checks.filter((l) => l.startsWith('- [x]'))).toHaveLength(
      Object.values(analysis.constraints).filter((c) => c.met).length + worksheetItems.filter((w) => w.found).length,
    );
    for (const fix of analysis.feedback.topFixes) expect(md).toContain(`${fix.priority}. **`);
    expect(md).toContain(`> ${analysis.feedback.followUp.question.slice(0, 20)}`);
    const outlineStart = lines.findIndex((l) => l.startsWith('## Outline for your next attempt'));
    const steps = lines.slice(outlineStart).filter((l) => /^\d+\. \*\*/.test(l));
    expect(steps.map((l) => /^\d+\. \*\*(.+?)\*\*/.exec(l)?.[1])).toEqual(
      analysis.feedback.outline.steps.map((s) => TAGS[s.layer]),
    );
  });
});

describe('Markdown escaping', () => {
  it('keeps user text from turning into Markdown syntax', () => {
    const base = corpusSession(STORY_IDS[0]).analysis;
    const nasty = 'We used *feature_flags* | [link](http://x) <b>bold</b> and `code` # not a heading';
    const analysis = { ...base, sentences: base.sentences.map((s, i) => (i === 0 ? { ...s, text: nasty } : s)) };
    const md = renderMarkdown(reportSource(STORY_IDS[0], analysis));
    const line = md.split('\n').find((l) => l.includes('feature'));
    expect(line).toBe(
      '- [00:00] **Headline** — We used \\*feature_flags\\* \\| \\[link\\](http://x) \\<b\\>bold\\</b\\> and \\`code\\` # not a heading',
    );
  });
});
