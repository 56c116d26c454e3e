import { describe, expect, it } from 'vitest';
import type { AuditedSentence } from '../../../src/core/document/audit-schema';
import { budgetLine } from '../../../src/renderer/src/components/documents/outline-format';
import { groupByHeading, overruledHeading } from '../../../src/renderer/src/components/documents/sentence-groups';
import { defaultStoryName, storyNameProblem } from '../../../src/renderer/src/components/documents/story-name';
import { problemOfError, problemOfFile } from '../../../src/renderer/src/stores/document-problem';

function sentence(index: number, heading: string | null, patch: Partial<AuditedSentence> = {}): AuditedSentence {
  return {
    index,
    text: `Sentence ${index}.`,
    heading,
    role: 'paragraph',
    time: null,
    layer: 'detection',
    confidence: 0.9,
    suggestedBySection: null,
    evidence: [],
    ...patch,
  };
}

describe('the Documents view helpers', () => {
  it('groups consecutive sentences under their heading, in order', () => {
    const groups = groupByHeading([sentence(0, null), sentence(1, 'Impact'), sentence(2, 'Impact'), sentence(3, null)]);
    expect(groups.map((g) => [g.heading, g.sentences.map((s) => s.index)])).toEqual([
      [null, [0]],
      ['Impact', [1, 2]],
      [null, [3]],
    ]);
  });

  it('shows the heading evidence only where the heading was overruled', () => {
    const text = 'Sits under the “Root cause” heading, but what it says belongs to Detection.';
    const overruled = sentence(0, 'Root cause', {
      suggestedBySection: 'attribution',
      evidence: [{ kind: 'section', text, layer: 'attribution' }],
    });
    const followed = sentence(1, 'Detection', {
      suggestedBySection: 'detection',
      evidence: [{ kind: 'section', text: 'Sits under the “Detection” heading.', layer: 'detection' }],
    });
    expect(overruledHeading(overruled)).toBe(text);
    expect(overruledHeading(followed)).toBeNull();
    expect(overruledHeading(sentence(2, 'Timeline'))).toBeNull();
  });

  it('writes budgets as spoken time', () => {
    expect(budgetLine({ seconds: 65, words: 160, sentences: 4 })).toBe('1 min 5 s · ~160 words · at most 4 sentences');
    expect(budgetLine({ seconds: 60, words: 150, sentences: 4 })).toBe('1 min · ~150 words · at most 4 sentences');
    expect(budgetLine({ seconds: 14, words: 35, sentences: 2 })).toBe('14 s · ~35 words · at most 2 sentences');
    expect(budgetLine({ seconds: 9, words: 20, sentences: 1 })).toBe('9 s · ~20 words · at most 1 sentence');
  });

  it('offers the title as the story name, within 2-80 characters', () => {
    expect(defaultStoryName('Postmortem: checkout outage', 'x.md')).toBe('Postmortem: checkout outage');
    expect(defaultStoryName(null, 'search-outage.md')).toBe('search-outage');
    expect(defaultStoryName('  ', 'a')).toBe('Postmortem');
    expect(defaultStoryName('x'.repeat(120), 'a.md')).toHaveLength(80);
    expect(storyNameProblem(' a ')).toMatch(/at least 2/);
    expect(storyNameProblem('x'.repeat(81))).toMatch(/under 80/);
    expect(storyNameProblem('Checkout outage')).toBeNull();
  });

  it('refuses files over 5 MB before reading them, and gives every failure a next step', () => {
    expect(problemOfFile({ name: 'big.md', size: 6 * 1024 * 1024 })?.message).toBe(
      'big.md is 6.0 MB; documents are limited to 5 MB.',
    );
    expect(problemOfFile({ name: 'empty.md', size: 0 })?.message).toBe('empty.md is empty.');
    expect(problemOfFile({ name: 'ok.md', size: 1000 })).toBeNull();
    const pdf = problemOfError({ code: 'unsupported', message: 'a.pdf is a PDF.' });
    expect(pdf).toEqual({ message: 'a.pdf is a PDF.', next: expect.stringMatching(/paste the text/) });
    expect(problemOfError({ code: 'offline', message: 'Gone.' }).next).toMatch(/Try again/);
  });
});
