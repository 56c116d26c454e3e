import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/core/report/html';
import { corpusSession, STORY_IDS } from './corpus-fixture';
import { all, externalReferences, parseHtml } from './html-tools';
import { mmss, reportSource, TAGS } from './report-source';

describe.each(STORY_IDS)('HTML export of %s', (id) => {
  const { analysis } = corpusSession(id);
  const html = renderHtml(reportSource(id));
  const doc = parseHtml(html);

  it('is one self-contained file: no external URL, script, link or import anywhere', () => {
    expect(externalReferences(doc)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
    const csp = all(doc, (el) => el.tag === 'meta' && el.attrs['http-equiv'] === 'Content-Security-Policy')[0];
    expect(csp?.attrs.content).toMatch(/default-src 'none'/);
    expect(all(doc, (el) => el.tag === 'style')).toHaveLength(1);
  });

  it('has the sections, a title and a language', () => {
    expect(all(doc, (el) => el.tag === 'html')[0]?.attrs.lang).toBe('en');
    expect(all(doc, (el) => el.tag === 'title')[0]?.text).toMatch(/^Coached transcript — /);
    const ids = all(doc, (el) => el.tag === 'section').map((el) => el.attrs.id);
    expect(ids).toEqual([
      'verdict',
      'timeline',
      'rubric',
      'constraints',
      'failures',
      'tier',
      'fixes',
      'follow-up',
      'worksheet',
      'delivery',
      'transcript',
      'outline',
    ]);
    for (const section of all(doc, (el) => el.tag === 'section')) {
      const labelledBy = section.attrs['aria-labelledby'];
      expect(
        all(doc, (el) => el.attrs.id === labelledBy && /^h[1-6]$/.test(el.tag)),
        `${section.attrs.id} heading`,
      ).toHaveLength(1);
    }
    expect(all(doc, (el) => el.attrs.class === 'card')).toHaveLength(4);
  });

  it('draws the timeline as inline SVG: a labelled lane per layer and a bar per sentence', () => {
    const svg = all(doc, (el) => el.tag === 'svg')[0];
    if (!svg) throw new Error('no svg');
    expect(svg.attrs.role).toBe('img');
    const labels = all(svg, (el) => el.tag === 'text' && el.attrs.class === 'lane-label').map((el) => el.text);
    expect(labels).toEqual(
      expect.arrayContaining([
        'L1 Detection',
        'L2 Attribution',
        'L3 Mitigation',
        'L4 Structural fix',
        'L5 System learning',
      ]),
    );
    const bars = all(svg, (el) => el.tag === 'rect' && all(el, (c) => c.tag === 'title').length > 0);
    expect(bars).toHaveLength(analysis.sentences.length);
    // Each bar sits in its own layer's lane and says which layer it is.
    for (const lane of all(svg, (el) => el.tag === 'g' && (el.attrs.class ?? '').startsWith('lane '))) {
      const layer = (lane.attrs.class ?? '').replace('lane lane-', '');
      const laneBars = all(lane, (el) => el.tag === 'rect' && all(el, (c) => c.tag === 'title').length > 0);
      expect(laneBars).toHaveLength(analysis.sentences.filter((s) => s.layer === layer).length);
      for (const bar of laneBars) expect(bar.text).toContain(TAGS[layer]);
    }
    const desc = all(svg, (el) => el.tag === 'desc')[0]?.text ?? '';
    expect(desc).toContain('Structural fix');
  });

  it('lists every sentence with its time and a text layer tag (colour is never alone)', () => {
    const items = all(doc, (el) => el.tag === 'li' && el.attrs['data-layer'] !== undefined);
    expect(items).toHaveLength(analysis.sentences.length);
    items.forEach((li, i) => {
      const s = analysis.sentences[i];
      if (!s) throw new Error('missing sentence');
      expect(li.attrs['data-layer']).toBe(s.layer);
      expect(li.attrs.class).toBe(`layer-${s.layer}`);
      expect(Number(li.attrs['data-start'])).toBe(s.start);
      const [when, tag, text] = li.children;
      expect(when?.text).toBe(`[${mmss(s.start)}]`);
      expect(tag?.text).toBe(TAGS[s.layer]);
      expect(text?.text).toBe(s.text);
    });
  });

  it('is print-ready: page breaks, colours kept, page numbers', () => {
    const css = all(doc, (el) => el.tag === 'style')[0]?.text ?? '';
    expect(css).toMatch(/@media print\{[^]*\.page-break\{break-before:page\}/);
    expect(css).toContain('print-color-adjust:exact');
    expect(css).toMatch(/@page\{[^}]*@bottom-right\{content:"Page " counter\(page\)/);
    expect(all(doc, (el) => (el.attrs.class ?? '').includes('page-break')).map((el) => el.attrs.id)).toEqual([
      'worksheet',
      'transcript',
      'outline',
    ]);
  });
});

describe('HTML escaping', () => {
  it('shows user text as text, never as markup', () => {
    const base = corpusSession(STORY_IDS[0]).analysis;
    const evil = '<script>alert(1)</script><img src="https://evil.example/x.png"> & "quotes"';
    const analysis = { ...base, sentences: base.sentences.map((s, i) => (i === 0 ? { ...s, text: evil } : s)) };
    const source = reportSource(STORY_IDS[0], analysis);
    const doc = parseHtml(renderHtml({ ...source, meta: { ...source.meta, story: '</title><script>x()</script>' } }));
    expect(all(doc, (el) => el.tag === 'script' || el.tag === 'img')).toEqual([]);
    expect(all(doc, (el) => el.tag === 'li' && el.attrs['data-layer'] !== undefined)[0]?.children[2]?.text).toBe(evil);
    expect(all(doc, (el) => el.tag === 'title')[0]?.text).toBe('Coached transcript — </title><script>x()</script>');
  });
});
