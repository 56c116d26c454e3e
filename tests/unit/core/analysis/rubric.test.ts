import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../../../src/core/analysis/schema';
import { analyzeTranscript } from '../../../../src/core/analysis/analyze';
import { transcriptFromText } from '../../../../src/core/transcript/from-text';
import { analyzeSentences } from './helpers';

const SENIOR = [
  'Our recommendation model started showing the same ten items to everyone for a weekend.',
  'Our monitoring caught it on Monday, once the merchandising team started asking why sales were down.',
  'A config change had set the candidate pool size to ten.',
  'We reverted the config and restarted the service.',
  'Then we re-ran the nightly candidate job.',
  'Then we backfilled the missing impressions and re-trained the ranker over the week.',
  'After that we added some more monitoring.',
];

const L7 = [
  'I led the search ranking team at a marketplace when query rewriting dropped conversion on mobile by four percent for three days.',
  'We did not catch it ourselves; sellers posted on the forum on the third day, and it was not the first warning, because a year earlier I had dismissed a smaller version as a one-off.',
  'The cause was a stemmer change in the platform team’s normalizer that our features depended on.',
  'We switched the old normalizer back on for our traffic within the day.',
  'The lasting change is a contract test in CI that fails the platform build if any normalizer change alters our top ten thousand queries, and the search on-call owns it.',
  'We also added per-category conversion alerts that page the search on-call within hours instead of the three days it took sellers.',
  'Both still run, and the contract test has blocked two normalizer changes since.',
  'That places this failure at Tier 2 of the Detection Latency Hierarchy.',
  'The general pattern is that any shared text normalizer is an implicit contract between teams that nobody thinks of as an interface.',
  'I have since applied that lens to our tokenizer and our spell-checker, and both now have contract tests owned by their consumers.',
];

