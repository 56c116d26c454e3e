/**
 * Semantic frames: cues built from word classes rather than from phrases. Each layer is a kind
 * of event told in a typical grammatical shape, and the shape carries over to wording the
 * hand-written phrases in cues.ts never saw:
 *
 * - Mitigation is a one-off action in the past by the team on this occurrence: a restore verb
 *   ("killed", "lifted", "replayed", "purged") with a past-tense agent, or service coming back.
 * - Attribution names a cause: cause nouns and causal connectives ("the direct cause was",
 *   "triggered by", "which is why"), earlier changes in the past perfect, missing safeguards.
 * - Detection is about who noticed and when: someone outside the team telling us, alarms
 *   going off, nothing firing, latency before anyone saw it.
 * - Structural fix is a continuing state in the present: rules with a trigger ("if a release
 *   drops more than two points it is blocked"), things that are now refused or required, what
 *   the change has done since.
 * - System learning is a general statement (a generic subject in the present tense, advice) or
 *   the speaker's lesson.
 * - Other is an aside: "side note", remarks about how people felt or behaved.
 *
 * Frames share the Cue shape, so the classifier sums them with the phrase cues and the evidence
 * quotes them the same way.
 */
import { cue } from './cue';
import type { Cue } from './cues';

/** The team (or another team) acting during the incident. */
const AGENT =
  "(?:we|i|they|you|the team|my team|our team|the on ?call(?: engineer| team)?|one of us|someone|a colleague|the [\\w']+ team|ops|sre|support)";
/**
 * The words after a determiner that make a subject someone other than the team's own monitoring
 * or the team itself ("a radiologist at that site", "our support team"; not "the alert", "our
 * on-call", "the model").
 */
const OUTSIDE_SUBJECT =
  "(?!(?:[\\w']+ ){0,3}(?:alerts?|alarms?|monitors?|monitoring|dashboards?|metrics?|checks?|canar(?:y|ies)|pagers?|pages?|probes?|systems?|models?|jobs?|pipelines?|services?|fix|change|bugs?|deploy|rollback|lesson|tests?)\\b)(?!(?:own )?(?:team|on ?call|engineers?|sre|oncall)\\b)";
/**
 * A general statement: a generic subject ("a model that retrains daily", "any feed", "every
 * consumer") with a present-tense or modal verb, at the start of the sentence or of what follows
 * a colon or "is that". Shared with the story-level judgement of a specific lesson (facts.ts).
 */
export const GENERIC_STATEMENT =
  "(?:^|[:;—] |\\b(?:is|was) that )(?:and |so |but |with [\\w' ]{1,30}, )?(?:a|an|any|every|each|no|anything|everything|nothing|whoever|whatever) (?:[\\w']+,? ){0,10}?(?:is|are|isn't|aren't|will|won't|can't|cannot|doesn't|don't|does|tends? to|needs?|has to|have to|always|never|inevitably|eventually|gets?|causes?|becomes?|learns?|breaks?|hides?)\\b";
/** Adverbs and auxiliaries that can sit between an agent and its verb. */
const ADV =
  '(?:(?:also|then|just|first|finally|eventually|quickly|immediately|manually|temporarily|actually|really|basically|all|both|simply|had to|went and|decided to|managed to|were able to|was able to|got to|ended up|started|\\w+ly),? ){0,3}';
