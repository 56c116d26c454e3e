/**
 * The words an incident story is told in, for the check of whether an answer is one at all
 * (gradable.ts) and the features of its learned model (incident-model.ts).
 */
import { firstContentWord, IMPERATIVE, PARTICIPLE, toldAsFuture } from './discourse';
import { findMarker } from './markers';
import { DAY, HOW_MANY, MONTH, SEASON } from './time-words';

/** Words of a system going wrong or being put right: the vocabulary every incident story shares. */
const INCIDENT = new RegExp(
  `\\b(?:${[
    // something broke or went wrong
    "outages?|incidents?|broke|broken|breaks|downtime|offline|fail\\w*|errors?|bugs?|buggy|crash\\w*|hang|hung|froze|frozen|stuck|stalled|(?:stop(?:ped)?|not|n't) work(?:ing)?|timeouts?|timed out|5\\d\\d|degraded|garbage|corrupt\\w*|leak\\w*|breach\\w*|expos\\w*|compromised|deleted|delete|wiped|overwr\\w*|truncated|misconfigur\\w*|overload\\w*|exhaust\\w*|unreachable|unavailable|couldn't|could not|can't|cannot|unable|expired|regress\\w*|vulnerab\\w*|phish\\w*|ransom\\w*|attack\\w*|violat\\w*|cancel\\w*|mistakes?|screw\\w*|oops|accident\\w*|damag\\w*",
    // someone noticed
    'alerts?|alerted|alarms?|pag(?:ed|ing)|pager|on call|notic(?:ed|es?|ing)|spotted|reported|caught it|complain\\w*|angry|panic\\w*|groan\\w*',
    // or nobody did, though it was wrong
    '(?:nobody|no one|no-one)(?: (?:on|in|from|at) (?:our|my|the) (?:side|team|end))? (?:had |has )?(?:saw|see|seen|noticed|knew|caught|spotted|remarked|any idea)|(?:we|i) had (?:no|zero) (?:clue|idea|visibility)',
    // it was put right
    'roll\\w* back|rollback|revert\\w*|hotfix\\w*|fix\\w*|patch\\w*|restor\\w*|recover\\w*|rebuil\\w*|recreat\\w*|recalculat\\w*|recomput\\w*|reprocess\\w*|restart\\w*|reboot\\w*|redeploy\\w*|failover|mitigat\\w*|workaround|plugged|back (?:up|online|to normal)|is back|got (?:\\w+ ){0,4}back(?! to)|(?:was|were|is|are|all|everything|data) gone|purg\\w*|retrain\\w*|refund\\w*|claw\\w* back|apolog\\w*|sorry',
    // what only an incident report names
    'root cause|post ?mortem|dns|cert\\w*',
  ].join('|')})\\b`,
  'g',
);

/** Words that often tell of an incident but as often of any other work: each counts half. */
const GENERIC = new RegExp(
  `\\b(?:${[
    'down|stopped|late|slow|worse|wrong|bad|lost|loss|problems?|issues?|fix(?:ed)?',
    // a failure as often as a decision ("escalations dropped", "the candidate was rejected")
    'blocked|rejected|dropped|missing|missed|locked|stale|outdated|duplicat\\w*|double\\w*|spike[ds]?|bounced?|latency',
    // where an incident happens, and where any engineering work does
    'users?|customers?|support|tickets?|monitor\\w*|dashboards?|production|prod|live site|database|servers?|deploy\\w*|releases?|config\\w*',
  ].join('|')})\\b`,
  'g',
);

/** Distinct incident words of a normalised sentence. */
export function incidentWords(normalized: string): string[] {
  return [...new Set(normalized.match(INCIDENT) ?? [])];
}

/** Distinct words of a normalised sentence that tell of an incident only sometimes. */
export function genericWords(normalized: string): string[] {
  return [...new Set(normalized.match(GENERIC) ?? [])];
}

