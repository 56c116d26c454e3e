import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/core/analysis/analyze';
import { digestAnalysis } from '../../../src/core/history/digest';
import { compareTakes } from '../../../src/core/history/compare';
import { groupByStory, storyNames } from '../../../src/core/history/group';
import { progressSeries, trend } from '../../../src/core/history/progress';
import { budgetRows, deliveryRows, worksheetView } from '../../../src/core/results/panels';
import {
  layerForKey,
  layerRanges,
  loopSeekTarget,
  nextRunOfLayer,
  sentenceIndexAt,
  stepRate,
  type TimedSentence,
} from '../../../src/core/results/playback';
import { formatClock } from '../../../src/core/time/clock';
import { loadStory, transcriptOf } from '../../fixtures/results/corpus-session';

const S: TimedSentence[] = [
  { start: 0, end: 4, layer: 'headline' },
  { start: 5, end: 9, layer: 'mitigation' },
  { start: 10, end: 12, layer: 'mitigation' },
  { start: 13, end: 20, layer: 'structural_fix' },
  { start: 21, end: 25, layer: 'mitigation' },
];

describe('replay selectors', () => {
  it('finds the sentence playing at a time, keeping the previous one through a pause', () => {
    expect(sentenceIndexAt(S, -1)).toBe(-1);
    expect(sentenceIndexAt(S, 0)).toBe(0);
    expect(sentenceIndexAt(S, 4.5)).toBe(0);
    expect(sentenceIndexAt(S, 5)).toBe(1);
    expect(sentenceIndexAt(S, 12.9)).toBe(2);
    expect(sentenceIndexAt(S, 99)).toBe(4);
    expect(sentenceIndexAt([], 3)).toBe(-1);
  });

  it('merges consecutive sentences of a layer into ranges', () => {
    expect(layerRanges(S, 'mitigation')).toEqual([
      { start: 5, end: 12 },
      { start: 21, end: 25 },
    ]);
    expect(layerRanges(S, 'detection')).toEqual([]);
  });

  it('loops a layer: stays inside a range, jumps to the next one, wraps after the last', () => {
    const ranges = layerRanges(S, 'mitigation');
    expect(loopSeekTarget(ranges, 0)).toBe(5);
    expect(loopSeekTarget(ranges, 6)).toBeNull();
    expect(loopSeekTarget(ranges, 12)).toBe(21);
    expect(loopSeekTarget(ranges, 15)).toBe(21);
    expect(loopSeekTarget(ranges, 25)).toBe(5);
    expect(loopSeekTarget(ranges, 4.97)).toBeNull();
    expect(loopSeekTarget([], 3)).toBeNull();
  });

  it('jumps to the next run of a layer with the number keys, wrapping', () => {
    expect(layerForKey('3')).toBe('mitigation');
    expect(layerForKey('4')).toBe('structural_fix');
    expect(layerForKey('6')).toBeNull();
    expect(layerForKey('a')).toBeNull();
    expect(nextRunOfLayer(S, 'mitigation', 0)).toBe(1);
    expect(nextRunOfLayer(S, 'mitigation', 1)).toBe(4);
    expect(nextRunOfLayer(S, 'mitigation', 4)).toBe(1);
    expect(nextRunOfLayer(S, 'detection', 0)).toBe(-1);
  });

  it('steps the playback speed within the standard list', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
    expect(stepRate(1.1, -1)).toBe(1);
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});

const story = loadStory('dev-01-credit-bureau-sentinel');
const analysis = analyzeTranscript(transcriptOf(story), { lengthSeconds: 120 });

describe('results panels', () => {
  it('labels each layer with seconds against its budget and flags over/under/missing', () => {
    const rows = budgetRows(analysis);
    const mitigation = rows.find((r) => r.layer === 'mitigation');
    expect(mitigation?.label).toBe(
      `Mitigation ${Math.round(analysis.layers.mitigation.seconds)} s / budget ${analysis.budget.seconds.mitigation} s`,
    );
    const fix = rows.find((r) => r.layer === 'structural_fix');
    // 55 s spoken against a 43 s budget at 2 minutes.
    expect(fix?.status).toBe('over');
    expect(rows.map((r) => r.layer)).toEqual([
      'headline',
      'detection',
      'attribution',
      'mitigation',
      'structural_fix',
      'system_learning',
    ]);
    const noFix = {
      ...analysis,
      layers: { ...analysis.layers, structural_fix: { ...analysis.layers.structural_fix, sentences: 0, seconds: 0 } },
    };
    expect(budgetRows(noFix).find((r) => r.layer === 'structural_fix')?.status).toBe('missing');
  });

  it('lists delivery overall then per present layer', () => {
    const rows = deliveryRows(analysis);
    expect(rows[0]?.key).toBe('overall');
    expect(rows.map((r) => r.key)).not.toContain('other');
    expect(rows.every((r) => r.stats.words > 0)).toBe(true);
  });

  it('lays hand ticks over the engine’s worksheet', () => {
    const first = analysis.worksheet[0]?.items[0];
    expect(first).toBeDefined();
    const id = first?.id ?? '';
    const auto = worksheetView(analysis, {});
    expect(auto[0]?.items[0]).toMatchObject({ checked: first?.found, source: 'engine' });
    const flipped = worksheetView(analysis, { [id]: !first?.found });
    expect(flipped[0]?.items[0]).toMatchObject({ checked: !first?.found, source: 'user' });
    expect(flipped[0]?.done).toBe((auto[0]?.done ?? 0) + (first?.found ? -1 : 1));
  });
});

describe('history selectors', () => {
  const digest = digestAnalysis(analysis);
  const items = [
    { id: 'a-001', createdAt: '2026-11-01T10:00:00Z', question: 'Q', story: 'Bureau sentinel', digest },
    {
      id: 'b-001',
      createdAt: '2026-11-03T10:00:00Z',
      question: 'Q',
      story: 'bureau sentinel ',
      title: 'Best take',
      digest,
    },
    {
      id: 'c-001',
      createdAt: '2026-11-02T10:00:00Z',
      question: 'Model regressed',
      story: 'Search stemmer',
      digest: null,
    },
  ];

  it('groups by story (case-insensitive), newest first, and filters by search and story', () => {
    const groups = groupByStory(items);
    expect(groups.map((g) => g.story)).toEqual(['bureau sentinel', 'Search stemmer']);
    expect(groups[0]?.takes.map((t) => t.id)).toEqual(['b-001', 'a-001']);
    expect(groups[0]?.attempts.map((t) => t.id)).toEqual(['a-001', 'b-001']);
    expect(groupByStory(items, { search: 'best' }).flatMap((g) => g.takes.map((t) => t.id))).toEqual(['b-001']);
    expect(groupByStory(items, { search: 'regressed' }).map((g) => g.story)).toEqual(['Search stemmer']);
    expect(groupByStory(items, { story: 'Search stemmer' }).map((g) => g.story)).toEqual(['Search stemmer']);
    expect(storyNames(items)).toHaveLength(2);
  });

  it('builds progress series oldest first and the trend from first to last', () => {
    if (!digest.levels) throw new Error('the fixture is graded');
    const worse = {
      ...digest,
      levels: { ...digest.levels, system_learning: 'weak' as const },
      layers: { ...digest.layers, mitigation: { ...digest.layers.mitigation, share: 0.5 } },
    };
    const series = progressSeries([
      { id: 'b', createdAt: '2026-11-03', digest },
      { id: 'a', createdAt: '2026-11-01', digest: worse },
    ]);
    expect(series.levels.system_learning.map((p) => [p.id, p.value])).toEqual([
      ['a', 0],
      ['b', 3],
    ]);
    expect(trend(series.shares.mitigation)).toBeCloseTo(digest.layers.mitigation.share - 0.5, 5);
    expect(series.budgetShares.structural_fix[0]?.value).toBeCloseTo(43 / 120, 2);
    expect(trend(series.tiers.slice(0, 1))).toBeNull();
  });

  it('compares two takes layer by layer on one time scale', () => {
    const longer = analyzeTranscript(transcriptOf(story, { wordsPerMinute: 120 }), { lengthSeconds: 120 });
    const cmp = compareTakes(analysis, longer);
    const fix = cmp.layers.find((r) => r.layer === 'structural_fix');
    expect(fix?.deltaSeconds).toBe((fix?.b.seconds ?? 0) - (fix?.a.seconds ?? 0));
    expect(fix?.deltaSeconds).toBeGreaterThan(0);
    expect(cmp.levels).toHaveLength(4);
    expect(cmp.scaleSeconds).toBeGreaterThanOrEqual(longer.sentences[longer.sentences.length - 1]?.end ?? 0);
  });
});
