import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/corpus';

/**
 * The real postmortems and answers are third-party text: the project reads them from ../shared and
 * may carry over their facts, never their sentences. Any run of eight words from one of them found
 * in a tracked file is a copied sentence (shorter runs are common phrases any writer uses, such as
 * "we spent the next two days").
 */
const RUN = 8;
const SHARED = path.resolve(process.cwd(), '..', 'shared', 'corpus');
// Model parameters and encoded audio are numbers, not prose; reading them would only slow the test.
const LARGEST_FILE = 2_000_000;

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9']+/g) ?? []
  );
}

function runsOf(text: string): string[] {
  const w = words(text);
  return Array.from({ length: Math.max(0, w.length - RUN + 1) }, (_, i) => w.slice(i, i + RUN).join(' '));
}

function copiedRuns(text: string, real: ReadonlySet<string>): string[] {
  return runsOf(text).filter((run) => real.has(run));
}

const realSentences = ['real-postmortems', 'real-answers'].flatMap((set) =>
  loadCorpus(path.join(SHARED, set)).flatMap((s) => s.sentences.map((x) => x.text)),
);
const realRuns = new Set(realSentences.flatMap(runsOf));

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  return listed.filter((f) => {
    const size = statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    return size > 0 && size <= LARGEST_FILE;
  });
}

describe('real third-party text stays out of the repository', () => {
  it('finds a copied sentence, even re-punctuated inside other prose', () => {
    const sentence = realSentences.find((s) => words(s).length >= RUN + 2) ?? '';
    expect(sentence).not.toBe('');
    const pasted = `Our own words first. ${sentence.toUpperCase().replace(/,/g, ' ;')} And ours again.`;
    expect(copiedRuns(pasted, realRuns).length).toBeGreaterThan(0);
    expect(copiedRuns('We spent the next two days rebuilding the index by hand.', realRuns)).toEqual([]);
  });

  it('no tracked file holds a run of eight words from a real postmortem or answer', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => {
      const bytes = readFileSync(f);
      if (bytes.includes(0)) return [];
      return copiedRuns(bytes.toString('utf8'), realRuns).map((run) => `${f}: ${run}`);
    });
    expect(found).toEqual([]);
  });
});
