import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/core/analysis/cues';
import { findMarker } from '../../../../src/core/analysis/markers';
import { sectionKind } from '../../../../src/core/document/sections';

const marker = (text: string) => findMarker(normalize(text))?.layer ?? null;

describe('findMarker', () => {
  it.each([
    ['Detection — a customer reported it.', 'detection'],
    ['Okay, so, layer one, detection: we did not catch it.', 'detection'],
    ['Layer two, what actually broke: the parser.', 'attribution'],
    ['Root cause: a template variable was unset.', 'attribution'],
    ['Mitigation was quick, we reverted in forty minutes.', 'mitigation'],
    ['For the structural fix, the tokenizer is now versioned.', 'structural_fix'],
    ['So, layer four, and this is the part I want to spend time on.', 'structural_fix'],
    ['We rolled back while we investigated. (L3)', 'mitigation'],
    ['Action items: a canary stage for config pushes.', 'structural_fix'],
    ['Okay, and then the, the bigger lesson, the layer five thing.', 'system_learning'],
    ['What I learned about the system is that contracts were implicit.', 'system_learning'],
    ['Lessons learned: alerts nobody trusts are no alerts.', 'system_learning'],
    ['What went well: the runbook was open within three minutes.', 'system_learning'],
    ['How we learned about it: a customer emailed support.', 'detection'],
    ['Contributing factor: the deploy tool took a path, not a region.', 'attribution'],
    ['Root of it: the cache moved to a new parameter group.', 'attribution'],
    ['What we did: we drained the region.', 'mitigation'],
    ['Todo: point the disk alerts at the pager.', 'structural_fix'],
  ])('%s → %s', (text, layer) => expect(marker(text)).toBe(layer));

  it('does not mistake a reference to another layer for a marker', () => {
    expect(marker("It pages the on-call, and that's the detection gap from layer one, closed.")).toBeNull();
    expect(marker('Because the cache was stale, recall fell.')).toBeNull();
  });

  it('lets a named marker win over a leading tag that belongs to the previous sentence', () => {
    expect(marker('(L1) Attribution — the producer pipeline changed a feature.')).toBe('attribution');
  });

  it('flags announcement-only sentences', () => {
    expect(findMarker(normalize('So, layer four.'))?.announcementOnly).toBe(true);
    expect(
      findMarker(normalize('Detection — a customer in Munich emailed support with a screenshot.'))?.announcementOnly,
    ).toBe(false);
  });

  it('reads a spoken or typed lead the way a document reads the same words as a section heading', () => {
    for (const heading of [
      'Summary',
      'How we found out',
      'Root cause',
      'Trigger',
      'Resolution',
      'Action items',
      'Next steps',
      'Lessons learned',
      'Where we got lucky',
      'Acknowledgements',
    ]) {
      const kind = sectionKind(heading);
      expect(kind).not.toBeNull();
      expect(marker(`${heading}: the cron job on the batch host ran twice.`)).toBe(kind);
    }
  });

  it('takes no layer from a timeline lead', () => {
    expect(marker('Timeline: at 14:02 the cron job ran twice.')).toBeNull();
  });
});
