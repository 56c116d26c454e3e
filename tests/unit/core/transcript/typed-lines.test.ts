import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { segmentTranscript } from '../../../../src/core/analysis/segment';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { typedBlocks } from '../../../../src/core/transcript/typed-lines';

const sentences = (text: string) => segmentTranscript(transcriptFromText(text)).sentences.map((s) => s.text);
const blocks = (text: string) => typedBlocks(text).map((b) => b.tokens.join(' '));

describe('typed lines', () => {
  it('reads the items of a list as sentences of their own, without their marks, the list opened by its heading', () => {
    const text = [
      'We rolled back the release and search came back.',
      '',
      'Action items:',
      '- Add a schema check to the deploy pipeline',
      '* Stage index rebuilds behind a canary',
      '1. Write the rollback runbook',
      '2) [x] Alert on empty result rates',
      '',
      'I learned that an index is a deploy too.',
    ].join('\n');
    expect(sentences(text)).toEqual([
      'We rolled back the release and search came back.',
      'Action items: Add a schema check to the deploy pipeline',
      'Stage index rebuilds behind a canary',
      'Write the rollback runbook',
      'Alert on empty result rates',
      'I learned that an index is a deploy too.',
    ]);
  });

  it('opens the next sentence with a short unpunctuated heading, and ends one at each timeline line, however long', () => {
    const text = [
      '## Timeline',
      '09:12 the queue depth alert fired for the billing workers in the west region',
      '09:20 on-call confirmed the backlog and paused the nightly export job',
      'Root cause',
      'A retry loop doubled the load on every failure.',
    ].join('\n');
    expect(sentences(text)).toEqual([
      'Timeline: 09:12 the queue depth alert fired for the billing workers in the west region',
      '09:20 on-call confirmed the backlog and paused the nightly export job',
      'Root cause: A retry loop doubled the load on every failure.',
    ]);
  });

  it('joins a paragraph wrapped at a fixed width back into its sentences', () => {
    const text = [
      'On the second night of the migration our replication lag crept past',
      'Postgres limits and the read replicas started serving stale balances to',
      'customers. Support noticed first, when tickets about missing deposits',
      'doubled within the hour.',
    ].join('\n');
    expect(sentences(text)).toEqual([
      'On the second night of the migration our replication lag crept past Postgres limits and the read replicas started serving stale balances to customers.',
      'Support noticed first, when tickets about missing deposits doubled within the hour.',
    ]);
  });

  it('makes a Markdown heading a label even when it ends in a full stop', () => {
    expect(blocks('## Summary.\nThe cache fell over at noon.')).toEqual(['Summary: The cache fell over at noon.']);
  });

  it('keeps the indented second line of a list item with its item, and drops table borders', () => {
    expect(blocks('- Page the owning team, not the\n  Platform rotation\n- Tag alerts by service')).toEqual([
      'Page the owning team, not the Platform rotation',
      'Tag alerts by service',
    ]);
    expect(blocks('| Time | Event |\n|---|---|\n| 10:02 | Disk filled on the primary |')).toEqual([
      'Time | Event',
      '10:02 | Disk filled on the primary',
    ]);
  });

  it('reads the lesson after an unpunctuated action-item list as the lesson, not as another item', () => {
    const text = [
      'Last spring I shipped a config change that broke checkout for forty minutes.',
      'Our error-rate alert paged me two minutes in.',
      'The cause was a parser that treated an empty value as zero.',
      'We rolled back and checkout recovered.',
      '',
      'Follow-ups:',
      '- Validate every config change against its schema in CI',
      '- Roll config out through the same canary as code',
      '',
      'What I took away is that configuration is code and deserves the same gates.',
    ].join('\n');
    const analysis = analyzeTranscript(transcriptFromText(text));
    const last = analysis.sentences[analysis.sentences.length - 1];
    expect(last?.text).toBe('What I took away is that configuration is code and deserves the same gates.');
    expect(last?.layer).toBe('system_learning');
    expect(
      analysis.sentences.filter((s) => s.text.includes('Validate every') || s.text.startsWith('Roll config')),
    ).toHaveLength(2);
  });

  it('times a line without a full stop with the pause of one', () => {
    const [first, second] = transcriptFromText(
      '- Checkout failed for 12% of users\n- Refunds went out by noon',
    ).segments;
    expect(first?.endsSentence).toBe(true);
    expect((second?.start ?? 0) - (first?.end ?? 0)).toBeCloseTo(0.35, 5);
  });

  it('counts a heading in no layer\'s sentences: "Mitigation" over two sentences is two of mitigation', () => {
    const text = [
      'Last March a config change I pushed took checkout down for forty minutes.',
      '',
      'Detection',
      'A customer tweet reached us before any alert did.',
      '',
      'Mitigation',
      'We rolled the change back. Checkout recovered within five minutes.',
      '',
      'Structural fix',
      'Every config change is now validated against its schema in CI, and it has blocked three bad pushes since.',
    ].join('\n');
    const analysis = analyzeTranscript(transcriptFromText(text));
    expect(analysis.sentences.map((s) => s.text)).toContain('Mitigation: We rolled the change back.');
    expect(analysis.layers.mitigation.sentences).toBe(2);
    expect(analysis.constraints.mitigation_at_most_two_sentences.met).toBe(true);
  });
});

describe('evidence quoted from a typed answer with headings', () => {
  it('quotes what a layer says, not the heading that names it', () => {
    const text = [
      'Last March a config change I pushed took checkout down for forty minutes.',
      '',
      'How we found out',
      'Our error-rate alert paged me within two minutes, but a customer tweet beat it.',
      '',
      'Root cause',
      'The parser treated an empty value as zero, and nothing validated the file before it shipped.',
      '',
      'Action items:',
      '- Validate every config change against its schema in CI',
      '- Roll config out through the same canary as code',
      '',
      'What I took away is that configuration is code and deserves the same gates.',
    ].join('\n');
    const analysis = analyzeTranscript(transcriptFromText(text));
    const headings = ['How we found out', 'Root cause', 'Action items:'];
    const quotes = [
      ...Object.values(analysis.rubric ?? {}).flatMap((r) => r.evidence),
      ...analysis.feedback.topFixes.flatMap((f) => f.evidence),
    ].map((q) => q.text);
    expect(quotes.length).toBeGreaterThan(3);
    expect(quotes.filter((q) => headings.includes(q))).toEqual([]);
  });
});

describe('a chat-style answer of short lines without stops', () => {
  it('keeps each line a sentence of its own: no line is taken for a heading', () => {
    expect(
      sentences('We got paged at 2am\nThe orders DB was down\nRolled back the schema change\nIt was fine by 3'),
    ).toEqual(['We got paged at 2am', 'The orders DB was down', 'Rolled back the schema change', 'It was fine by 3']);
  });
});
