/**
 * Cue phrases: the language that signals each layer, grouped by what it means (not by story).
 * Each cue adds `weight` to one layer's score for a sentence; the sequence decoder then weighs
 * these scores against the story's flow. `why` is shown to the user as evidence, so it says what
 * the phrase means for the layer in plain words.
 *
 * Matching runs on normalised text: lower case, straight apostrophes (see `normalize`).
 * Tense matters: a past "alert paged me" is how the team found out (detection), a present
 * "the alert pages the on-call" describes a lasting change (structural fix).
 */
import type { Layer } from './layers';
import { cue } from './cue';
import { buildIndex, candidates } from './dispatch';
import { FRAME_CUES } from './frames';
import { normalize } from './normalize';

export { normalize };

export interface Cue {
  id: string;
  layer: Layer;
  weight: number;
  re: RegExp;
  why: string;
  /**
   * Optional conditions on the words just before a match (tested on up to 80 characters ending
   * at the match, so they end with `$`): `before` must match, `notBefore` must not. Matching the
   * verb first and then looking back at its subject is much cheaper than a pattern that starts
   * at every subject-like word.
   */
  before?: RegExp;
  notBefore?: RegExp;
}

/** "I've since moved…", "we have since gone through…": what the speaker did after this incident. */
export const SINCE_APPLIED =
  "\\b(?:i've|we've|i have|we have) since (?:also )?(?:moved|applied|added|put|pulled|split|built|rolled out|brought|extended|made|gone through|taken|used|reused|changed|audited|reviewed|asked)\\b";
/**
 * Guard for remarks about the answer itself ("I'll use the inventory one"): once the sentence
 * says what happened (when, where, our…, a number) it is the headline, not a remark.
 */
const ANSWER_TALK_ONLY = '^(?!.*(?:\\b(?:when|where|our|we had|we were|went down|broke|started|failed)\\b|\\d))';
const WORD = "[\\w'-]+";
const NUM =
  '(?:\\d[\\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|a couple of|several|many)';
const UNIT = '(?:minutes?|hours?|days?|weeks?|months?|quarters?)';
const REPORTERS =
  '(?:customers?|clients?|users?|sellers?|merchants?|creators?|advertisers?|partners?|vendors?|store managers?|managers?|ops|operations|(?:the )?business|support|agents?|analysts?|engineers?|account management|someone|somebody|people|team leads?|moderators?|reviewers?|doctors?|drivers?|riders?|hosts?|guests?|listeners?|viewers?|readers?|patients?|shoppers?|buyers?|lawyers?|firms?|students?|teachers?|players?|another team|the \\w+ team|regulators?|press|journalists?|twitter|reddit)';
const REPORT_VERBS =
  '(?:reported|complained|complaints?|told (?:us|me|them)|asked (?:us|me|why|about|whether)|asking (?:why|about|whether)|calling|called (?:us|in|me|our|the)|emailed|tweeted|posted|escalated|raised (?:it|the alarm|a flag|a ticket|an issue)|flagged it|filed (?:a |an )?(?:ticket|bug|complaint)|forwarded|tickets?|screenshots?|reviews?|one-star|noticed|saying|pinged (?:us|me))';

/** A capability or a rule, not a past action: "can be reversed", "would have rolled back", "to restart". */
const MODAL_BEFORE =
  "\\b(?:can|could|would|will|should|must|may|might|can't|cannot|to|is|are|be|been|being|automatically)(?: (?:be|have|easily|always|quickly|simply|now))? ";

