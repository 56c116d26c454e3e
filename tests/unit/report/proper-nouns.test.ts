import { describe, expect, it } from 'vitest';
import { findProperNouns } from '../../../src/core/report/proper-nouns';
import { corpusSession, STORY_IDS } from './corpus-fixture';

describe('findProperNouns', () => {
  it('offers multi-word names, CamelCase and acronyms with a guessed category', () => {
    const found = findProperNouns([
      'Detection — an analyst at Northwind Bank asked about the drop.',
      'Dana Whitfield flagged it, and ScoreHub kept scoring.',
      'We moved alerts to Tier 2 of the Detection Latency Hierarchy in Q3.',
      'The Bank of Ireland feed and IBM were fine; I rolled back the API.',
    ]);
    const names = found.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Northwind Bank', 'Dana Whitfield', 'ScoreHub', 'Bank of Ireland', 'IBM']),
    );
    expect(found.find((c) => c.name === 'Northwind Bank')?.category).toBe('company');
    expect(found.find((c) => c.name === 'Dana Whitfield')?.category).toBe('person');
  });

  it('ignores grammar and coaching vocabulary', () => {
    const names = findProperNouns([
      'So I rolled back on Monday.',
      'Structural fix — we added a release gate.',
      'Layer four: the System learning was about contracts.',
      'Our SLO alert at Tier 2 caught it; the ML team and the CI job agreed.',
      'Rollback took an hour.',
    ]).map((c) => c.name);
    expect(names).toEqual([]);
  });

  it('finds every name put into the corpus stories and nothing in the anonymous originals', () => {
    for (const id of STORY_IDS) {
      const plain = findProperNouns(corpusSession(id).analysis.sentences.map((s) => s.text)).map((c) => c.name);
      expect(plain, id).toEqual([]);
    }
    const named = findProperNouns(
      corpusSession(STORY_IDS[1], { named: true }).analysis.sentences.map((s) => s.text),
    ).map((c) => c.name);
    expect(named).toEqual(expect.arrayContaining(['FreshCart Grocers', 'Priya Raman', 'StoreLink']));
  });

  it('never offers languages, regions or holidays as names to hide', () => {
    const found = findProperNouns([
      'The support team in EMEA only wrote English tickets, so German customers went unanswered.',
      'Traffic doubled over Christmas and the European night shift missed it; Dana Reyes paged us.',
    ]);
    expect(found.map((c) => c.name)).toEqual(['Dana Reyes']);
  });

  it('offers a short form that starts one longer name as its alias', () => {
    const found = findProperNouns([
      'We told FreshCart Grocers first.',
      'Later FreshCart agreed, and Dana Whitfield and Dana Scully signed; Dana left.',
    ]);
    expect(found.find((c) => c.name === 'FreshCart Grocers')).toMatchObject({ aliases: ['FreshCart'], count: 2 });
    expect(found.map((c) => c.name)).not.toContain('FreshCart');
    // "Dana" starts two different names: ambiguous, so it stays its own candidate.
    expect(found.map((c) => c.name)).toContain('Dana');
  });
});
