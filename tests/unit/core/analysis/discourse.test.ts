import { describe, expect, it } from 'vitest';
import { discourseFeatures, toldAsEvent, toldAsPast } from '../../../../src/core/analysis/discourse';
import { normalize } from '../../../../src/core/analysis/normalize';

const features = (text: string) => discourseFeatures(normalize(text));

describe('what a sentence does, read from its form', () => {
  it('reads a plan as future and a lesson by its wording', () => {
    expect(features('We will add an alert on queue lag.')).toContain('t:future');
    expect(features('The lesson I took from it is to stage every schema change.')).toContain('tone:lesson');
    expect(features('We rolled back.')).not.toContain('t:future');
  });

  it('tells a plan someone will carry out from a claim about the future', () => {
    expect(features('We will add an alert on queue lag.')).toContain('t:plan');
    expect(features("Next quarter I'll move the payout limits into their own service.")).toContain('t:plan');
    expect(features('Our team will split the queue by tenant.')).toContain('t:plan');
    const claim = features('Any retry crossing a service boundary will eventually duplicate work.');
    expect(claim).toContain('t:future');
    expect(claim).not.toContain('t:plan');
  });

  it('reads who noticed, an action item written as an instruction, and a clock time', () => {
    expect(features('Customers reported blank receipts on Twitter.')).toEqual(
      expect.arrayContaining(['act:noticed', 'subj:users']),
    );
    expect(features('Add an alert on queue lag')).toEqual(expect.arrayContaining(['form:imperative', 'end:none']));
    expect(features('At 14:05 UTC the pager went off.')).toContain('q:clock');
    expect(features('We added an alert on queue lag.')).not.toContain('form:imperative');
  });

  it('tells an event from a participle that describes', () => {
    const event = (text: string) => toldAsEvent(normalize(text));
    for (const told of [
      'We rolled the release back.',
      'Bookings fell by a third over the morning.',
      'A security incident that affected some accounts.',
      'We are very sorry this happened.',
      'The primary has been restored from the snapshot.',
      'Then restarted the workers one by one.',
    ])
      expect(event(told), told).toBe(true);
    for (const described of [
      'The scheduler works like a distributed to-do list for the cluster.',
      'Every token is signed by the identity service and checked at the edge.',
      'A widely adopted rule of thumb is to keep three copies.',
      'Pair the breaker with a fallback such as cached prices.',
      'Alerts are routed to the owning team.',
      'Error budget spent: 40%.',
    ])
      expect(event(described), described).toBe(false);
    // The tense the layer model reads is broader: there the "-ed" of a participle is the past.
    expect(toldAsPast(normalize('Alerts are routed to the owning team.'))).toBe(true);
  });
});
