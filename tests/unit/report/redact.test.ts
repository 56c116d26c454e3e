import { describe, expect, it } from 'vitest';
import { guessCategory, parseNameList, planRedaction, RedactionInputError } from '../../../src/core/report/redact';
import { redactDocument } from '../../../src/core/report/redact-document';

describe('planRedaction', () => {
  it('gives each name a placeholder by category, lettered in order of first appearance', () => {
    const r = planRedaction(
      [
        { name: 'Globex', category: 'company' },
        { name: 'Acme Bank', category: 'company' },
        { name: 'Alice Chen', aliases: ['Alice'], category: 'person' },
      ],
      'Acme Bank called Alice Chen; Globex did not.',
    );
    expect(r.entries.map((e) => e.placeholder)).toEqual(['Company B', 'Company A', 'Person A']);
    expect(r.redactText('Alice told Acme Bank, then Globex.')).toBe('Person A told Company A, then Company B.');
  });

  it('matches case-insensitively, on word boundaries, keeps possessives and prefers the longest name', () => {
    const r = planRedaction(
      [
        { name: 'Acme', category: 'company' },
        { name: 'Acme Bank', category: 'company' },
      ],
      'Acme Bank and Acme',
    );
    expect(r.redactText("ACME BANK's ledger, acme's API, Acmeville, the acme  bank")).toBe(
      "Company A's ledger, Company B's API, Acmeville, the Company A",
    );
  });

  it('treats regex characters in names literally', () => {
    const r = planRedaction([{ name: 'C++ Labs (EU)', category: 'company' }]);
    expect(r.redactText('We paged C++ Labs (EU) at once; C Labs is fine.')).toBe(
      'We paged Company A at once; C Labs is fine.',
    );
  });

  it('rejects names too short to redact safely and too many names', () => {
    expect(() => planRedaction([{ name: 'A' }])).toThrow(RedactionInputError);
    expect(() => planRedaction(Array.from({ length: 301 }, (_, i) => ({ name: `Name${i}` })))).toThrow(/At most 300/);
  });

  it('finds leaks of any listed name or alias', () => {
    const r = planRedaction([{ name: 'Alice Chen', aliases: ['Alice'], category: 'person' }]);
    expect(r.findLeaks('nothing here')).toEqual([]);
    expect(r.findLeaks('ask alice')).toEqual(['Alice']);
  });

  it('collapses a multi-token name in timed words into its first token and keeps the times', () => {
    const r = planRedaction([{ name: 'Acme Bank', category: 'company' }]);
    const words = [
      { text: 'called', start: 0, end: 0.3 },
      { text: ' (Acme', start: 0.3, end: 0.6 },
      { text: "Bank's)", start: 0.6, end: 0.9 },
      { text: 'team.', start: 0.9, end: 1.2 },
    ];
    const { words: out, changed } = r.redactWords(words);
    expect(changed).toBe(true);
    expect(out).toEqual([
      { text: 'called', start: 0, end: 0.3 },
      { text: " (Company A's)", start: 0.3, end: 0.9 },
      { text: 'team.', start: 0.9, end: 1.2 },
    ]);
    expect(r.redactTextCounting("called (Acme Bank's) team.")).toEqual({
      text: "called (Company A's) team.",
      mergedTokens: 1,
    });
  });
});

describe('parseNameList', () => {
  it('reads categories, aliases and comments', () => {
    expect(
      parseNameList('# mine\nAcme Bank\nperson: Alice Chen | Alice  # lead\n\nservice:ledger-sync\nweird: thing\n'),
    ).toEqual([
      { name: 'Acme Bank' },
      { name: 'Alice Chen', aliases: ['Alice'], category: 'person' },
      { name: 'ledger-sync', category: 'service' },
      { name: 'weird: thing' },
    ]);
  });

  it('says which line is broken', () => {
    expect(() => parseNameList('Acme\nperson:   \n')).toThrow(/Line 2/);
  });
});

describe('guessCategory', () => {
  it('guesses from the shape of the name', () => {
    expect(guessCategory('Acme Bank')).toBe('company');
    expect(guessCategory('Initech Inc.')).toBe('company');
    expect(guessCategory('ledger-sync')).toBe('service');
    expect(guessCategory('Payments API')).toBe('service');
    expect(guessCategory('Alice Chen')).toBe('person');
    expect(guessCategory('SRE team')).toBe('team');
    expect(guessCategory('ScoreHub')).toBe('service');
    expect(guessCategory('FreshCart Grocers')).toBe('company');
    expect(guessCategory('Zorblax')).toBe('name');
  });
});

describe('redactDocument', () => {
  const redactor = planRedaction([
    { name: 'Acme Bank', category: 'company' },
    { name: 'Alice', category: 'person' },
  ]);
  const doc = {
    schemaVersion: 1,
    id: 'acme-bank-take',
    kind: 'recorded',
    story: 'Acme Bank outage',
    transcript: {
      segments: [
        {
          start: 0,
          end: 1,
          text: 'Alice said Acme',
          words: [
            { text: 'Alice', start: 0, end: 0.3 },
            { text: 'said', start: 0.3, end: 0.6 },
            { text: 'Acme', start: 0.6, end: 1 },
          ],
        },
        {
          start: 1,
          end: 2,
          text: 'Bank broke.',
          words: [
            { text: 'Bank', start: 1, end: 1.4 },
            { text: 'broke.', start: 1.4, end: 2 },
          ],
        },
      ],
    },
    analysis: {
      sentences: [
        { index: 0, text: 'Alice said Acme Bank broke.', layer: 'headline', wordStart: 0, wordEnd: 5 },
        { index: 1, text: 'It was bad.', layer: 'other', wordStart: 5, wordEnd: 8 },
      ],
      tier: 'senior',
    },
  };

  it('redacts prose everywhere but leaves ids and enum values alone', () => {
    const out = redactDocument(doc, redactor);
    expect(out.id).toBe('acme-bank-take');
    expect(out.kind).toBe('recorded');
    expect(out.story).toBe('Company A outage');
    expect(out.analysis.sentences[0]?.layer).toBe('headline');
    expect(out.analysis.sentences[0]?.text).toBe('Person A said Company A broke.');
    expect(doc.story).toBe('Acme Bank outage'); // input untouched
  });

  it('leaves out the sentence vectors, whose keys are the sentences as spoken', () => {
    const withVectors = { ...doc, sentenceVectors: { 'Alice said Acme Bank broke.': 'AAAAPw==' } };
    const out = redactDocument(withVectors, redactor);
    expect(out).not.toHaveProperty('sentenceVectors');
    expect(JSON.stringify(out)).not.toMatch(/Alice|Acme/);
    expect(redactDocument(withVectors, planRedaction([])).sentenceVectors).toBeDefined();
  });

  it('catches a name cut across two transcript segments and shifts word indexes to match', () => {
    const out = redactDocument(doc, redactor);
    const [s0, s1] = out.transcript.segments;
    expect(s0?.words.map((w) => w.text)).toEqual(['Person A', 'said', 'Company A']);
    expect(s0?.words[2]?.end).toBe(1.4);
    expect(s1?.words.map((w) => w.text)).toEqual(['broke.']);
    expect(s0?.text).toBe('Person A said Company A');
    expect(s1?.text).toBe('broke.');
    expect(JSON.stringify(out)).not.toMatch(/Acme|Alice|"Bank/);
    expect(out.analysis.sentences.map((s) => [s.wordStart, s.wordEnd])).toEqual([
      [0, 4],
      [4, 7],
    ]);
  });
});
