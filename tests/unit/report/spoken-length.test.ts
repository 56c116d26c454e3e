import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { renderHtml } from '../../../src/core/report/html';
import { renderMarkdown } from '../../../src/core/report/markdown';
import { transcriptFromText } from '../../../src/core/transcript/from-text';
import { STORY_IDS } from './corpus-fixture';
import { reportSource } from './report-source';

const TYPED =
  'At two in the morning the pager fired for checkout errors. The cause was a config push that removed the pool limit. ' +
  'We rolled it back in five minutes. We added a schema check to the deploy pipeline that still blocks such pushes.';

describe('the length of an answer', () => {
  it('a typed answer is an estimate, labelled as one, never "spoken"', () => {
    const analysis = analyzeTranscript(transcriptFromText(TYPED));
    expect(analysis.timesEstimated).toBe(true);
    const source = {
      ...reportSource(STORY_IDS[0], analysis),
      meta: { ...reportSource(STORY_IDS[0]).meta, kind: 'typed' as const, audioSeconds: null },
    };
    for (const text of [renderMarkdown(source), renderHtml(source)]) {
      expect(text).toMatch(/about \d[^·|]* if spoken \(estimated from the word count\)/);
      expect(text).not.toMatch(/(min|s|\d) spoken/);
    }
  });

  it('a recorded answer says how long it was spoken', () => {
    const source = reportSource(STORY_IDS[0]);
    expect(renderMarkdown(source)).toMatch(/\d[^·|]* spoken · target/);
  });
});
