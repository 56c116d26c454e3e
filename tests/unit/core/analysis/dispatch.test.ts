import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchCues, normalize } from '../../../../src/core/analysis/cues';
import { buildIndex, candidates, startKeys } from '../../../../src/core/analysis/dispatch';

describe('first-character dispatch of cue patterns', () => {
  it('reads the possible starts of a pattern, with its anchor', () => {
    expect(startKeys(String.raw`\b(?:rolled back|reverted)`)?.sort()).toEqual(['\u0002rever', '\u0002rolle']);
    expect(startKeys(String.raw`^(?:so )?first`)?.sort()).toEqual(['\u0001first', '\u0001so fi']);
    // A prefix followed by something unknown stops there; a wildcard start cannot be read.
    expect(startKeys(String.raw`\ball (?:\w+|three) still`)).toEqual(['\u0002all ']);
    expect(startKeys(String.raw`\b\d+ days`)).toHaveLength(10);
    expect(startKeys(String.raw`\b\w+ team owns`)).toBeNull();
  });

  it('finds candidate positions only where a key starts a word', () => {
    const index = buildIndex([{ re: String.raw`\b(?:back)` }], (x) => x.re);
    const text = 'we put the feedback back';
    const found = [...candidates(index, text).values()][0];
    expect(found).toEqual([text.lastIndexOf('back')]);
  });

  const dirs = ['../../../../../shared/corpus/dev', '../../../fixtures/stories', '../../../fixtures/heldout'].map((d) =>
    fileURLToPath(new URL(d, import.meta.url)),
  );
  it('gives exactly the matches of running every pattern over the whole sentence', () => {
    const texts: string[] = ['we, um, we rolled it back and it has caught 3 since.', "it's all 3 are still running"];
    for (const dir of dirs.filter((d) => existsSync(d))) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
        const story = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sentences: Array<{ text: string }> };
        for (const s of story.sentences) texts.push(s.text);
      }
    }
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) {
      const n = normalize(text);
      const fast = matchCues(n).map((h) => [h.cue.id, h.phrase, h.index]);
      const slow = matchCues(n, { dispatch: false }).map((h) => [h.cue.id, h.phrase, h.index]);
      expect(fast).toEqual(slow);
    }
  });
});