/** Pronouns that make a person the subject, and nouns that do when they open the sentence. */
const PERSON_PRONOUN = /^(?:i|i'm|i've|we|we're|we've|they|they're|he|she)$/;
const PEOPLE = /^(?:customers?|users?|clients?|support|colleagues?|staff|people|someone|everyone|on-call|oncall)$/;

/**
 * A sentence in which a person acts ("I stop the job", "then we check", "support pings me"): a
 * pronoun among its first words (after any "Step 2:" label) or people opening it, and not a plan
 * or what would happen. A story says who did what, in any tense; a ticket list, an agenda or a
 * glossary names things.
 */
export function personActs(normalized: string): boolean {
  const opens = (text: string) => {
    const words = text.match(WORD) ?? [];
    const { word, at } = firstContentWord(words);
    return PEOPLE.test(word) || words.slice(at, at + 3).some((w) => PERSON_PRONOUN.test(w));
  };
  if (!opens(normalized) && !opens(normalized.replace(LINE_LABEL, ''))) return false;
  return !toldAsFuture(normalized) && !WOULD.test(normalized);
}

/**
 * A particular time: "last night", "one Friday", "on a Saturday in August", "two years ago", "half a
 * year later", "after around 4 hours" (hedged, as a narrator estimates; a retention rule says
 * "after 30 days"). A story told aloud in the present ("so I update the server, and the card
 * encoders won't talk to it") still says when it happened; a pitch or a manual says "whenever".
 */
const PARTICULAR_TIME = new RegExp(
  String.raw`\b(?:yesterday|last (?:night|week|month|year|${DAY}|${MONTH}|${SEASON})|this (?:morning|afternoon)|one (?:morning|night|evening|afternoon|day|${DAY})|one (?:week|month|weekend)\b(?! of)|(?:on|by|around) the \d{1,2}(?:st|nd|rd|th)\b(?! of (?:each|every))|on (?:a |the |one )?(?:[\w-]+ )?${DAY}|(?:${HOW_MANY}|several) (?:minutes?|hours?|days?|weeks?|months?|years?) later|after (?:about|around|roughly|nearly|almost|maybe|only|just) (?:${HOW_MANY}|several) (?:minutes?|hours?|days?|weeks?)|(?:the )?next (?:morning|day)|that (?:night|morning|evening|afternoon|weekend)|(?:the )?same (?:day|night|morning|hour)|${DAY} (?:morning|afternoon|evening|night)|in (?:${MONTH}|${SEASON})|(?:\d+|two|three|four|five|six|a few|several|many) (?:years|months|weeks|days) ago|(?:back )?in (?:19|20)\d{2})\b`,
);

/** A sentence that says when its story happened. */
export function anchorsInTime(normalized: string): boolean {
  return PARTICULAR_TIME.test(normalized);
}

/**
 * "it" as the subject of a verb in its base form ("and it fire on us", "it block a bad load"):
 * how speakers of other languages often tell a past event. English that describes says "it
 * fires"; the base form after "it" otherwise follows a modal or "let", which the opening words
 * rule out.
 */
const IT_BARE_VERB =
  /(?:^|[,;] |\b(?:and|so|then|but|because|when|until|once|after|before) )it (?:also |only |still |then |suddenly |just |never |even |again )?(?:fire|block|start|stop|fail|break|crash|run|compare|catch|take|happen|show|go|come|become|send|delete|drop|lose|reject|return|throw|page|trigger|skip|miss|hit|reach|work|cost|write|read|give|get|make|find|say|eat|fill|grow)\b/;

/** A sentence that tells an event with "it" before a verb's base form, as English learners tell the past. */
export function toldWithBareVerb(normalized: string): boolean {
  return IT_BARE_VERB.test(normalized);
}

/** "would", "could", "I'd do": what would happen or might, rather than what did. */
const WOULD = /\b(?:would|wouldn't|could|might|i'd|we'd|you'd|they'd|it'd)\b(?! have\b)(?!'ve)/;
/** "we'd already rolled back" is "we had": a past event, not a conditional. */
const HAD = new RegExp(String.raw`\b(?:i|we|you|they|it)'d (?:\w+ )?${PARTICIPLE}\b`);

/**
 * "your", "you can", "you'll": words said to the listener about what they have or will get. Not a
 * bare "you", which storytellers use for anyone ("you know", "you could see the graphs drop").
 */
const ADDRESS = /\b(?:your|yours|you'll|you're|you can|you need|you want|you get|you will)\b/;

/** A sentence that speaks to its listener, as a pitch, an advert or a guide does. */
export function speaksToListener(normalized: string): boolean {
  return ADDRESS.test(normalized);
}

/**
 * Verbs a runbook, checklist or guide opens its steps with: the action items' verbs and the steps
 * of operating a system ("Open the dashboard", "Drain the region", "Page the secondary").
 */
const INSTRUCTION = new Set([
  ...IMPERATIVE,
  ...'open drain roll page wait call escalate restart look go confirm post notify file disable scale revert rollback keep avoid ask tell send copy paste click select type note record capture collect compare restore reboot kill pause resume tag assign close read find'.split(
    ' ',
  ),
]);
/** A label that opens a line ("Step 2: …", "When the alert fires: …"). */
const LINE_LABEL = /^[^:]{1,60}:\s+/;
const WORD = /[a-z][a-z'-]*/g;

/**
 * A sentence that opens with a label other than a part of an incident, as a line of notes, minutes
 * or a form does ("Owner: Dana", "Pages this week: 2"). A postmortem's fields ("Root cause: …",
 * "Impact: …", "Action items: …") name the parts of the story they open.
 */
export function opensWithLabel(normalized: string): boolean {
  return LINE_LABEL.test(normalized) && findMarker(normalized) === null;
}

/** A sentence that tells its reader what to do: it opens (after any label) with a verb of instruction. */
export function instructsReader(normalized: string): boolean {
  return INSTRUCTION.has(firstContentWord(normalized.replace(LINE_LABEL, '').match(WORD) ?? []).word);
}

/** A sentence in the conditional: what the speaker would do, or what might happen. */
export function tellsWhatWould(normalized: string): boolean {
  // "if" too, which a story's own checks are told with ("alert if the count drops") but a
  // hypothetical opens with.
  return (WOULD.test(normalized) || /\bif\b/.test(normalized)) && !HAD.test(normalized);
}
