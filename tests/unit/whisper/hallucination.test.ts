import { describe, expect, it } from 'vitest';
import { collapseRepetitions, filterHallucinations } from '../../../src/backend/services/whisper/hallucination';

const words = (text: string) => text.split(' ').map((t, i) => ({ text: t, start: i * 0.3, end: i * 0.3 + 0.25 }));
const texts = (ws: { text: string }[]) => ws.map((w) => w.text).join(' ');

describe('hallucination filter', () => {
  it('drops "Thank you." when there was (almost) no speech, keeps it when someone said it', () => {
    expect(filterHallucinations({ words: words('Thank you.'), speechSec: 0.4 }).words).toEqual([]);
    expect(texts(filterHallucinations({ words: words('Thank you.'), speechSec: 2.5 }).words)).toBe('Thank you.');
    expect(texts(filterHallucinations({ words: words('Thank you for the page.'), speechSec: 0.4 }).words)).toBe(
      'Thank you for the page.',
    );
  });

  it('removes non-speech annotations anywhere', () => {
    const r = filterHallucinations({ words: words('[BLANK_AUDIO] we rolled back (upbeat music) ♪'), speechSec: 3 });
    expect(texts(r.words)).toBe('we rolled back');
    expect(r.removed.map((x) => x.reason)).toEqual(['annotation', 'annotation', 'annotation']);
  });

  it('collapses decoder loops but keeps natural repeats', () => {
    expect(texts(collapseRepetitions(words('no no no we fixed it')))).toBe('no no no we fixed it');
    expect(texts(collapseRepetitions(words('the the the the the the cache')))).toBe('the the the cache');
    const loop = words('we rolled back. we rolled back. we rolled back. we rolled back. then');
    const removed: { reason: string; text: string }[] = [];
    expect(texts(collapseRepetitions(loop, removed as never))).toBe('we rolled back. then');
    expect(removed[0]?.text).toContain('×4');
  });

  it('cleans a real loop from a random-weights model (220 tokens of " thoud")', () => {
    const r = filterHallucinations({ words: words(`wotar ${'thoud '.repeat(218)}end`.trim()), speechSec: 4 });
    expect(texts(r.words)).toBe('wotar thoud thoud thoud end');
  });
});
