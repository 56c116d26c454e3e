import { describe, expect, it } from 'vitest';
import { renderVtt } from '../../../src/core/report/vtt';
import { corpusSession, STORY_IDS } from './corpus-fixture';
import { reportSource, TAGS } from './report-source';

interface Cue {
  id: string;
  start: number;
  end: number;
  text: string;
}

/** A small WebVTT reader: header, NOTE blocks, cues (id, timing line, payload). */
function parseVtt(vtt: string): { header: string; notes: string[]; cues: Cue[] } {
  const blocks = vtt
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const [header = '', ...rest] = blocks;
  const notes: string[] = [];
  const cues: Cue[] = [];
  const time = (t: string) => {
    const m = /^(\d{2,}):(\d{2}):(\d{2})\.(\d{3})$/.exec(t);
    if (!m) throw new Error(`bad timestamp ${t}`);
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
  };
  for (const block of rest) {
    if (block.startsWith('NOTE')) {
      notes.push(block);
      continue;
    }
    const lines = block.split('\n');
    const timingAt = lines.findIndex((l) => l.includes('-->'));
    if (timingAt < 0) throw new Error(`block without timing: ${block}`);
    const [from, to] = (lines[timingAt] ?? '').split(' --> ');
    cues.push({
      id: lines.slice(0, timingAt).join('\n'),
      start: time(from ?? ''),
      end: time((to ?? '').split(' ')[0] ?? ''),
      text: lines.slice(timingAt + 1).join('\n'),
    });
  }
  return { header, notes, cues };
}

describe.each(STORY_IDS)('WebVTT export of %s', (id) => {
  const { analysis } = corpusSession(id);
  const parsed = parseVtt(renderVtt(reportSource(id)));

  it('is a WebVTT file with a note naming the story', () => {
    expect(parsed.header).toBe('WEBVTT');
    expect(parsed.notes[0]).toMatch(/^NOTE Postmortem Coach — /);
  });

  it('has one cue per sentence with its times and layer', () => {
    expect(parsed.cues).toHaveLength(analysis.sentences.length);
    parsed.cues.forEach((cue, i) => {
      const s = analysis.sentences[i];
      if (!s) throw new Error('missing sentence');
      expect(cue.id).toBe(`s${i + 1} ${s.layer}`);
      expect(cue.start).toBeCloseTo(s.start, 3);
      expect(cue.end).toBeCloseTo(Math.max(s.end, s.start + 0.01), 3);
      const tag = TAGS[s.layer];
      expect(cue.text.startsWith(`<v ${tag}>[${tag}] `)).toBe(true);
      expect(cue.text.endsWith('</v>')).toBe(true);
      const spoken = cue.text
        .replace(/^<v [^>]+>\[[^\]]+\] /, '')
        .replace(/<\/v>$/, '')
        .replace(/\n/g, ' ')
        .replace(/&amp;/g, '&');
      expect(spoken).toBe(s.text);
    });
  });

  it('keeps cues in time order and caption lines short', () => {
    for (let i = 1; i < parsed.cues.length; i++)
      expect(parsed.cues[i]?.start).toBeGreaterThanOrEqual(parsed.cues[i - 1]?.start ?? 0);
    for (const cue of parsed.cues)
      for (const line of cue.text.split('\n'))
        expect(line.length).toBeLessThanOrEqual(64 + '<v L5 System learning>'.length + 4);
  });
});

describe('WebVTT escaping', () => {
  it('escapes markup and the cue arrow in user text', () => {
    const base = corpusSession(STORY_IDS[0]).analysis;
    const analysis = {
      ...base,
      sentences: base.sentences.map((s, i) => (i === 1 ? { ...s, text: 'A --> B & <c.x>tag</c>' } : s)),
    };
    const vtt = renderVtt(reportSource(STORY_IDS[0], analysis));
    expect(vtt).toContain('[Headline] A --&gt; B &amp; &lt;c.x&gt;tag&lt;/c&gt;</v>');
    expect(parseVtt(vtt).cues).toHaveLength(base.sentences.length);
  });
});