export const CUES: readonly Cue[] = [
  // ------------------------------------------------------------------ headline
  cue(
    'headline.role',
    'headline',
    1.4,
    `\\b(?:i was (?:the|a|an|on|leading|running|responsible)|i (?:owned|led|ran|managed|worked on)|in my (?:last|previous|current|first) (?:role|job|team|company)|at (?:a|an|my|our|the) (?:${WORD}[- ]){0,3}(?:company|startup|job|bank|marketplace|lab|retailer|platform|issuer|provider|firm)\\b|we (?:had|ran|run|have|built) (?:a|an|the) (?:${WORD}[- ]){0,4}(?:model|system|service|pipeline|classifier|assistant|app|product|feature)\\b(?! that now))`,
    'sets the scene: your role and the system',
  ),
  cue(
    'headline.impact',
    'headline',
    1.0,
    `(?:\\$\\s?\\d[\\d,.]*(?:k|m|bn)?|\\b\\d[\\d,.]*\\s?(?:%|(?:percent|million|billion|k)\\b)|\\b\\d[\\d,]{2,} (?:[\\w']+ )?(?:users|customers|people|accounts|orders|transactions|requests|applications|sellers|merchants|patients|drivers|riders|listings|items|payments|messages|emails|calls|quotes|claims|devices|sites|stores|files|records|tickets|refunds|sessions|bookings|rides|trips|videos|uploads|documents|descriptions)\\b|\\b(?:affected|impacted) [\\w-]+ (?:were|was) (?:about |roughly )?\\d|\\bmillions?\\b|\\b(?:fell|dropped|rose|spiked|jumped|slipped|climbed|increased|decreased|doubled|tripled|halved|went (?:up|down)) (?:by |from |to )?(?:about |roughly |almost |nearly |over |under |something like )?(?:\\d|${NUM} (?:points|percent))|\\b(?:lost|losing) (?:bookings|revenue|money|customers|users|traffic)|write-?offs?|\\bturned down\\b|\\boverpaid\\b|\\boutage\\b|\\bwent down\\b|\\b(?:affected|impacted) (?:about |roughly |some )?\\d)`,
    'states the impact',
  ),
  cue(
    'headline.incident',
    'headline',
    1.5,
    `\\b(?:the incident (?:itself |behind (?:it|that|this) )?(?:was|is|:)|the incident behind|the (?:worst|most (?:serious|significant|painful)) (?:incident|night|outage|failure)|\\b(?:it|model|system|classifier|assistant|app|service|ranker|api|site|feed|search|pricing|translation|recommendations?) (?:had |has )?started (?:\\w+ing)|(?:problem|issue|incident) was that (?:our|the) |stopped (?:catching|working|serving|returning|showing|sending)|for (?:about |roughly |nearly |almost )?${NUM} ${UNIT} (?:it|we|our|the|users|customers))`,
    'says what went wrong and for how long',
  ),
  cue(
    'headline.duration',
    'headline',
    0.7,
    `\\bfor (?:about |roughly |nearly |almost |most of )?(?:${NUM} ${UNIT}|a whole \\w+|the whole \\w+)\\.?$`,
    'says how long the failure lasted',
  ),
  cue(
    'headline.scene',
    'headline',
    0.8,
    `^(?:so,? )?(?:(?:one|last|that) (?:spring|summer|fall|autumn|winter|week|night|day|year|quarter)|q[1-4] (?:last|this) year|a (?:few|couple of) (?:years|months) ago|back (?:in|when)|on (?:a|an|the|our) [\\w-]+)`,
    'sets the scene',
  ),

  // ------------------------------------------------------------------ detection
  cue(
    'detection.found_out',
    'detection',
    2.0,
    `\\b(?:found out|find out|found (?:it|this|the (?:issue|problem|bug)) (?:through|via|from|because|when|in)|learn(?:ed|t) (?:about|of) (?:it|this|the (?:issue|problem|incident|bug|regression|drop))|first (?:heard|learned|noticed|saw|signal)|the first (?:i|we|anyone) (?:heard|knew|saw|learned)|became aware|how we (?:actually )?(?:found out|learned|noticed|caught|knew)|the way we (?:found out|learned|noticed|caught)|(?:only |first )?knew (?:because|when|from|about it)|came to (?:our|my) attention|(?:noticed|spotted|caught|reported|flagged) (?:it|this|the \\w+) (?:before we did|before us|first)|before (?:we|our (?:monitoring|alerts?|dashboards?)) did|tipped (?:us|me) off|(?:we|i|they|nobody|no one|someone) (?:first )?(?:noticed|spotted|discovered that|caught (?:it|this|the \\w+)))`,
    'says how the team found out',
  ),
  cue(
    'detection.external_report',
    'detection',
    1.6,
    `\\b${REPORTERS}\\b.{0,80}\\b${REPORT_VERBS}`,
    'someone outside the team noticed or reported it',
  ),
  cue(
    'detection.alert_fired',
    'detection',
    1.2,
    `\\b(?:alerts?|alarms?|monitors?|monitoring|dashboards?|pager|slo|metrics?|holdout|readout|canary|report|graphs?|anomaly detection)\\b.{0,50}\\b(?:fired|went off|triggered|paged (?:me|us|the|our|someone)|(?<!has |have )caught|showed|flagged|picked (?:it|this) up|alerted|detected|spotted|lit up|dipped|crept up|came in (?:low|high))\\b`,
    'an alert, dashboard or report is what showed it',
  ),
  cue(
    'detection.paged_me',
    'detection',
    1.2,
    `\\b(?:paged|woke) (?:me|us)\\b|\\bgot paged\\b|\\bi was on-?call\\b`,
    'someone was paged or pinged about it',
  ),
  cue(
    'detection.latency',
    'detection',
    1.2,
    `\\b(?:${NUM} ${UNIT} (?:in\\b|into it|after (?:it|that|(?:the|our) (?:[\\w-]+ ){0,3}?[\\w-]+) (?:began|started|went out|went live|launched|shipped|rolled out|deployed))|took (?:us )?${NUM} ${UNIT} to (?:notice|detect|find|see|spot)|(?:unnoticed|undetected|unseen) for (?:about |roughly |nearly )?${NUM} ${UNIT}|detection latency|time to detect|(?:on|by) the (?:second|third|fourth|next) (?:morning|day)|(?:the )?same day it (?:started|began))`,
    'says how long it was live before anyone saw it',
  ),
  cue(
    'detection.blind_spot',
    'detection',
    1.5,
    `\\b(?:(?:dashboards?|metrics?|monitoring|alerts?|everything|numbers?|graphs?|engagement|it all) (?:\\w+ )?(?:looked|were|was|stayed|remained|showed|had been|been) (?:\\w+ )?(?:healthy|green|normal|fine|flat)|(?:looked|stayed|seemed|remained|was|were) (?:\\w+ )?(?:normal|healthy|green|fine|flat) (?:the whole time|throughout|all along|the entire time|the whole way)|(?:never|didn't|did not) (?:left|leave|crossed|cross|broke|tripped|trip|moved|move)|(?:inside|within) (?:the |its )?(?:alert )?(?:threshold|band)|(?:inside|within|in|below|under|lost in) (?:the |its |our )?(?:normal |usual |daily |nightly |overnight |weekly |background |day-to-day )*(?:noise|variance|variation|jitter|fluctuations?)\\b|(?:we|i) did have (?:[\\w'-]+ ){0,4}(?:monitoring|telemetry|alerts?|alerting|dashboards?|metrics|checks?)\\b,? but|barely moved|diluted|(?:global|overall|aggregate|top-?line|average) (?:number|metric|rate|dashboard|approval rate|conversion|accuracy)s?|paged no ?one|only (?:got )?(?:computed|ran|run|checked|measured|updated|refreshed) (?:once|weekly|daily|monthly|at the end)|only wrote to a dashboard|nothing (?:fired|alerted|paged)|no alert (?:fired|went off)|didn't (?:fire|alert|page)|(?:we|our \\w+|it) did not (?:catch|detect|notice)|(?:we|our \\w+) didn't (?:catch|detect|notice)|wasn't (?:caught|detected|noticed)|not through (?:any|an|our)|rather than (?:from |through |by )?(?:our|any) |can(?:'t|not) claim|not (?:by|from) (?:our|any) (?:alert|monitor|dashboard|check))`,
    'explains why monitoring did not catch it',
  ),
  cue(
    'detection.near_miss',
    'detection',
    2.2,
    `\\b(?:(?:wasn't|was not|isn't|is not) the first (?:time|warning|sign|signal)|the (?:second|third) time (?:the same|this|we'd|we had|it)|near-?miss|warning (?:sign|signal)|(?:${NUM} )?(?:months?|weeks?|years?|a year) (?:earlier|before|prior)|had happened before|we'd seen (?:this|it|the same)|(?:i|we) (?:wrote it off|dismissed it|ignored it|accepted it|closed the ticket|brushed it off|didn't push|underweighted it|treated it as a one-?(?:off|time))|as a one-?(?:off|time)|i (?:also )?have to own|should back up)`,
    'an earlier warning or near-miss',
  ),
  cue(
    'detection.noticed',
    'detection',
    1.3,
    `\\b(?:noticed|spotted|picked up on|caught on to) (?:it|this|that|the|a|an|something|our)\\b`,
    'someone noticed the problem',
  ),
  cue(
    'detection.word',
    'detection',
    0.8,
    `\\b(?:detect(?:ed|ion)?|noticed|noticing)\\b(?! latency hierarchy)`,
    'talks about noticing the problem',
  ),

  // ------------------------------------------------------------------ attribution
  cue(
    'attribution.cause',
    'attribution',
    2.0,
    `\\b(?:root cause|the (?:actual |real |underlying )?cause|caused by|the culprit|came down to|traced (?:it |this |the \\w+ )?(?:back )?to|turned out|it turns out|the reason (?:was|it|why|is)|what (?:had )?(?:actually )?happened (?:was|is)|the (?:actual |real |underlying |root )(?:problem|issue|bug|mistake|error|failure) was|the (?:bug|mistake|error) was|the bug was|a bug in|was a (?:[\\w-]+ )?bug|the (?:weird|interesting|tricky|subtle) part)`,
    'names the cause',
  ),
  cue(
    'attribution.prior_change',
    'attribution',
    1.5,
    `\\b(?:had|'d) (?:been )?(?:silently |quietly |accidentally |just |recently )?(?:changed|switched|swapped|rolled out|refactored|raised|lowered|started|moved|backfilled|migrated|introduced|removed|dropped|renamed|updated|upgraded|deployed|shipped|pushed|merged|cloned|copied|skipped|filled|defaulted|broken|stopped|turned on|turned off|enabled|disabled)\\b`,
    'a change someone had made before it broke',
  ),
  cue(
    'attribution.mechanism',
    'attribution',
    0.9,
    `\\b(?:fell back (?:on|to)|so (?:the model|it|they|those|our|the \\w+) (?:\\w+ )?(?:read|saw|learned|treated|looked|leaned|predicted|thought|interpreted|never|only|just|stopped|fell)|(?:looked|look|looks) like (?:a|an|it|they|accounts|every)|was read as|(?:were|was) treated as|read (?:-?\\w+ )?as a|mismatch|(?:didn't|did not|doesn't|does not) (?:apply|match|handle|account for|normali[sz]e)|without (?:a |any )?(?:normali[sz]ation|coordination|review|notice|validation|a signal)|silently|quietly|defaulting|defaulted|(?:filled|fill) (?:missing|null)|sentinels?|encoding|parsing bug|off-by-one|race condition|label leakage|leak(?:ed|ing)? (?:through|into)|upstream|producer-side|at serving time|on paper|the weights were|behaving correctly|close to random|(?:wasn't|was not|isn't) (?:the model|comparable)|(?:model|it) was (?:fine|correct)|(?:got|slipped|went) through (?:review|testing|the canary|ci)|(?:our |the )?(?:offline )?eval(?:uation)? set had)`,
    'explains the mechanism of the failure',
  ),
  cue(
    'attribution.failure_mode',
    'attribution',
    0.8,
    `\\b(?:(?:ran|running|run) out of (?:memory|disk|capacity|quota)|out-of-memory|\\boom\\b|memory leak|deadlock|(?:were|was) (?:filling|exhausting|saturating|dropping|timing out|overloading)|saw nothing unusual|thundering herd|retry storm|cache stampede)`,
    'describes how the system failed',
  ),
  cue(
    'attribution.ownership',
    'attribution',
    1.0,
    `\\b(?:the bug was in|in code (?:my|our) team wrote|(?:belonged|belongs) to (?:my|our|their|the [\\w']+|another) (?:own )?team|(?:within|inside) our (?:team's )?(?:surface|code)|on (?:our|their) side|(?:their|the platform team's|another team's|the \\w+ team's) (?:code|change|deploy|pipeline|repo(?:sitory)?|config)|lived in the \\w+ repo|nobody on (?:the|our) \\w+ team reviewed)`,
    'says whose system the cause was in',
  ),
  cue(
    'attribution.because',
    'attribution',
    0.4,
    `\\b(?:because|since the|which meant|meaning that|therefore|as a result)\\b`,
    'explains why it happened',
  ),

  // ------------------------------------------------------------------ mitigation
  cue(
    'mitigation.restore',
    'mitigation',
    1.8,
    `\\b(?:roll(?:ed|ing)? (?:${WORD} ){0,3}back(?! automatically)|revert(?:ed|ing)?|hot-?fix(?:ed)?|patched|flush(?:ed)?|restarted|failed over|drained|paused|halted|(?:disabled|turned off|switched off)(?! by default)|kill switch|(?:switched|pointed|put|moved|pinned|set) (?:${WORD} ){0,5}back|pin(?:ned)? (?:${WORD} ){0,4}to (?:the )?(?:old|previous|prior|last)|capped|throttled|rate-?limited|scaled (?:it |them )?up|added replicas|borrowed (?:capacity|gpus|machines)|re-?decided|re-?scored|re-?processed|re-?ran|purged|cleaned up|cleared (?:the|out)|manual(?:ly)? (?:reversal|reversed|fixed|cleaned|corrected)|reversed|refunded|re-?issued|issued (?:the )?(?:refunds|increases|credits)|honou?r(?:ed)? (?:the|those|them|\\d)|apologi[sz]\\w*|(?:posted|put up|updated|published|wrote) (?:a |an |the |our )?(?:\\w+ )?status[- ]page|notif(?:ied|y) (?:the )?(?:affected )?(?:users|customers|regulators?|partners)|force-?stop|hand-?boost(?:ed)?|marked down|stopped the (?:bleeding|overcharging|complaints|damage)|restored|recovered|mitigated|stabili[sz]ed|workaround|stop-?gap|band-?aid)`,
    'restores service (rollback, revert, hotfix, cleanup)',
    { notBefore: MODAL_BEFORE },
  ),
  cue(
    'mitigation.aftermath',
    'mitigation',
    1.6,
    `\\b(?:days|hours|weeks|a week|a day|a night) of (?:unwinding|cleanup|cleaning up|clean-up|reconcil\\w+|recovery|firefighting|backfilling|refunds?|manual (?:\\w+ )?(?:work|fixes|corrections|review))\\b`,
    'the clean-up after service came back',
  ),
  cue(
    'mitigation.time',
    'mitigation',
    1.0,
    `\\b(?:within (?:the |an |about |roughly |the same |a )?(?:hour|day|afternoon|minutes|\\d+ (?:minutes|hours))|(?:took|in) (?:about |maybe |roughly |under |less than )?(?:${NUM} )?(?:minutes|an hour|a day|hours)(?! instead)|by (?:about )?\\d+(?::\\d+)? ?(?:a\\.?m|p\\.?m)|by (?:about )?\\d{1,2}:\\d{2}\\b(?:,? (?:no|the|every|all|errors?|traffic|service))?|no (?:new|more|further) (?:[\\w-]+ ){0,3}(?:were|was) (?:being )?(?:posted|created|written|sent|served|shown|charged|failing|dropped|coming in)|that (?:same )?(?:afternoon|night|evening)|the same (?:day|afternoon|night)|error rate (?:fell|dropped|was back|started to fall|recovered)|back (?:to|under) (?:normal|baseline|where it was|our)|came back (?:to|up)|went back to normal|time to (?:mitigat|recover|restore)\\w*|(?:restoring|recovery|restoration|the restore|the rollback|the cleanup|recovering|the backfill) (?:\\w+ )?took)`,
    'says how fast service came back',
  ),
  cue(
    'mitigation.people',
    'mitigation',
    1.0,
    `\\b(?:(?:pulled|got|brought|looped|roped) (?:${WORD} ){0,5}(?:in|into|onto|on (?:the|a) call|in a room)\\b|worked with (?:the )?\\w+ (?:team|folks|lead) to|on (?:calls|a call|the bridge) with|war ?room|incident (?:channel|bridge|commander))`,
    'brings people in during the incident',
  ),
  cue(
    'mitigation.temporary',
    'mitigation',
    1.1,
    `\\b(?:temporary|temporarily|in the meantime|while we (?:investigated|debugged|figured)|(?:the )?first thing(?:,? (?:uh|um))?,? (?:i|we)\\b|the fastest thing|as a (?:quick|short-term) (?:fix|measure)|to stop the bleeding|immediate(?:ly)?|for now|until (?:we|the fix))`,
    'a stop-gap during the incident',
  ),
  cue(
    'mitigation.decision',
    'mitigation',
    1.2,
    `\\b(?:(?:didn't|did not|chose not to|decided not to|no need to) (?:retrain|roll back|revert|touch the model|redeploy)|made the (?:rollback |revert )?call to|i made the call)`,
    'a decision taken during the incident',
  ),
  cue(
    'mitigation.retrain_restore',
    'mitigation',
    0.9,
    `\\b(?:retrained|re-?trained) (?:${WORD} ){0,6}(?:over|and|with|without|on)\\b|\\bshipped (?:a|an) (?:app update|fix|patch|hotfix)\\b|\\bfixed the (?:bug|parser|feature|config)\\b|\\bdeployed (?:a|the) fix\\b`,
    'repairs this occurrence',
  ),

  // ------------------------------------------------------------------ structural fix
  cue(
    'structural.never_again',
    'structural_fix',
    2.0,
    `\\b(?:(?:so|to make sure|to ensure|making sure|ensure) (?:that )?(?:this|it|that|the same thing|nothing like (?:this|that))(?: \\w+){0,3} (?:can't|cannot|couldn't|won't|wouldn't|never|doesn't|does not|would not|will not) (?:happen|recur|ship|get|reach|slip)|can't happen again|never happens again|(?:the|a) lasting change|so (?:the )?(?:failure|this) class|hard(?:er)? to ship|(?:a|the) fix that would (?:actually )?hold|make (?:that|this) (?:kind|class) of)`,
    'aims to stop this class of failure for good',
  ),
  cue(
    'structural.announce',
    'structural_fix',
    1.8,
    `\\b(?:what i spent (?:the )?(?:next|following) (?:month|quarter|weeks|months)|(?:spent|spend) (?:most of )?(?:the )?(?:next|following) (?:month|quarter|weeks|months|year)|(?:impossible|hard|harder) to (?:ship|happen|recur|repeat)|most of my (?:effort|time) (?:afterwards|after|went)|the (?:part|bit) i (?:actually |really )?want to (?:spend time on|talk about|focus on)|the (?:part|bit) i'?d (?:actually |really )?(?:spend|focus|dwell)(?: [\\w']+){0,4} on|what (?:we |i )?changed (?:after|afterwards|since|for good)|the (?:real|lasting|bigger|structural|long-term) (?:fix|change)|the (?:[\\w']+ )?(?:structural|lasting|long term|permanent) (?:fix|change|piece|part)|the (?:fix|change) that (?:mattered|matters|counted|counts)|closing (?:that|the) (?:gap|blind spot|hole)|the (?:first|second|third|other) (?:piece|change|fix|part) (?:was|is)|(?:is|was) about,? (?:about )?the \\w+ (?:days|hours))`,
    'introduces the lasting change',
  ),
  cue(
    'structural.now',
    'structural_fix',
    1.0,
    `\\b(?:(?:is|are) now|now (?:has|have|runs?|requires?|blocks?|pages?|checks?|reads?|records?|uses?|goes|passes|lives?|owns?|sits?|fails?|gets?|draws?|includes?|covers?|stratifies|prevents?|stops?|forbids?|disallows?|rejects?|refuses?|limits?|caps?|guarantees?|ensures?|tolerates?|enforces?|expire|expires)|every (?:${WORD} ){0,4}(?:now|must|has to|have to|is required)|(?:going forward|from now on|ever since|these days|today)\\b)`,
    'describes how things work now',
  ),
  cue(
    'structural.system_present',
    'structural_fix',
    1.3,
    `\\b(?:blocks? (?:the |any |a |every )?(?:deploy|launch|release|rollout|promotion|merge|build|job|run|model)|fails? (?:the run|closed|the build|on any|if)|(?:the )?(?:run|build|deploy|launch) (?:is |gets )?blocked|can(?:'t|not) (?:be promoted|go out|reach production|ship|merge|deploy) (?:unless|until|if|without)|halts? the (?:rollout|deploy)|rolls? back automatically|rejects? any|refuses? (?:any|to)|quarantin(?:es?|ed) (?:before|any|the batch)|pages (?:the |our |us\\b|a )?(?:[\\w-]+ )?(?:on-?call|team|owner|us)|would page us|alerts (?:the|us)|is (?:required|mandatory)|are (?:required|mandatory)|required to use|needs? (?:a |an )?(?:sign-?off|review|approval) from|checks? at startup|before a single)`,
    'describes a safeguard that acts on its own',
  ),
  cue(
    'structural.artifact',
    'structural_fix',
    1.0,
    `\\b(?:release gate|launch gate|promotion gate|quality gate|(?:a |the |its own )gate\\b|ci (?:check|test|job|gate)|pre-?merge|parity test|regression test|contract test|(?:a |the |value-domain |data |schema |explicit )contracts?\\b|runbook|playbook|checklist|guardrails?|codeowners|code owners|registry|canary (?:cohort|controller)|stratified|rollout controller|schema (?:check|validation|registry)|validation (?:step|check)|golden set|fixtures|leakage check|shuffle check|coverage (?:table|threshold)|version(?:ed|ing)|version pinning|point-in-time|circuit breaker|kill switch|sign-?off|on-?call rotation|slos?\\b|alerting|per-[\\w-]+ (?:alerts?|alerting|checks?|metrics?|guardrails?)|alerts? (?:on|keyed|at|for each|per)|freshness (?:metric|alert)|groundedness check|(?:a|the) (?:daily|nightly|weekly|hourly) (?:check|job|audit))`,
    'names a lasting safeguard (gate, check, contract, runbook, alert)',
  ),
  cue(
    'structural.still_running',
    'structural_fix',
    2.0,
    `\\b(?:(?<!was |were |had been )still (?:runs?|running|in production|in place|in the pipeline|live|active|enforced|in use|there|today|on)|(?:both|all (?:three|two|\\d+|of them)|it) (?:are |is )?still|have run on every|has run on every|(?:is|are) still running|continues to run)`,
    'says the change is still running',
  ),
  cue(
    'structural.caught_since',
    'structural_fix',
    2.0,
    `\\b(?:(?:has|have|had) (?:since |already |now )?(?:caught|blocked|fired|flagged|halted|stopped|quarantined|prevented|rejected|saved|been (?:invoked|triggered|tripped))|(?:caught|blocked|fired|halted|flagged|stopped|quarantined|prevented|rejected|invoked|tripped) (?:${WORD} ){0,8}(?:since|later|last (?:quarter|year|month)|before (?:it|they|either) (?:ever )?(?:merged|shipped|deployed|touched|reached|got)|in (?:its|the) first)|subsequent (?:regressions|incidents|failures|issues)|in the (?:${WORD} ){0,2}(?:months|quarters|years|weeks) since|since (?:then|launch),? it)`,
    'says what the change has caught since',
  ),
  cue(
    'structural.artifact_caught',
    'structural_fix',
    1.8,
    `\\b(?:alert|check|gate|test|canary|contract|guardrail|monitor|fixtures?|pinning|registry|version check|page)s? (?:${WORD} ){0,2}(?:caught|blocked|fired|halted|flagged|stopped|quarantined|prevented|rejected) (?:a|an|another|the next|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\\d+)\\b`,
    'says what the change has caught since',
  ),
  cue(
    'structural.owner',
    'structural_fix',
    1.2,
    `\\b(?:owns (?:the|that|it|this)|(?:is |are )?owned by|single owner|(?:got|gets|has|have|now has) (?:a |an )?(?:named |single |clear )?(?:owner|dri)\\b|the owner of|now owns?|ownership (?:of|moved|doesn't)|team owns|records an owner)`,
    'names who owns it going forward',
  ),
  cue(
    'structural.built_after',
    'structural_fix',
    1.4,
    `\\b(?:afterwards?|after that|after the incident|after this|post-?incident|the following (?:month|quarter|weeks)|the next quarter|since then we|as a follow-?up)\\b.{0,80}\\b(?:added|built|shipped|introduced|created|set up|wrote|put in|moved|replaced|rebuilt|changed|made|required|improved|adopted|implemented|agreed)|\\b(?:we|i) (?:added|built|shipped|introduced|created|set up|wrote|put in place|instituted|adopted|implemented|rebuilt|replaced)\\b.{0,80}\\b(?:afterwards?|after that|after the incident|since)\\b`,
    'a change made after the incident',
  ),
  cue(
    'structural.change_verb',
    'structural_fix',
    0.6,
    `\\b(?:we|i) (?:also )?(?:added|built|shipped|introduced|created|set up|wrote(?! (?:it |that |them )?off)|instituted|adopted|implemented|rebuilt|replaced|moved|made|gave|deleted|required|changed|revised|reworked|rewrote|overhauled|redesigned|formali[sz]ed|standardi[sz]ed|automated|invested in|committed to)\\b(?! (?:${WORD} ){0,3}back\\b)`,
    'describes a change the team made',
  ),
  cue(
    'structural.vague',
    'structural_fix',
    1.6,
    `\\b(?:(?:more|some|better|extra|additional|a lot more|some more|lots of) (?:monitoring|checks|tests|testing|alerts|alerting|safeguards|validation|guardrails|reviews?|dashboards|observability)|improved (?:our|the) (?:\\w+ )?(?:planning|monitoring|testing|process|alerting)|(?:be|being) more careful|more careful with)`,
    'mentions a follow-up change (but only vaguely)',
  ),
  cue(
    'structural.future',
    'structural_fix',
    1.3,
    `\\b(?:we will|we'll|we're going to|we are (?:now )?(?:adding|building|introducing|implementing|moving|rolling out|working on)|action items?|follow-?up items?|remediation items?|corrective actions?)\\b`,
    'a planned change to prevent recurrence',
  ),
  cue(
    'structural.framework',
    'structural_fix',
    1.0,
    `\\b(?:tier [0-9]\\b|latency hierarchy|observability hierarchy|ownership model|framework)`,
    'ties the fix to a named framework',
  ),

  // ------------------------------------------------------------------ system learning
  cue(
    'learning.lesson',
    'system_learning',
    1.6,
    `\\b(?:lessons?\\b|learn(?:ed|t)(?! (?:about|of) (?:it|this|the (?:issue|problem|incident|bug|regression|drop)))\\b|learnings?|takeaways?|took away|came away|taught (?:me|us)|take (?:away )?from (?:this|it|that)|what i (?:understood|realized|realised|took|learned)|understood afterwards|i realized|i realised|i came to see|once i saw it)`,
    'draws a lesson',
  ),
  cue(
    'learning.meta',
    'system_learning',
    2.0,
    `\\b(?:the (?:deeper|bigger|broader|general|real|main|key|core|underlying|meta) (?:lesson|observation|point|pattern|insight|learning|takeaway|thing)|the (?:general |same |broader )?pattern (?:is|was|here)|class of (?:failure|bug|problem|incident|mistake) is|the failure class|failure class is|meta-?observation|the system learning|what (?:that|this|the) (?:incident|outage|failure|experience|whole thing) taught)`,
    'names the general pattern behind the failure',
  ),
  cue(
    'learning.applied',
    'system_learning',
    1.8,
    `\\b(?:(?:i've|we've|i have|we have|i|we) (?:since |now |also )?(?:applied|used|brought|taken|put|carried|extended|reused|rolled out) (?:that|this|the same) (?:lens|lesson|question|idea|observation|pattern|thinking|approach|audit)|applied (?:it|that|this|them) (?:to|across|well outside|elsewhere|twice|three times|\\d+ times)|(?:went|go|going) looking for (?:other|similar|the same)|we found (?:two|three|four|several|\\d+|more|others|the same)|turned up|(?:two|three|four|several|\\d+) other (?:systems|pipelines|teams|places|feeds|services|contracts|models|areas)|across (?:all|the rest of|every|our other) |well outside|elsewhere in|in design reviews|(?:the )?first question i ask|sit behind the same|(?:has|have) grown into|(?:now )?(?:both|all three) (?:are|sit|report|stratif))`,
    'applies the lesson to other parts of the system',
  ),
  cue(
    'learning.lens',
    'system_learning',
    1.8,
    `\\b(?:i (?:now|always|still) (?:ask|audit|look|treat|check|read|assume|start|think|push|question|insist|review)|now,? for me|changed how i|(?:the|an|my) (?:audit )?lens|lens through which|the way i (?:think|look)|i (?:look|ask) for|proactively)`,
    'an audit lens you now use',
  ),
  cue(
    'learning.same_safeguard_elsewhere',
    'system_learning',
    2.2,
    // Putting "the same check" somewhere else is the lesson applied elsewhere, even though the
    // sentence describes a new safeguard.
    `\\b(?:added|put|built|used|applied|wired|rolled out|copied|ported|set up|reused|adopted|run|runs|ran) (?:[\\w'-]+ ){0,3}the same (?:[\\w-]+ ){0,3}(?:checks?|contracts?|tests?|guards?|gates?|alerts?|canar(?:y|ies)|rules?|diffs?|lints?|validators?|audits?|recounts?|drills?|safeguards?|reconciliations?)\\b`,
    'puts the same safeguard on another system',
  ),
  cue(
    'learning.went_looking',
    'system_learning',
    2.0,
    `\\b(?:went|go|going|started) (?:looking|hunting|searching|digging|auditing) (?:for|through|across) (?:other|similar|the same|more|every|all (?:the|our))\\b`,
    'looks for the same failure elsewhere',
  ),
  cue(
    'learning.since_applied',
    'system_learning',
    1.6,
    // "I've since moved the payout caps in our affiliate system…": what the speaker has done
    // since, beyond this incident's own fix, is where the lesson went next.
    SINCE_APPLIED,
    'says where the lesson has gone since',
  ),
  cue(
    'learning.hindsight',
    'system_learning',
    2.0,
    `\\b(?:what i'?d (?:do|change) differently|(?:do|done) (?:one thing |it |anything |things )?differently|what i'?d change|i should (?:have|'ve)|should've|i shouldn't have|in hindsight|looking back|if i'?d do|if i had to (?:name|do|pick)|i wish (?:i|we)|the part i'?d do differently|if i (?:did|were doing|had to do|could do|were to do|ran) (?:it|this|that|the \\w+) (?:all )?(?:again|over)|(?:if|were) i (?:to )?(?:start(?:ed)?|began) (?:it |this |that )?(?:again|over)|next time,? i(?:'d| would| will)|given a do-?over|with (?:the )?benefit of hindsight)`,
    'what you would do differently',
  ),
  cue(
    'learning.general_claim',
    'system_learning',
    1.4,
    `\\b(?:(?:any|every) [\\w-]+(?: [\\w-]+){0,4} (?:that|which|derived from)\\b.{0,80}\\b(?:will|inevitably|always|eventually|hides|leak|gets)|almost always|inevitably|sooner or later|rarely random|by definition|isn't a [\\w-]+(?: [\\w-]+)?,? it's|is not a [\\w-]+(?: [\\w-]+)?,? it's|are basically two|is a sample|is code that|(?:implicit|unwritten) (?:contracts?|agreements?)|nobody thinks of as)`,
    'states a general truth about this kind of failure',
  ),
  cue(
    'learning.platitude',
    'system_learning',
    1.0,
    `\\b(?:(?:is|are) (?:really |so |very )?important|you (?:really |always |just )?(?:have|need) to|needs? (?:a |an )?(?:different|more|better) (?:kind|way|approach)|has to look at|must always|the key is)`,
    'states a general lesson',
  ),

  // ------------------------------------------------------------------ other
  cue(
    'other.opening',
    'other',
    3.0,
    // Not once the sentence says what happened ("So I'll use the 2020 one, when…"): the headline.
    `${ANSWER_TALK_ONLY}(?:(?:sure|okay|ok|yeah|yes|right|great question|good question|so|um|uh|well|alright|hmm|oh|wow|thanks|thank you|fair warning)\\b[\\s,.]*)+(?:let me|let's|i'll|i will|i'd|that's|this one|that one|i can (?:think|do|talk|tell|share|go)|i could|i'm going to|i think i'll|there's (?:one|a good one|a story)|i have (?:one|a good one|a story))`,
    'an opening remark',
  ),
  cue(
    'other.meta_choice',
    'other',
    3.0,
    // Only talk about the answer itself: once the sentence says what happened ("the one I'd pick
    // is when our ranking model...") it is the headline.
    `${ANSWER_TALK_ONLY}(?:(?:sure|okay|ok|oh|wow|yeah|yes|right|thanks|thank you|great question|good question|so|um|uh|well|alright|hmm|cool|fair warning)\\b[\\s,.:;!—–-]*)*(?:(?:i've|i have|i) got (?:a good one|one|a story|an? (?:incident|example|good example))|the one (?:i'd|i'll|i would|i will|i want to|i'm going to) (?:pick|choose|go with|talk about|use|tell)|i (?:kind of |sort of )?(?:have to|'ll|will|would|'d|want to|am going to|'m going to|can|could) (?:pick|choose|go with|use|take|talk about|tell (?:you )?about|tell this one|tell it)\\b|this one(?:'s| is) from|this is the (?:incident|one|story|outage) (?:i|that)|i'll (?:take|spend) a (?:few|couple of) minutes|thanks (?:for|so much for) (?:the question|asking))`,
    'talks about the answer rather than the incident',
  ),
  cue(
    'other.closing',
    'other',
    3.0,
    `\\b(?:that's (?:it|about it|all|that|the one|the story|the incident|my story|the short version|the whole (?:thing|story)|(?:roughly |basically )?the (?:[\\w']+ ){1,3}of it)\\b(?! (?:i|we) (?:\\w+ )?(?:learned|changed|built|would|'d))|happy to (?:go|talk|dig|expand|stop)|more than you asked(?: for)?|(?:is|was) (?:that|this) (?:the kind of (?:thing|answer|story|example)|what) you(?:'re| are| were) (?:looking for|asking(?: for)?|after)|does (?:that|this) answer|i can go (?:deeper|into)|stop me if|any questions|if that's useful|let me (?:take|tell you about|think)|end to end\\.?$)`,
    'an aside or wrap-up',
  ),
  cue(
    'other.self_assessment',
    'other',
    2.6,
    `\\b(?:handled it (?:well|great)|went (?:well|smoothly)|i'm (?:proud|happy)|none of the \\w+ churned)`,
    'a general remark rather than a layer',
  ),
];