/** One-off restore actions, past tense. */
const RESTORE_VERB =
  '(?:killed|stopped(?! (?:trusting|assuming|relying|treating|thinking|believing|accepting|letting|allowing|counting on|taking (?:it|that) for granted))|paused|halted|froze|suspended|disabled|turned off|switched off|shut off|shut down|took (?:\\w+ ){0,3}(?:down|offline|out of (?:rotation|service))|pulled(?! together)|yanked|unpublished|withdrew|recalled|lifted|unblocked|re ?enabled|flipped|switched (?:\\w+ ){0,4}back|turned (?:\\w+ ){0,3}back on|put (?:\\w+ ){0,4}back|brought (?:\\w+ ){0,4}back|copied (?:\\w+ ){0,4}back|moved (?:\\w+ ){0,4}back|rolled (?:\\w+ ){0,4}back|reverted|restored|recovered|failed over|rerouted|redirected|routed (?:\\w+ ){0,3}(?:around|away)|drained|evacuated|scaled (?:\\w+ )?up|added capacity|bumped|patched|hot ?fixed|replayed|re ?ran|re ?played|re ?processed|backfilled|re ?sent|re ?queued|re ?scored|re ?indexed|regenerated|re ?generated|re ?encoded|re ?built the index|purged|deleted the (?:bad|affected|corrupt|broken|wrong)|cleaned up|cleared|flushed|refunded|credited(?! (?:\\w+ ){0,4}with)|compensated|reimbursed|honou?red|re ?issued|apologi[sz]ed|notified|contacted|reached out|wrote to|called (?:the |every |each )?(?:affected|biggest|largest|top)|blocked (?:the|those|that|all)|banned|removed the|undid|rolled forward|pinned (?:\\w+ ){0,4}to|downgraded|froze)';