describe('rubric, constraints, common failures and tier', () => {
  it('grades a mitigation-heavy story with polished detection and a vague fix as senior', () => {
    const a = analyzeSentences(SENIOR);
    expect(a.rubric?.layer_balance.level).toBe('weak');
    expect(a.rubric?.structural_fix_specificity.level).toBe('weak');
    expect(a.rubric?.system_learning.level).toBe('weak');
    expect(a.rubric?.honesty_about_detection.level).toBe('weak');
    expect(a.constraints.mitigation_at_most_two_sentences.met).toBe(false);
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
    expect(a.commonFailures.polished_detection.detected).toBe(true);
    expect(a.commonFailures.mitigation_dominates.detected).toBe(true);
    expect(a.commonFailures.mitigation_dominates.detail).toMatch(/of the story, more than any other layer\)/);
    expect(a.commonFailures.vague_structural_fix.detected).toBe(true);
    expect(a.commonFailures.skipped_system_learning.detected).toBe(true);
    expect(a.tier).toBe('senior');
    expect(a.feedback.topFixes.map((f) => f.id)).toEqual([
      'name_the_artifact',
      'shrink_mitigation',
      'honest_detection',
    ]);
  });

  it('does not say mitigation took over a story whose recovery was one short sentence and whose cause was most of it', () => {
    const a = analyzeSentences([
      'Our payroll export sent every salary file twice on the last Friday of the month, and two hundred people were paid double.',
      'The cause was a retry in the export job that did not check whether the bank had already accepted the file.',
      'The bank acknowledged files late that day because of a holiday backlog, so the job treated every slow acknowledgement as a failure.',
      'Each retry created a new file with a new reference, and the bank had no way to tell them apart from real payments.',
      'We rolled back to the previous export job within the hour.',
    ]);
    expect(a.rubric?.layer_balance.level).toBe('weak');
    expect(a.layers.mitigation.seconds).toBeGreaterThan(a.layers.structural_fix.seconds);
    expect(a.layers.attribution.seconds).toBeGreaterThan(a.layers.mitigation.seconds);
    expect(a.commonFailures.mitigation_dominates.detected).toBe(false);
    expect(a.feedback.topFixes.map((f) => f.id)).not.toContain('shrink_mitigation');
    expect(a.feedback.followUp.layer).toBe('structural_fix');
    expect(a.commonFailures.mitigation_dominates.detail).toMatch(/^Mitigation \d+ s \(\d+% of the story\) against 0 s/);
  });

  it('tells a story with neither a recovery nor a fix what is missing, not that its recovery outweighs its fix', () => {
    const a = analyzeSentences([
      'Last spring our ticket scanner app rejected valid tickets at two stadium gates for most of a match.',
      'A steward radioed the control room after the third angry fan showed a valid ticket that had been refused.',
      'The cause was a clock on the gate tablets that had drifted, so fresh ticket codes looked as if they came from the future.',
    ]);
    expect(a.layers.mitigation.seconds).toBe(0);
    expect(a.layers.structural_fix.seconds).toBe(0);
    expect(a.tier).toBe('senior');
    const said = [
      ...(a.tierDetail?.reasons ?? []),
      a.rubric?.layer_balance.reason ?? '',
      a.constraints.structural_fix_names_continuing_artifact.detail,
      ...Object.values(a.commonFailures)
        .filter((f) => f.detected)
        .flatMap((f) => [f.title, f.detail]),
    ].join(' ');
    expect(said).toMatch(/never reaches a structural fix/);
    expect(said).toMatch(/No structural fix at all/);
    expect(said).not.toMatch(/ends at mitigation|more of the story than the structural fix|vague|still in place/i);
  });

  it('does not call a fix a fraction of the length of the cause "similar time"', () => {
    const a = analyzeSentences([
      'Our invoice service emailed every customer a second copy of their monthly invoice on the first of March.',
      'The cause was a scheduler migration that left both the old cron host and the new job runner enabled for a night.',
      'Each of them read the same queue table, and neither took a lock, because the old host was supposed to be switched off by a ticket nobody closed.',
      'The migration checklist had a step for turning the old host off, but it was written as a reminder rather than a check, and the person who owned it had moved teams.',
      'We added a lock on the invoice queue so that only one runner can take a batch.',
    ]);
    expect(a.rubric?.layer_balance.level).toBe('passing');
    expect(a.layers.structural_fix.seconds).toBeLessThan(0.8 * a.layers.attribution.seconds);
    expect(a.rubric?.layer_balance.reason).toMatch(/^The structural fix \(\d+ s\) is shorter than the earlier parts/);
    expect(a.rubric?.layer_balance.reason).not.toMatch(/similar/);
  });

  it('asks once for the missing detection and does not say a story with no recovery stops at recovery', () => {
    const a = analyzeSentences([
      'Our booking site sold the same hotel room twice on about forty nights last summer.',
      'The cause was a cache of room availability that kept serving rooms for a minute after they were booked.',
      'That cache had been added a month earlier to make the search page faster.',
    ]);
    expect(a.layers.detection.sentences).toBe(0);
    expect(a.layers.mitigation.sentences).toBe(0);
    const fixes = a.feedback.topFixes;
    expect(fixes.filter((f) => f.dimension === 'honesty_about_detection')).toHaveLength(1);
    expect(fixes.map((f) => f.id)).toContain('add_detection');
    expect(fixes.find((f) => f.id === 'name_the_artifact')?.detail).toMatch(/stops before any lasting change/);
  });

  it('grades a specific, proven, framework-tied fix with an applied lesson and an owned near-miss as L7', () => {
    const a = analyzeSentences(L7);
    AnalysisSchema.parse(a);
    expect(a.rubric?.structural_fix_specificity.level).toBe('staff_bar');
    expect(a.rubric?.system_learning.level).toBe('staff_bar');
    expect(a.rubric?.honesty_about_detection.level).toBe('staff_bar');
    expect(a.rubric?.layer_balance.level).toBe('staff_bar');
    expect(Object.values(a.constraints).every((c) => c.met)).toBe(true);
    expect(a.commonFailures.closed_past_event.detected).toBe(false);
    expect(a.tier).toBe('l7');
    expect(a.tierDetail?.toReachNext).toBeNull();
  });

  it('backs every level with quotes and gives advice towards the next level', () => {
    const a = analyzeSentences(SENIOR);
    for (const r of Object.values(a.rubric ?? {})) {
      expect(r.advice.length).toBeGreaterThan(20);
      expect(r.nextLevel).toBe('passing');
    }
    expect(a.rubric?.structural_fix_specificity.evidence[0]?.text).toContain('some more monitoring');
  });

  it('fills the worksheet with quotes and marks what is missing', () => {
    const a = analyzeSentences(L7);
    const items = a.worksheet.flatMap((s) => s.items);
    expect(a.worksheet.map((s) => s.layer)).toEqual([
      'detection',
      'attribution',
      'mitigation',
      'structural_fix',
      'system_learning',
    ]);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId['detection.prior_near_miss']?.found).toBe(true);
    expect(byId['structural_fix.owner']?.quote?.text).toContain('owns it');
    expect(byId['system_learning.applied_elsewhere']?.quote?.text).toContain('tokenizer');
    const senior = analyzeSentences(SENIOR).worksheet.flatMap((s) => s.items);
    expect(senior.find((i) => i.id === 'structural_fix.artifact')?.found).toBe(false);
  });

  it('ties detection to the fix only once there is a fix', () => {
    const story = [
      'Last Friday a schema migration I ran locked the orders table and checkout failed for twenty minutes.',
      'I kicked it off and went to lunch.',
      'A customer emailed support that checkout was down, and support paged me.',
      'The migration had taken a table lock because it rewrote a column with a default.',
      'I killed the migration and checkout came back.',
    ];
    const a = analyzeSentences(story);
    expect(a.rubric?.honesty_about_detection.level).toBe('passing');
    expect(a.layers.structural_fix.sentences).toBe(0);
    expect(a.feedback.topFixes.map((f) => f.id)).not.toContain('connect_detection_gap');
  });

  it('builds an outline for the chosen length and asks about the weakest layer', () => {
    const a = analyzeSentences(SENIOR, { lengthSeconds: 120 });
    expect(a.feedback.outline.lengthSeconds).toBe(120);
    expect(a.feedback.outline.steps.reduce((n, s) => n + s.targetSeconds, 0)).toBe(120);
    expect(a.feedback.followUp.layer).toBe('mitigation');
    expect(analyzeSentences(L7).feedback.followUp.layer).toBe('detection');
  });
});