/** Phrase cues and semantic frames together (frames.ts). */
export const ALL_CUES: readonly Cue[] = [...CUES, ...FRAME_CUES];

export interface CueHit {
  cue: Cue;
  phrase: string;
  /** Where the phrase starts and ends in the normalised sentence. */
  index: number;
  end: number;
  /** Weight after context: backgrounded clauses count less, a short lead before a colon more. */
  weight: number;
}

/** Time clauses ("once ops pinged us,") give background, not the sentence's main point. */
const BACKGROUND_CLAUSE = /\b(?:once|when|after|as soon as|by the time|before|while)\b[^,.;:]*[,;]/g;
/** A short lead before a colon or dash states the topic ("It also wasn't the first warning:"). */
const LEAD_CLAUSE = /^([^:—–]{3,60})[:—–]/;

const GLOBAL = new WeakMap<Cue, RegExp>();

/** The first match of a cue whose preceding words satisfy its before/notBefore conditions. */
function matchInContext(c: Cue, text: string): RegExpExecArray | null {
  let re = GLOBAL.get(c);
  if (!re) {
    re = new RegExp(c.re.source, `${c.re.flags}g`);
    GLOBAL.set(c, re);
  }
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const checked = acceptContext(c, text, m);
    if (checked) return checked;
  }
  return null;
}

