/**
 * Semantic frames (frames.ts): each layer recognised by the shape of what is said, in wording
 * the phrase cues never list. None of these sentences comes from a corpus story.
 */
import { describe, expect, it } from 'vitest';
import { matchCues, normalize } from '../../../../src/core/analysis/cues';
import { layerScores } from '../../../../src/core/analysis/classify';
import type { Layer } from '../../../../src/core/analysis/layers';
import { analyzeSentences, layerOf } from './helpers';

/** The layer with the highest cue score for one sentence on its own. */
function strongest(text: string): Layer {
  const scores = layerScores(matchCues(normalize(text)));
  return (Object.entries(scores) as Array<[Layer, number]>).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
}

const ids = (text: string) => matchCues(normalize(text)).map((h) => h.cue.id);

describe('mitigation frames: a one-off action on this occurrence', () => {
  it('reads restore verbs the phrase list never names', () => {
    for (const text of [
      'So first we, um, we froze new sign-ups in the billing tool.',
      'Then the vendor switched their export back to the old encoding overnight.',
      'We replayed the queued webhooks and purged the poisoned cache entries.',
      'By the evening everything came back and the queue drained.',
      'On Wednesday we lifted the rate limit again.',
    ]) {
      expect(strongest(text)).toBe('mitigation');
    }
  });

  it('does not read an automatic or present-tense rule as a one-off action', () => {
    expect(ids('The deploy controller now rolls back automatically when errors double.')).not.toContain(
      'frame.mitigation_action',
    );
    expect(strongest('Any release that raises the error rate is refused outright.')).toBe('structural_fix');
  });
});

describe('attribution frames: naming the cause', () => {
  it('reads cause nouns and causal links', () => {
    expect(strongest('The proximate cause was a typo in a shell script run against production.')).toBe('attribution');
    expect(strongest('The outage was triggered by a certificate that had expired on the load balancer.')).toBe(
      'attribution',
    );
    expect(strongest("Backups weren't enabled on the replica, which is why nothing could be restored.")).toBe(
      'attribution',
    );
  });
});

describe('detection frames: who noticed, and when', () => {
  it('reads someone outside the team noticing, whatever their role', () => {
    expect(ids('A pharmacist at one of the clinics emailed us a list of wrong doses.')).toContain(
      'frame.someone_noticed',
    );
    expect(ids('The accounts payable clerk pinged our channel two days later.')).toContain('frame.told_us');
    expect(strongest('Nothing alerted; none of us had noticed for a week.')).toBe('detection');
  });

  it('does not take the team or its monitoring as an outside reporter, nor a relative clause', () => {
    expect(ids('The latency alert flagged it at 3 a.m.')).not.toContain('frame.someone_noticed');
    expect(ids('The staff who noticed could not open the admin tools.')).not.toContain('frame.someone_noticed');
  });

  it('reads a denied subject as the gap, not as someone who told the team', () => {
    for (const text of [
      'Nobody on the night shift noticed anything until morning.',
      'No one in the support queue reported it for two days.',
      'None of our nightly integration suites caught it.',
    ]) {
      expect(ids(text), text).not.toContain('frame.someone_noticed');
      expect(strongest(text), text).toBe('detection');
    }
    expect(ids('None of our nightly integration suites caught it.')).toContain('frame.nothing_fired');
    // The report itself, with a denial earlier in another clause, still counts.
    expect(ids('Nothing fired, but a courier at the depot emailed us a photo.')).toContain('frame.someone_noticed');
  });
});

describe('structural-fix frames: a continuing rule', () => {
  it('reads triggers, refusals and what the change has done since', () => {
    expect(ids('If a config change touches more than a fifth of edge nodes the push is blocked.')).toContain(
      'frame.rule_with_trigger',
    );
    expect(ids('The budget guard has paged twice since, both times for a runaway batch job.')).toContain(
      'frame.since_count',
    );
    expect(ids('The schema lint stopped a breaking rename again last month.')).toContain('frame.artifact_acted_again');
  });
});

describe('system-learning and aside frames', () => {
  it('reads a general statement and advice as a lesson', () => {
    expect(strongest('Any cache that outlives its source will eventually serve a lie.')).toBe('system_learning');
    expect(strongest('Always version the prompt with the model.')).toBe('system_learning');
  });

  it('reads asides and remarks about people as other', () => {
    expect(strongest('Side note, the legal team was incredibly patient with us.')).toBe('other');
    expect(strongest('Honestly it was a rough couple of weeks for everyone.')).toBe('other');
  });
});

describe('frames in a whole story', () => {
  it('labels an answer told without any layer names by meaning', () => {
    const a = analyzeSentences([
      'I ran the search team at a travel site, and for two days our hotel results ignored the date filter.',
      'A hotel chain’s revenue manager emailed our partnerships lead asking why sold-out nights were being booked.',
      'The immediate cause was a query rewrite that dropped the date clause when the filter used a new format.',
      'We killed the rewrite flag within the hour and cancelled the impossible bookings by hand.',
      'Every query rewrite now has to pass a replay of a day of production queries, and a rewrite that changes more than one percent of result sets is blocked.',
      'That replay has blocked three risky rewrites since.',
      'The lesson I took is that any optimisation of a query is a change to its meaning until proven otherwise.',
      'Side note, the partnerships team were great about it.',
    ]);
    expect(a.sentences.map((s) => s.layer)).toEqual([
      'headline',
      'detection',
      'attribution',
      'mitigation',
      'structural_fix',
      'structural_fix',
      'system_learning',
      'other',
    ]);
    expect(layerOf(a, 'We killed the rewrite flag')).toBe('mitigation');
  });
});

describe('tense and modality', () => {
  it('does not read a capability ("can be reversed") as a past restore', () => {
    expect(ids('Deletion now goes through a retention window, so a bad script can be reversed.')).not.toContain(
      'mitigation.restore',
    );
    expect(ids('We reversed the bad script’s deletions by hand.')).toContain('mitigation.restore');
  });

  it('reads a restore in the base form after "had to" as mitigation', () => {
    expect(strongest('Then we also had to manually purge the result cache.')).toBe('mitigation');
  });
});
