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

describe('order, headings and asides', () => {
  it('takes an aside out of the story flow: it is Other and its neighbours keep their layers', () => {
    const a = analyzeSentences([
      'Our route planner sent delivery vans to a closed bridge for most of a Tuesday.',
      'Drivers kept phoning dispatch about it before any of our checks noticed.',
      'A map vendor had marked the bridge open after a data refresh.',
      'We pinned the previous map version that afternoon.',
      'By the way, the dispatch team were brilliant about the whole thing.',
      'Every map refresh now runs a diff against road closures, and a refresh that reopens a closed road is rejected.',
    ]);
    expect(layerOf(a, 'By the way')).toBe('other');
    expect(layerOf(a, 'We pinned the previous map')).toBe('mitigation');
    expect(layerOf(a, 'Every map refresh now')).toBe('structural_fix');
  });

  it('reads a short heading before a colon as a marker, wherever it sits', () => {
    const a = analyzeSentences([
      'Context: our translation service returned English for Polish requests for two days.',
      'Root cause: a language-code table had dropped the Polish entry in a refactor.',
      'What I took away: a lookup table that silently falls back to a default hides its own gaps.',
      'Resolution: we restored the table from the previous release.',
      'What we changed: the table loader now refuses to start when any configured language is missing.',
    ]);
    expect(layerOf(a, 'What I took away')).toBe('system_learning');
    expect(layerOf(a, 'What we changed')).toBe('structural_fix');
    expect(a.sentences[2]?.explicitMarker).toBe('system_learning');
  });

  it('does not read a change of practice ("stopped trusting") as a one-off restore', () => {
    const a = analyzeSentences([
      'Our nightly export silently wrote empty files for a week.',
      'The cause was a permissions change on the export bucket.',
      'We re-ran the exports by hand.',
      'We stopped trusting that an export exists and started checking that it loads: a job now restores every export into a scratch table and compares row counts.',
    ]);
    expect(layerOf(a, 'We stopped trusting')).toBe('structural_fix');
  });

  it('tells a closing remark from a lesson that starts with "that\'s the"', () => {
    const a = analyzeSentences([
      'Our search index served stale prices for a day.',
      'We rebuilt the index that evening.',
      'Every index build now checks price freshness before it is swapped in.',
      'That’s the part I would do differently: I should have asked for a freshness check a year earlier.',
      'Anyway, that’s the gist of it.',
    ]);
    expect(layerOf(a, 'That’s the part')).toBe('system_learning');
    expect(layerOf(a, 'that’s the gist')).toBe('other');
  });
});

describe('unusual order', () => {
  it('labels a lesson told right after detection as system learning when it says so', () => {
    const a = analyzeSentences([
      'Our speech model started transcribing Welsh place names as English words for a week.',
      'A council clerk emailed support with a list of mangled street names.',
      'The lesson I drew right then was that a pronunciation lexicon is an interface between teams, not a data detail.',
      'The cause was a lexicon update that dropped every Welsh entry.',
      'We rolled the lexicon back that afternoon.',
      'Every lexicon change now runs a regression set per language, and a change that drops entries is blocked.',
    ]);
    expect(layerOf(a, 'The lesson I drew')).toBe('system_learning');
    expect(layerOf(a, 'The cause was')).toBe('attribution');
  });
});