/** The match if the words before it pass the cue's conditions (subject included in the phrase), else null. */
function acceptContext(c: Cue, text: string, m: RegExpExecArray): RegExpExecArray | null {
  const left = text.slice(Math.max(0, m.index - 80), m.index);
  if (c.notBefore?.test(left)) return null;
  if (c.before) {
    const b = c.before.exec(left);
    if (!b) return null;
    // Report the subject with the verb ("a radiologist at that site raised it").
    const whole = Object.assign([left.slice(b.index) + m[0]], {
      index: m.index - (left.length - b.index),
      input: text,
    });
    return whole as unknown as RegExpExecArray;
  }
  return m;
}

/** Cues indexed by the characters their matches can start with (dispatch.ts). */
const INDEX = buildIndex(ALL_CUES, (c) => c.re.source);
const ALWAYS = new Set(INDEX.always);
const STICKY = new Map<Cue, RegExp>(ALL_CUES.map((c) => [c, new RegExp(c.re.source, `${c.re.flags}y`)]));

/**
 * The cue's first acceptable match, trying only the positions where it can start: the same
 * result as `exec` (leftmost match; for context cues, the first match whose preceding words
 * pass, skipping matches that overlap a rejected one as a global search would).
 */
function matchAt(c: Cue, text: string, positions: readonly number[]): RegExpExecArray | null {
  const re = STICKY.get(c) as RegExp;
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    if (!(c.before || c.notBefore)) return m;
    const checked = acceptContext(c, text, m);
    if (checked) return checked;
    from = m.index + Math.max(1, m[0].length);
  }
  return null;
}

