import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../../../src/core/analysis/schema';
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
    expect(a.rubric.layer_balance.level).toBe('weak');
    expect(a.rubric.structural_fix_specificity.level).toBe('weak');
    expect(a.rubric.system_learning.level).toBe('weak');
    expect(a.rubric.honesty_about_detection.level).toBe('weak');
    expect(a.constraints.mitigation_at_most_two_sentences.met).toBe(false);
    expect(a.constraints.detection_gap_or_prior_near_miss_owned.met).toBe(false);
    expect(a.commonFailures.polished_detection.detected).toBe(true);
    expect(a.commonFailures.mitigation_dominates.detected).toBe(true);
    expect(a.commonFailures.vague_structural_fix.detected).toBe(true);
    expect(a.commonFailures.skipped_system_learning.detected).toBe(true);
    expect(a.tier).toBe('senior');
    expect(a.feedback.topFixes.map((f) => f.id)).toEqual([
      'name_the_artifact',
      'shrink_mitigation',
      'honest_detection',
    ]);
  });

  it('grades a specific, proven, framework-tied fix with an applied lesson and an owned near-miss as L7', () => {
    const a = analyzeSentences(L7);
    AnalysisSchema.parse(a);
    expect(a.rubric.structural_fix_specificity.level).toBe('staff_bar');
    expect(a.rubric.system_learning.level).toBe('staff_bar');
    expect(a.rubric.honesty_about_detection.level).toBe('staff_bar');
    expect(a.rubric.layer_balance.level).toBe('staff_bar');
    expect(Object.values(a.constraints).every((c) => c.met)).toBe(true);
    expect(a.commonFailures.closed_past_event.detected).toBe(false);
    expect(a.tier).toBe('l7');
    expect(a.tierDetail.toReachNext).toBeNull();
  });

  it('backs every level with quotes and gives advice towards the next level', () => {
    const a = analyzeSentences(SENIOR);
    for (const r of Object.values(a.rubric)) {
      expect(r.advice.length).toBeGreaterThan(20);
      expect(r.nextLevel).toBe('passing');
    }
    expect(a.rubric.structural_fix_specificity.evidence[0]?.text).toContain('some more monitoring');
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

  it('builds an outline for the chosen length and asks about the weakest layer', () => {
    const a = analyzeSentences(SENIOR, { lengthSeconds: 120 });
    expect(a.feedback.outline.lengthSeconds).toBe(120);
    expect(a.feedback.outline.steps.reduce((n, s) => n + s.targetSeconds, 0)).toBe(120);
    expect(a.feedback.followUp.layer).toBe('mitigation');
    expect(analyzeSentences(L7).feedback.followUp.layer).toBe('detection');
  });
});