describe('layer balance near its threshold', () => {
  // Layers set by hand (as corrections do) so the proportions are exact.
  const lines: Array<[string, string]> = [
    ['headline', 'Our pricing service quoted stale fares on the mobile app for most of a long afternoon yesterday.'],
    ['detection', 'A travel agent phoned our support desk about the fares before any of our alerts fired.'],
    ['attribution', 'A cache key had dropped the currency, so fares in one currency were served in another.'],
    ['mitigation', 'We flushed the cache within the hour.'],
    ['structural_fix', 'Every cache key now carries the currency.'],
    ['structural_fix', 'A contract test fails any key without it.'],
    ['structural_fix', 'The fares on-call owns that test now.'],
  ];
  const text = lines.map(([, t]) => t).join('\n\n');
  const overrides = Object.fromEntries(lines.map(([l], i) => [i, l])) as Record<number, never>;

  it('counts a fix with clearly more sentences as dominant a little below the time ratio, without showing the ratio', () => {
    const a = analyzeTranscript(transcriptFromText(text), { segmentsAreSentences: true, layerOverrides: overrides });
    const early = Math.max(a.layers.headline.seconds, a.layers.detection.seconds, a.layers.attribution.seconds);
    const ratio = a.layers.structural_fix.seconds / early;
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.4);
    expect(a.rubric?.layer_balance.level).toBe('strong');
    expect(a.rubric?.layer_balance.reason).not.toMatch(/×|from \d/);
  });

  it('keeps it passing a little below the time ratio when detection, attribution and mitigation are all long', () => {
    const even: Array<[string, string]> = [
      ['headline', 'Our pricing service quoted stale fares on the mobile app for a long afternoon.'],
      [
        'detection',
        'A travel agent phoned our support desk about the fares, and our alert on the overall quote error rate never moved because stale fares are not errors at all.',
      ],
      [
        'attribution',
        'A cache key had dropped the currency in a refactor two weeks earlier, so fares computed in one currency were served to travellers paying in another one.',
      ],
      [
        'mitigation',
        'We flushed the whole fare cache within the hour, re-quoted the open baskets by hand and refunded the difference to every traveller who had paid a stale fare.',
      ],
      ['structural_fix', 'Every cache key now carries the currency, and a contract test fails any key without it.'],
      [
        'structural_fix',
        'The fares on-call owns that test, and it pages them within minutes if a single stale quote is ever served again.',
      ],
    ];
    const a = analyzeTranscript(transcriptFromText(even.map(([, t]) => t).join('\n\n')), {
      segmentsAreSentences: true,
      layerOverrides: Object.fromEntries(even.map(([l], i) => [i, l])) as Record<number, never>,
    });
    const early = Math.max(a.layers.detection.seconds, a.layers.attribution.seconds, a.layers.mitigation.seconds);
    const ratio = a.layers.structural_fix.seconds / early;
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.4);
    expect(a.rubric?.layer_balance.level).toBe('passing');
    // How close it is, in seconds to add rather than the engine's ratios and cut-offs.
    expect(a.rubric?.layer_balance.reason).toMatch(
      /About \d+ s more on the fix would make it clearly the longest part\./,
    );
    expect(a.rubric?.layer_balance.reason).not.toMatch(/×/);
  });
});