/** True when the cue matches the normalised text, with its before/notBefore conditions. */
export function cueMatches(c: Cue, normalized: string): boolean {
  return (c.before || c.notBefore ? matchInContext(c, normalized) : c.re.exec(normalized)) !== null;
}

/**
 * Every cue that matches the normalised sentence. `dispatch: false` runs every pattern over the
 * whole sentence (tests use it to check that dispatching by first characters changes nothing).
 */
export function matchCues(normalized: string, options: { dispatch?: boolean } = {}): CueHit[] {
  const dispatch = options.dispatch !== false;
  const starts = dispatch ? candidates(INDEX, normalized) : null;
  const background: Array<[number, number]> = [];
  for (const m of normalized.matchAll(BACKGROUND_CLAUSE)) background.push([m.index, m.index + m[0].length]);
  const lead = LEAD_CLAUSE.exec(normalized);
  const leadEnd = lead ? (lead[1] ?? '').length : -1;
  const hits: CueHit[] = [];
  for (const c of ALL_CUES) {
    let m: RegExpExecArray | null;
    if (starts && !ALWAYS.has(c)) {
      const positions = starts.get(c);
      m = positions ? matchAt(c, normalized, positions) : null;
    } else m = c.before || c.notBefore ? matchInContext(c, normalized) : c.re.exec(normalized);
    if (!m) continue;
    let weight = c.weight;
    const at = m.index;
    if (background.some(([a, b]) => at >= a && at < b)) weight *= 0.5;
    else if (at < leadEnd) weight *= 1.4;
    hits.push({ cue: c, phrase: m[0].trim(), index: at, end: at + m[0].length, weight });
  }
  return hits;
}
