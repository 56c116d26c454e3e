import { describe, expect, it } from 'vitest';
import { CUES, matchCues } from '../../../../src/core/analysis/cues';
import { normalize, phrase, unhyphen } from '../../../../src/core/analysis/normalize';

const cueIds = (text: string) => matchCues(normalize(text)).map((h) => h.cue.id);

describe('text normalisation before matching', () => {
  it('removes fillers and collapses restarts', () => {
    expect(normalize('So we, um, we paused the job.')).toBe('so we paused the job.');
    expect(normalize('I, I saw it, you know, right away.')).toBe('i saw it, right away.');
    expect(normalize('Uh, the, the cache was stale.')).toBe('the cache was stale.');
  });

  it('keeps "like" and "kind of" where they are ordinary words', () => {
    expect(normalize('It looks like a timeout.')).toBe('it looks like a timeout.');
    expect(normalize('This kind of failure recurs.')).toBe('this kind of failure recurs.');
    expect(normalize('It was kind of slow.')).toBe('it was slow.');
    expect(normalize('Latency went up by like thirty percent.')).toBe('latency went up by 30 percent.');
    expect(normalize('She just, like, emailed me.')).toBe('she just, emailed me.');
  });

  it('turns number words into digits but leaves the pronoun "one" alone', () => {
    expect(normalize('Twenty-two percent of sixty-five thousand users')).toBe('22 percent of 65000 users');
    expect(normalize('eleven hundred orders over four days')).toBe('1100 orders over 4 days');
    expect(normalize('the one that broke')).toBe('the one that broke');
    expect(normalize('two hundred and fifty calls')).toBe('250 calls');
  });

  it('treats hyphenated and spaced compounds alike', () => {
    expect(normalize('the on-call engineer')).toBe(normalize('the on call engineer'));
    expect(normalize('a detection-latency-hierarchy tier')).toBe('a detection latency hierarchy tier');
    expect(unhyphen('on-?call|per-[\\w-]+ alerts')).toBe('on ?call|per [\\w-]+ alerts');
  });
});

describe('cue phrases end at word boundaries', () => {
  it('does not read "back" inside longer words as a rollback', () => {
    for (const text of [
      'A command took down the backbone for six hours.',
      'We put the feedback form behind a flag.',
      'Set up the background job and the backlog report.',
    ]) {
      expect(cueIds(text)).not.toContain('mitigation.restore');
    }
    expect(cueIds('We rolled the release back.')).toContain('mitigation.restore');
  });

  it('does not read "within hours" in a fix as time to mitigation', () => {
    expect(cueIds('The alert would page us within hours instead of days.')).not.toContain('mitigation.time');
  });

  it('compiles every cue with the guard', () => {
    expect(phrase('back').test('backbone')).toBe(false);
    expect(phrase('back').test('rolled back.')).toBe(true);
    expect(phrase('stem\\w*').test('stemming')).toBe(true);
    for (const c of CUES) expect(c.re.source.endsWith('(?:(?<!\\w)|(?!\\w))')).toBe(true);
  });

  it('matches spoken variants of the same phrase', () => {
    expect(cueIds('I was on-call that night and got paged.')).toEqual(
      cueIds('I was on call that night and got paged.'),
    );
  });
});
