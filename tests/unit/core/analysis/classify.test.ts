import { describe, expect, it } from 'vitest';
import { analyzeSentences, layerOf } from './helpers';

/** Small cases for each trap in the issue; none of these sentences come from the corpus. */
describe('layer classifier traps', () => {
  it('labels a line announced as "Structural fix" by what it describes (a hotfix → mitigation)', () => {
    const a = analyzeSentences([
      'At a food delivery company our ETA model underestimated delivery times by ten minutes for two days.',
      'Detection — restaurant partners complained to account managers before any alert fired.',
      'Attribution — a traffic feed vendor switched its speed units from km/h to mph without telling us.',
      'Mitigation — we switched the model back to the previous feed snapshot within the hour.',
      'Structural fix — we patched the unit conversion and re-ran the affected estimates the same afternoon.',
      'After that we added a unit contract at ingestion that now rejects any batch whose speeds fall outside the declared range, and it still runs today.',
    ]);
    const s = a.sentences.find((x) => x.text.startsWith('Structural fix —'));
    expect(s?.layer).toBe('mitigation');
    expect(s?.explicitMarker).toBe('structural_fix');
    expect(s?.evidence.some((e) => e.kind === 'marker_overruled')).toBe(true);
    expect(layerOf(a, 'unit contract at ingestion')).toBe('structural_fix');
  });

  it('honours a correct explicit marker', () => {
    const a = analyzeSentences([
      'I owned the checkout fraud model at a retailer.',
      'Detection — our per-country alert paged me within an hour.',
      'Attribution — a currency field started arriving in cents.',
    ]);
    const s = a.sentences[1];
    expect(s?.layer).toBe('detection');
    expect(s?.evidence[0]?.kind).toBe('explicit_marker');
  });

  it('handles a story that opens with the rollback and back-fills the headline and detection', () => {
    const a = analyzeSentences([
      'The first thing I did was roll the pricing model back to last week’s version, which took about fifteen minutes.',
      'The incident itself was that hotel prices in Japan were shown at a hundred times their real value for most of a morning.',
      'We only knew because a travel blogger posted screenshots and support escalated it to us.',
      'The cause was a currency library upgrade that dropped the minor-unit table for yen.',
      'We now run a currency contract test in CI that fails the build if any currency’s minor units change, and it has blocked one upgrade since.',
    ]);
    expect(a.sentences.map((s) => s.layer)).toEqual([
      'mitigation',
      'headline',
      'detection',
      'attribution',
      'structural_fix',
    ]);
    expect(a.timeline.outOfOrder.some((o) => o.layer === 'detection')).toBe(true);
  });

  it('treats an alert built afterwards that pages a team as a structural fix, a past page as detection', () => {
    const a = analyzeSentences([
      'Our search ranking model started burying new listings for three days.',
      'Our freshness alert paged me on the third morning.',
      'The root cause was a cache config change in the platform team’s repository.',
      'We reverted the config within an hour.',
      'The alert we built afterwards now pages the producer team whenever the share of fresh items drops by half.',
    ]);
    expect(layerOf(a, 'paged me on the third morning')).toBe('detection');
    expect(layerOf(a, 'The alert we built afterwards')).toBe('structural_fix');
  });

  it('labels where a lesson was reused as system learning even when it describes a new check', () => {
    const a = analyzeSentences([
      'Our billing model double-charged about two thousand customers for a day.',
      'Customers told support before any of our checks noticed.',
      'A retry in the payment client was not idempotent.',
      'We refunded everyone the same afternoon.',
      'Every payment call now carries an idempotency key, and a CI check rejects any client without one.',
      'The general pattern is that any retry crossing a service boundary will eventually duplicate work.',
      'I have applied that lens to our email sender and our ledger export, and both now refuse duplicate keys.',
    ]);
    expect(layerOf(a, 'I have applied that lens')).toBe('system_learning');
    expect(layerOf(a, 'The general pattern')).toBe('system_learning');
  });

  it('gives an announcement-only sentence the layer it introduces', () => {
    const a = analyzeSentences([
      'Our recommendations model went stale for a week.',
      'So, layer four.',
      'Every feature now has a freshness check that blocks training when data is older than a day.',
    ]);
    expect(a.sentences[1]?.layer).toBe('structural_fix');
  });

  it('labels greetings and wrap-ups as other', () => {
    const a = analyzeSentences([
      'Sure, let me tell you about the one I think about most.',
      'Our speech model got worse for Scottish English after a data refresh.',
      'We rolled back the same day.',
      'Yeah, that’s the story, happy to go deeper on any part.',
    ]);
    expect(a.sentences[0]?.layer).toBe('other');
    expect(a.sentences[3]?.layer).toBe('other');
  });

  it('gives every sentence a confidence, probabilities that sum to one, and readable evidence', () => {
    const a = analyzeSentences(['We rolled back within the hour.', 'We now gate every deploy on a golden set.']);
    for (const s of a.sentences) {
      const total = Object.values(s.probabilities).reduce((x, y) => x + y, 0);
      expect(total).toBeCloseTo(1, 2);
      expect(s.confidence).toBe(s.probabilities[s.layer]);
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) expect(e.text).toMatch(/^[A-Z].*[.]$/);
    }
  });
});