export const FRAME_CUES: readonly Cue[] = [
  // ------------------------------------------------------------------ mitigation
  cue(
    'frame.mitigation_action',
    'mitigation',
    1.6,
    `\\b${RESTORE_VERB}\\b(?! (?:\\w+ ){0,3}(?:automatically|by default|whenever|every time))`,
    'a one-off action that restored service',
    { before: `\\b${AGENT} ${ADV}` },
  ),
  cue(
    'frame.mitigation_verb',
    'mitigation',
    1.0,
    `\\b(?:rolled (?:\\w+ ){0,4}back|reverted|refunded|honou?red|purged|replayed|backfilled|re ?ran|re ?processed|re ?queued|re ?sent|re ?scored|re ?indexed|regenerated|re ?encoded|hot ?fixed|failed over|rerouted|flushed|drained|apologi[sz]ed|compensated|reimbursed|re ?issued|withdrew|unpublished)\\b(?! automatically)`,
    'repairs this occurrence',
    { notBefore: '\\b(?:now|will|would|can|could|automatically|every time|whenever|should|to) (?:\\w+ )?' },
  ),
  cue(
    'frame.mitigation_had_to',
    'mitigation',
    1.3,
    `\\b(?:had to|needed to|went to|decided to|were able to|was able to|managed to|got to|started to|then) (?:\\w+ly )?(?:restore|purge|roll (?:\\w+ ){0,3}back|revert|re ?run|replay|refund|rebuild|re ?process|backfill|flush|clear|pause|disable|kill|stop|drain|patch|hot ?fix|re ?issue|re ?score|redo|clean up|reverse|undo|recover|repair|restart|re ?send|re ?queue|re ?index|regenerate|notify|contact|call)\\b`,
    'a one-off action that restored service',
  ),
  cue(
    'frame.mitigation_passive',
    'mitigation',
    1.2,
    `\\b(?:was|were|got) (?:\\w+ly )?(?:rolled back|reverted|restored|disabled|turned off|switched off|paused|halted|killed|pulled|refunded|purged|re ?run|replayed|backfilled|flushed|drained|failed over|lifted|cleaned up|fixed by hand|re ?processed)\\b(?! automatically)`,
    'this occurrence was undone or repaired',
  ),
  cue(
    'frame.mitigation_recovered',
    'mitigation',
    1.3,
    `\\b(?:(?:everything|it|service|traffic|the site|the service|the api|the app|things|errors?|error rates?|latency|metrics?|numbers|the \\w+) (?:\\w+ ){0,2}(?:came back|was back|were back|went back to normal|returned to (?:normal|baseline|service)|recovered|settled|stabili[sz]ed|started (?:coming|to come) back)|back (?:online|up and running|to normal|in service|to baseline)|fully recovered|recovery (?:took|was))\\b`,
    'service coming back',
  ),
  cue(
    'frame.mitigation_first_move',
    'mitigation',
    1.2,
    `\\b(?:(?:so )?first,? (?:we|i)|the first (?:thing|move|step|call|decision)|right away,? (?:we|i)|that (?:night|evening|afternoon|morning),? (?:we|i)|as a stop ?gap|short term,? (?:we|i)|while (?:we|i) (?:investigated|debugged|dug in|looked into it))\\b`,
    'the first response during the incident',
  ),

  // ------------------------------------------------------------------ attribution
  cue(
    'frame.cause_noun',
    'attribution',
    2.0,
    `\\b(?:the|a|one) (?:direct|proximate|immediate|actual|real|underlying|root|technical|main|primary|original|first|second|other|deeper) (?:cause|trigger|reason|culprit|bug|fault|mistake)s?\\b|\\bthe trigger (?:was|is)\\b`,
    'names the cause',
  ),
  cue(
    'frame.cause_link',
    'attribution',
    1.2,
    `\\b(?:(?:was|were|got|been) (?:\\w+ly )?(?:caused|triggered|set off|introduced|driven|brought on|made worse|compounded) by|because of|due to|owing to|(?:stemmed|originated|resulted) from|(?:caused|triggered|broke) (?:it|this|that|the (?:outage|incident|failure|problem|drop|errors?|regression))|boiled down to|was down to|which is (?:partly |also )?why|that's (?:partly )?why|is (?:partly )?why|was (?:partly )?why|the reason (?:we|it|they|this|that|nothing|nobody)|what (?:broke|went wrong|caused it|triggered it|set it off) (?:was|is)|(?:it|this|that|everything|the (?:whole )?(?:incident|outage|evening|night|problem)) (?:all )?(?:started|began) (?:with|when))\\b`,
    'links the failure to its cause',
  ),
  cue(
    'frame.earlier_change',
    'attribution',
    0.8,
    `\\b(?:had|'d) (?:also |just |recently |previously |quietly |silently |accidentally |already )?(?:been )?(?!(?:noticed|seen|heard|caught|spotted|happened|had)\\b)(?:[a-z]+ed|written|built|taken|made|set|put|given|done|broken|chosen|driven|left|sent|run|turned)\\b`,
    'something that had been done or changed before it broke',
  ),
  cue(
    'frame.missing_safeguard',
    'attribution',
    1.0,
    `\\b(?:(?:wasn't|weren't|was not|were not|hadn't been|had never been|was never|were never) (?:\\w+ )?(?:enabled|configured|set up|tested|validated|checked|covered|reviewed|versioned|pinned|updated|enforced|wired up)|there was no (?:check|test|validation|limit|guard|review|contract|schema|lock|safeguard|cap)|(?:without|with no) (?:any )?(?:check|validation|limit|guard|review|contract|lock|safeguard|test))\\b`,
    'a safeguard that was missing when it broke',
  ),
  cue(
    'frame.mechanism',
    'attribution',
    0.7,
    `\\b(?:assumed|assumption|expected (?:the|a|an|every|it)|wrong (?:terminal|host|server|region|database|table|environment|cluster|file|branch|account|version)|older (?:version|client|library)|version mismatch|race condition|typo|misconfigur\\w*|mislabel\\w*|expired (?:cert\\w*|token|key)|(?:a|the) (?:regex|regular expression)|backtracking|exhausted|ran out of|overflow\\w*|null|timezone|time zone|encoding|units? (?:of|in|instead)|instead of units)\\b`,
    'describes the mechanism of the failure',
  ),

  // ------------------------------------------------------------------ detection
  cue(
    'frame.told_us',
    'detection',
    1.4,
    `\\b(?:messaged|pinged|emailed|called|rang|texted|told|wrote to|sent|dm'?d|slacked|alerted|warned|asked|tagged|escalated to) (?:us|me|our|my)\\b`,
    'someone else told the team',
    { notBefore: '\\b(?:we|i) (?:\\w+ )?' },
  ),
  cue(
    'frame.someone_noticed',
    'detection',
    1.4,
    `\\b(?:noticed|spotted|saw (?:it|that|this|the (?:problem|issue|drop|spike|errors?))|caught (?:it|this|that)|flagged (?:it|this|that|the)|reported|reporting (?:it|this|that)|complained|complaining|raised (?:it|this|the (?:issue|problem|alarm))|asked (?:why|whether|if|about)|messaged|pinged|emailed|rang|called (?:us|me|in|our)|posted|tweeted|filed (?:a|an)|opened (?:a|an) (?:ticket|issue|bug)|sent (?:us|me|a|an) (?:\\w+ )?(?:screenshot|spreadsheet|email|message|ticket|link|report))\\b`,
    'someone noticed it and told the team',
    {
      before: `\\b(?:a|an|the|one of (?:our|the|their)|some|several|our|their|two|\\d+) ${OUTSIDE_SUBJECT}(?:[\\w']+,? ){1,5}`,
      // "Nobody on our side noticed": a subject that is denied is the gap, not the report.
      notBefore:
        '\\b(?:(?:who|that|which|we|i) |(?:nobody|no one|none of|not one of|not a single|neither)\\b[^.,;:!?]*)',
    },
  ),
  cue(
    'frame.we_noticed',
    'detection',
    1.2,
    `\\b(?:we|i) (?:only |first |finally |eventually |actually )?(?:knew|realized|realised|noticed|discovered|spotted|found out|caught on|figured out something)\\b(?! (?:that )?(?:the (?:fix|lesson)|how to))`,
    'how the team came to know',
  ),
  cue(
    'frame.alarm_state',
    'detection',
    1.3,
    `\\b(?:(?:alarms?|alerts?|pagers?|pages|dashboards?|monitors?|graphs?|everything|phones?|the channel|slack) (?:\\w+ ){0,2}(?:went (?:red|off|crazy|wild)|turned red|lit up|started (?:firing|going off|paging)|blew up|exploded)|(?:got|were|was) paged|paged (?:me|us|the on ?call)\\b(?! (?:\\w+ ){0,3}(?:whenever|when|if|every)))`,
    'alarms going off',
  ),
  cue(
    'frame.nothing_fired',
    'detection',
    1.6,
    `\\b(?:nothing (?:[\\w']+ ){0,4}?(?:fired|alerted|paged|tripped|caught|flagged|showed|told us|noticed|detected)|nobody (?:was|were) (?:looking|watching|checking)|no one (?:was|were) (?:looking|watching|checking)|no (?:alert|alarm|page|monitor|dashboard|check|test) (?:\\w+ )?(?:fired|went off|caught|showed|flagged|tripped)|none of (?:us |(?:our|the) (?:[\\w'-]+ ){1,3}?)(?:had )?(?:noticed|saw|caught|spotted|knew|fired|went off|paged|tripped)|nobody (?:had )?(?:noticed|caught|saw|spotted|flagged|knew)|no one (?:had )?(?:noticed|caught|saw|spotted|flagged|knew)|(?:went|stayed|ran|sat) (?:\\w+ )?(?:unnoticed|undetected|unseen)|without (?:anyone|any of us|us) (?:noticing|knowing)|(?:we|i) (?:didn't|did not|never|hadn't|had not) (?:notice|know|see|catch|spot|realize|realise)|nothing (?:we had|we'd|we) (?:built |set up )?(?:looked at|watched|monitored|checked|measured) (?:it|that|this|them)|(?:had been|was) sitting there (?:unnoticed |undetected |quietly )?(?:since|for))\\b`,
    'admits nothing caught it',
  ),
  cue(
    'frame.signal_source',
    'detection',
    1.4,
    `\\b(?:the (?:first )?(?:signal|report|alert|news|warning|tip|heads up|ping|call|ticket|complaint|email|message|sign) (?:\\w+ )?came from|(?:learned|heard|found out|knew|first heard) (?:about |of )?(?:it |this |that )?from (?!(?:our |the |an? )?(?:[\\w']+ )?(?:alerts?|alarms?|monitors?|monitoring|dashboards?|metrics?|checks?|canar(?:y|ies)|pages?|pagers?)\\b)|(?:lagged|trailed|was behind|were behind) (?:behind )?(?:the )?(?:customers|users|support|people|clients|the business)|(?:customers|users|support|people) (?:were|got) there (?:first|before us))\\b`,
    'says where the first signal came from',
  ),
  cue(
    'frame.blind_metric',
    'detection',
    1.4,
    `\\b(?:(?:monitored|measured|tracked|checked|computed|alerted on|looked at|watched|reported) only (?:across|in aggregate|globally|overall|as a whole|at the (?:\\w+ )?level|weekly|monthly|daily|once)|only (?:monitored|measured|tracked|checked|computed|alerted on|looked at|watched) (?:\\w+ ){0,4}?(?:across|in aggregate|globally|overall|as a whole|weekly|monthly|once a)|not enough to (?:move|shift|budge|show up in|register in) (?:it|the (?:metric|number|average|needle|graph|dashboard|total))|(?:averaged|washed|smoothed) out|(?:masked|hid|hidden) (?:by|in) (?:the )?(?:average|aggregate|total|overall|global))\\b`,
    'explains why the monitoring could not see it',
  ),
  cue(
    'frame.latency',
    'detection',
    1.2,
    `\\b(?:(?:a (?:full |whole )?|\\d+ |a few |a couple of |several )(?:minutes?|hours?|days?|weeks?|months?) (?:before (?:anyone|we|anybody|somebody|it was|our))|(?:had been|was|were) (?:live|running|broken|going on|happening|wrong|out) for (?:about |roughly |nearly |almost |over |more than )?(?:\\d+|a few|a couple of|several|a) (?:days?|weeks?|months?|hours?)|(?:had been|it'd been) (?:going|running|broken|happening|live|wrong)(?: on)? since|by then it had|the first (?:sign|signal|indication|hint|clue|symptom|report|ticket|complaint|alert|page|inkling|we heard))\\b`,
    'says how long it ran before anyone saw it',
  ),
  cue(
    'frame.later',
    'detection',
    0.5,
    `\\b(?:a (?:full |whole )?|\\d+ |a few |a couple of |several )(?:minutes?|hours?|days?|weeks?|months?) (?:later|after (?:it|that|the))\\b`,
    'a delay before something happened',
  ),

  // ------------------------------------------------------------------ structural fix
  cue(
    'frame.rule_with_trigger',
    'structural_fix',
    1.0,
    `\\b(?:if|when|whenever|once|unless) (?:any|a|an|the|its|one|each|every|[\\w']+'s) (?:[\\w']+ ){0,6}(?:drops?|rises?|exceeds?|falls?|crosses|jumps?|changes?|differs?|fails?|doubles?|moves?|goes (?:above|below|over|up|down)|is (?:missing|empty|stale|older|more|less|above|below|outside|unknown|not)|are (?:missing|more|less|above|below)|account for|breaks?|regress\\w*)\\b`,
    'a rule that acts on a trigger or threshold',
  ),
  cue(
    'frame.now_refused',
    'structural_fix',
    1.4,
    `\\b(?:(?:is|are|gets|get) (?:now |then |automatically |simply |also )?(?:refused|rejected|blocked|held back|quarantined|not promoted|not published|not deployed|not shipped|halted|required|mandatory|enforced|versioned|pinned|gated|validated)|(?:can't|cannot|won't|will not) (?:[\\w']+ ){0,6}?(?:anymore|any more|again|without (?:a |an )?(?:review|sign ?off|approval))|can no longer|no longer (?:possible|able|allowed))\\b`,
    'something is now refused, blocked or required',
  ),
  cue(
    'frame.since_count',
    'structural_fix',
    1.8,
    `\\b(?:(?:has|have|'s|'ve) (?:since |already |now |also )?(?!(?:been|had|seen|learned|made|applied|used|taken)\\b)(?:[a-z]+(?:ed|en|ght|un)|held|kept|built|found|sent|run|done|shown|won|hit|cut|put|set|shut|told|sold|paid|led|spent|lost|stopped|blocked|rolled back)(?:,? [\\w']+){0,8}? (?:\\d+|once|twice|three times|several|a few|a couple of|many|more|other|another) (?:[\\w']+,? ){0,4}?(?:since|times|more)|(?:once|twice|\\d+ times|several times|a few times) since|since (?:then|it (?:shipped|launched|went live))(?:,)? (?:it|the|that|this|both|they)|(?:in|over) the (?:\\w+ ){0,2}(?:weeks|months|quarters|years) since)\\b`,
    'says what the change has done since',
  ),
  cue(
    'frame.artifact_acted_again',
    'structural_fix',
    1.6,
    `\\b(?:check|alert|gate|test|suite|guard|validator|contract|monitor|rule|canary|filter|limit|budget|lint|linter|policy|tool|job|page|alarm)s? (?:\\w+ ){0,2}(?:stopped|caught|blocked|fired|halted|flagged|held back|turned away|rejected|paged|refused|quarantined|prevented|saved|rolled back) (?:[\\w']+ ){0,8}?(?:once more|again|twice|\\d+ times|since|another|last (?:month|week|quarter|year|spring|summer|autumn|fall|winter)|a (?:few|couple of) (?:weeks|months) (?:ago|back|later))\\b`,
    'says what the change has caught since',
  ),
  cue(
    'frame.every_present',
    'structural_fix',
    1.0,
    `\\b(?:every|each|any) (?:new )?(?:release|deploy(?:ment)?|change|model|push|build|config(?:uration)?|template|migration|run|job|batch|file|pull request|pr|commit|request|retrain|rollout|upload|schema|feature|dataset|prompt|query|command)s? (?:\\w+ ){0,3}?(?:now |also )?(?:goes through|passes|runs|gets|has to|must|needs|carries|is (?:checked|tested|validated|compared|diffed|replayed|reviewed|gated|run)|triggers)\\b`,
    'a check that applies to every future change',
  ),
  cue(
    'frame.practice_change',
    'structural_fix',
    1.0,
    `\\b(?:instead of relying on|rather than relying on|no longer rel(?:y|ies) on|(?:stopped|stop) relying on)\\b`,
    'replaces a practice for good',
  ),
  cue(
    'frame.got_after',
    'structural_fix',
    1.2,
    `\\b(?:afterwards?|after that|since then|following (?:that|the incident|this)|in the (?:weeks|months) after|as a follow ?up)\\b,? (?:\\w+ ){0,6}?(?:got|gained|became|moved to|switched to|started (?:using|requiring|running)|now)\\b`,
    'a lasting change made after the incident',
  ),

  // ------------------------------------------------------------------ system learning
  cue(
    'frame.lesson_intro',
    'system_learning',
    1.6,
    `\\b(?:what (?:i|we) (?:learned|took away|take away|took from|tell people|came away with)|the (?:thing|one thing|point) i (?:tell|keep telling|always tell) (?:people|everyone|new hires|my team|teams)|i (?:tell|keep telling) (?:people|everyone|new hires|my team)|if there'?s one thing|the moral|the (?:big |main |real )?takeaway)\\b`,
    'introduces your lesson',
  ),
  cue(
    'frame.lesson_opening',
    'system_learning',
    2.4,
    `^(?:so,? |and |but |honestly,? )?(?:the|my|our|one|a|another) (?:[\\w']+ )?(?:lesson|takeaway|learning|insight|realisation|realization)s? (?:i|we|here|for me|from|that|was|is|i'd|i've)\\b`,
    'opens with the lesson',
  ),
  cue(
    'frame.applied_elsewhere',
    'system_learning',
    1.6,
    `\\b(?:changed (?:\\d+|two|three|several|a few|some|all) of them|(?:went through|gone through|been through|audited|checked|reviewed|looked (?:at|through|for)|went looking (?:at|through|for)|combed through|swept|walked) (?:all |every |each |the rest of )?(?:of )?(?:our |the |my )?other (?:[\\w']+ ){0,2}[\\w']+s|found (?:that )?(?:[\\w']+ ){0,6}(?:had|has|with) the same (?:[\\w']+ ){0,2}(?:assumption|problem|flaw|bug|gap|issue|pattern|weakness|blind spot|mistake|hole)|(?:applied|used|brought|took|taken|carried|put) (?:the same|that|this) (?:[\\w']+ ){0,4}(?:to|across|into|on) (?:our|the|every|all|two|three|\\d+|other|a (?:couple|few))\\b)`,
    'applies the lesson to other parts of the system',
  ),
  cue(
    'frame.generic_truth',
    'system_learning',
    1.0,
    `${GENERIC_STATEMENT}(?!.*\\b(?:was|were|had|did|we|our|now)\\b)`,
    'states a general truth about this kind of system',
  ),
  cue(
    'frame.advice',
    'system_learning',
    1.0,
    `^(?:so |and )?(?:always|never|don't|do not|make sure|test|check|validate|treat|assume|trust|monitor|measure|write down|keep|ask|design|version|pin) (?:[\\w']+ ){0,10}?[\\w']+\\.?$`,
    'gives general advice',
  ),

  // ------------------------------------------------------------------ other
  cue(
    'frame.aside_marker',
    'other',
    3.0,
    `^(?:(?:sorry|oh|and|but|also|just),? )?(?:side note|as an aside|by the way|btw|incidentally|fun fact|funnily enough|funny enough|on a tangent|unrelated(?:ly)?|tangent)\\b|^anyway,? (?:[\\w']+ ){0,6}[\\w']+[.!]?$`,
    'an aside',
  ),
  cue('frame.aside_tail', 'other', 1.2, `\\bbut anyway[.!]?$`, 'trails off into an aside'),
  cue(
    'frame.aside_which',
    'other',
    1.6,
    // "Which, yeah, I think about a lot." — a remark hung on the previous sentence.
    `^which,? (?:yeah|honestly|frankly|to be fair|to be honest|looking back|in fairness|funnily enough),`,
    'a remark on the sentence before',
  ),
  cue(
    'frame.feelings',
    'other',
    2.6,
    `\\b(?:(?:was|were) (?:\\w+ ){0,2}(?:good|great|amazing|awesome|gracious|kind|patient|understanding|supportive|helpful|brilliant|fantastic|lovely|nice|cool) (?:about|with|through) (?:it|that|this|all)|pulled together|(?:stressful|chaotic|hectic|exhausting|rough|tough|crazy|wild|intense|scary|humbling|fun|long|awful|miserable) (?:\\w+ )?(?:couple of |few )?(?:days|weeks|night|week|day|time|friday|monday|weekend|period|shift|summer|winter|spring|autumn|month|months|year|quarter)|(?:i |we )?(?:slept (?:maybe |about |only |like )?(?:\\w+ )?hours|barely slept|didn't sleep|did not sleep|no sleep)|not (?:my|our|the team's) (?:favou?rite|finest|best)|(?:kudos|shout ?out|credit|hats off) to|morale|blameless|nobody (?:got|was) blamed|(?:isn't|is not|wasn't|was not|not) (?:really )?about (?:blame|blaming (?:anyone|him|her|them))|(?:not|nobody's|no one's) (?:really )?(?:his|her|their|anyone's|one person's) fault|(?:could|would) have happened to anyone|(?:felt|feel) (?:terrible|awful|bad|sick|horrible)|i (?:still )?think about (?:that|this|it)(?: one)? (?:a lot|often|all the time|every (?:day|week))|(?:still )?(?:bugs|haunts|stings|annoys|bothers) me|that (?:one )?(?:stung|hurt))\\b`,
    'a remark about people or how it felt, not a layer',
  ),

  // ------------------------------------------------------------------ headline
  cue(
    'frame.impact_summary',
    'headline',
    1.6,
    `^(?:so,? |and )?(?:all told|in total|in all|all in all|altogether|all up|overall|in the end|the damage|the (?:total )?(?:impact|cost|bill))\\b,? (?:[\\w$']+ ){0,8}?(?:\\d|about|around|roughly|nearly|almost|over)`,
    'sums up the impact',
  ),
  cue(
    'frame.back_up',
    'headline',
    1.4,
    `\\b(?:let me (?:back up|rewind|go back|start again|set the scene|give (?:you )?(?:some )?context)|to back up|for context|some context|to set the scene)\\b`,
    'goes back to what happened',
  ),
];
