/**
 * What a sentence does in a story, read from its form rather than its topic: tense and modality
 * (a plan is "we will add", a lesson is "we should have"), who acts (I, we, customers, an alert),
 * feelings and apologies, clock times (a timeline line), quantities (impact), fragments (an
 * action-item bullet) and spoken fillers. Real texts separate their layers by these more than by
 * vocabulary: "the alert paged me at 03:10" and "we added an alert that pages" share their nouns.
 *
 * Input is the normalised sentence (normalize.ts); output is a list of feature names, so the
 * learned model (layer-features.ts) can weigh them next to the words.
 */

const TOKEN = /[a-z0-9']+/g;

const FUTURE = /\b(?:will|won't|we'll|i'll|shall|going to|gonna|plan(?:s|ning)? to|intend to|aim to|next step)\b/;
/**
 * A plan said by whoever will carry it out ("we will add…", "I'll own…"): an action item. A future
 * told of anything else ("any retry … will eventually duplicate work") is a claim, often a lesson.
 */
const PLAN =
  /\b(?:(?:we|i|the team|our team)(?: (?:also|then|now|still))? (?:will|shall|are going to|am going to|plan to|intend to|aim to|want to)|we'll|i'll|we're going to|i'm going to|we are planning to|we're planning to)\b/;
const MODAL_PAST = /\b(?:should have|should've|could have|could've|would have|would've|might have|must have)\b/;
const MODAL = /\b(?:should|must|need to|needs to|have to|has to|ought to|would|could|might|may)\b/;
/** A past participle by its ending: "rolled", "taken", "shown", "done", "caught", "built". */
export const PARTICIPLE = String.raw`\w+(?:ed|en|wn|ne|ht|lt)`;
const PERFECT = new RegExp(String.raw`\b(?:have|has|we've|i've|they've)\b(?: \w+)? ${PARTICIPLE}\b`);
const PROGRESSIVE = /\b(?:am|is|are|was|were|'re|'m)\b (?:\w+ )?\w+ing\b/;
const IRREGULAR_PAST =
  'was|were|had|did|went|got|saw|took|made|found|came|began|ran|broke|left|told|thought|knew|realized|realised|noticed|caused';
const PAST = new RegExp(String.raw`\b(?:${IRREGULAR_PAST}|\w{3,}ed)\b`);
const SAID_IN_PAST = new RegExp(String.raw`\b(?:${IRREGULAR_PAST})\b`);
/**
 * A word that may be a verb in the past: "rolled", "paged", "restarted", and the irregular
 * forms that are not also the present ("fell", "sent", "kept"; not "hit", "put" or "set").
 */
const VERB_IN_PAST =
  /^(?:[a-z']{3,}ed|fell|rose|grew|shot|sent|spent|kept|held|brought|bought|caught|fought|taught|wrote|rewrote|spoke|drove|gave|woke|awoke|threw|blew|drew|flew|froze|chose|stole|tore|wore|hung|rang|sank|shrank|struck|led|fled|meant|dealt|felt|built|rebuilt|paid|said|sold|stood|understood|forgot|became|overran|lost|won|slept|swept|sought|lit|slid|spun|shook|dug|ate|withdrew|arose|mistook|overtook|upheld)$/;
/** Words ending in "-ed" that are no verb in the past. */
const NOT_PAST = /^(?:speed|indeed|hundred|embed|proceed|exceed|succeed|shred|seabed|naked|wicked|sacred|kindred)$/;
/** Words that join a participle to the one before it ("signed … and checked"). */
const JOINS = /^(?:and|or)$/;
/**
 * Words before a participle that make it describe rather than tell: an article, a possessive or
 * a preposition ("a distributed phone book", "the affected users", "with cached data"), a present
 * "be" ("is signed by", "are routed to"), a degree ("more automated").
 */
const DESCRIBED_BY =
  /^(?:a|an|the|its|their|our|your|my|his|her|each|every|no|few|many|several|both|other|such|same|well|with|without|on|of|in|into|to|for|from|by|as|at|via|than|about|under|is|are|am|be|being|get|gets|remain|remains|stay|stays|seem|seems|look|looks|appear|appears|sound|sounds|become|becomes|not|more|most|less|least|very|too|pre|un|non|self)$/;
const PRESENT = /\b(?:is|are|am|does|do|has|have|'s|'re)\b/;
const CLOCK = /\b\d{1,2}:\d{2}\b|\b\d{1,2} ?(?:am|pm)\b|\b(?:utc|gmt|pst|pdt|est|edt|cet|cest|bst|ist)\b/;
const DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
const DURATION = /\b\d+(?:\.\d+)? ?(?:s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?)\b/;
const PERCENT = /\d ?%|\bpercent\b/;
const MONEY = /[$€£]\s?\d|\b\d+ ?(?:k|m|million|billion|dollars|euros|pounds)\b/;
const BIG_NUMBER = /\b\d{3,}\b|\b\d{1,3}(?:,\d{3})+\b/;
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies|apology|mea culpa|regret)\b/;
const FEELING =
  /\b(?:felt|feel|feeling|panic\w*|scared|terrified|afraid|nervous|embarrass\w*|ashamed|horrified|mortified|stomach|heart|sweat\w*|cry|cried|shaking|awful|terrible|horrible|worst|nightmare|stress\w*|anxious|proud|relieved|grateful|thankful|thanks|thank|lucky|fun|funny|laugh\w*|lol|haha|joke|hilarious|ugh|oops|yikes|damn|crap|shit|fuck\w*|glad|happy|sad|upset|angry|furious|frustrat\w*|exhausted|tired)\b/;
const LESSON =
  /\b(?:lesson|lessons|learn|learned|learnt|learning|takeaway|taught|realised|realized|in hindsight|looking back|the moral|i now|we now|ever since|since then|these days|nowadays|always|never again)\b/;
const FILLER = /\b(?:um+|uh+|erm|you know|i mean|like,|so yeah|yeah|okay|ok|right\?|anyway)\b/;
const QUOTE = /["“”]/;

/**
 * What the sentence says someone did, by the kind of act rather than its object: someone
 * noticed or told (detection told through people and tools, in a timeline's present tense as
 * much as in a story's past, and as a report filed), a watch that stayed silent (an
 * admitted gap), service put back (recovery), a cause named.
 */
const ACTS: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'act:noticed',
    /\b(?:noticed|spotted|found out|discovered|radioed|phoned|rang|called (?:us|me|the|our)|emailed|tweeted|reported|flagged|told (?:us|me|support|our)|pinged|messaged|complain\w*|alerted|paged|caught|woke (?:me|us)|started (?:getting|seeing|receiving)|opened (?:a )?tickets?|lit up|notic(?:es|ing)|spott?(?:s|ing)|report(?:s|ing)|(?:submitted|filed|sent) (?:a |an )?(?:report|bug|issue)|flags (?:the|it|this)|pag(?:es|ing) (?:me|us|the|our)|alerting|(?:went|goes|going) off|my inbox)\b/,
  ],
  [
    'act:missed',
    /\b(?:all green|only caught|(?:didn't|did not|never) (?:catch|fire|alert|notice)|no alerts?|none of our|nobody noticed|no one noticed|went unnoticed|unnoticed|(?:for|over) (?:\d+ |several |a few )?(?:days|weeks|months))\b/,
  ],
  [
    'act:restored',
    /\b(?:rolled (?:\w+ ){0,3}back|reverted|restored|restarted|rebooted|failed over|hotfix\w*|patched|recovered|back (?:online|up|to normal)|mitigated|disabled|turned (?:\w+ ){0,3}off|paused|drained|re ?ran|replayed)\b/,
  ],
  ['act:cause', /\b(?:because|caused by|root cause|turned out|the cause|due to|triggered|led to|the reason)\b/],
];

/** Who the sentence is about, by its first subject-like word. */
const SUBJECTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['i', /^(?:i|i'm|i've|i'd|i'll|me|my)$/],
  ['we', /^(?:we|we're|we've|we'd|we'll|us|our|team)$/],
  ['they', /^(?:they|they're|their|he|she|his|her|someone|somebody|colleague|coworker|boss|manager|cto|ceo)$/],
  ['users', /^(?:customers?|users?|clients?|people|buyers|sellers|players|support|twitter)$/],
  [
    'system',
    /^(?:alert|alerts|alarm|alarms|monitoring|pager|pagerduty|dashboard|dashboards|graphs?|metrics|probe|check|checks)$/,
  ],
  ['you', /^(?:you|your)$/],
  ['it', /^(?:it|it's|this|that|which)$/],
];

/** Verbs that open an action item written as an instruction ("Add …", "Investigate …"). */
export const IMPERATIVE: ReadonlySet<string> = new Set(
  'add adopt alert allow audit automate block build change check clarify clean consider create define delete deploy deprecate design document enable enforce ensure establish evaluate expand explore extend fix freeze implement improve increase introduce investigate limit make migrate monitor move plug prevent provide reduce refactor remove rename replace require restrict review revisit rewrite rotate run schedule separate set ship split standardize standardise start stop switch test track train update upgrade use validate verify write'.split(
    ' ',
  ),
);

/** Words that open a sentence but tell nothing of its role ("so", "and then"). */
const OPENERS = new Set('so and but then also well now anyway ok okay yeah oh'.split(' '));

/** The first word after the openers that tell nothing of a sentence's role, and where it stands. */
export function firstContentWord(words: readonly string[]): { word: string; at: number } {
  let at = 0;
  while (at < words.length - 1 && OPENERS.has(words[at] ?? '')) at++;
  return { word: words[at] ?? '', at };
}

function subjectOf(words: readonly string[]): string | null {
  for (const w of words.slice(0, 8)) {
    for (const [name, re] of SUBJECTS) if (re.test(w)) return name;
  }
  return null;
}

function lengthBucket(n: number): string {
  if (n <= 4) return 'len:tiny';
  if (n <= 9) return 'len:short';
  if (n <= 20) return 'len:mid';
  if (n <= 35) return 'len:long';
  return 'len:huge';
}

/** The sentence tells what happened: the past tense or the present perfect (`t:past` or `t:perfect`). */
export function toldAsPast(s: string): boolean {
  return PAST.test(s) || PERFECT.test(s);
}

/**
 * The sentence tells that something happened, more strictly than the tense feature reads it: a
 * verb in the past or the present perfect, but not a participle used to describe ("a widely adopted
 * rule", "the certificate is signed by", "alerts are routed to a queue"), as explanations, pitches
 * and notes are full of.
 */
export function toldAsEvent(s: string): boolean {
  return PERFECT.test(s) || pastVerb(s);
}

/** A verb in the past that tells rather than describes (what `toldAsEvent` reads besides the perfect). */
function pastVerb(s: string): boolean {
  if (SAID_IN_PAST.test(s)) return true;
  const tokens = [...s.matchAll(TOKEN)];
  const words = tokens.map((t) => t[0]);
  // "is signed by the service and checked at the edge": a participle joined to one that describes describes too.
  let lastDescribed = false;
  for (const [i, t] of tokens.entries()) {
    if (!VERB_IN_PAST.test(t[0]) || NOT_PAST.test(t[0])) continue;
    const joined: boolean = JOINS.test(words[i - 1] ?? '') && lastDescribed;
    // "Error budget spent: 30%": the participle ends a label.
    const label: boolean = s[(t.index ?? 0) + t[0].length] === ':';
    lastDescribed = joined || label || describes(words, i);
    if (!lastDescribed) return true;
  }
  return false;
}

/** Whether the word before the participle at `i` (or the one before an adverb there) makes it describe. */
function describes(words: readonly string[], i: number): boolean {
  const before = words[i - 1] ?? '';
  return DESCRIBED_BY.test(before) || (before.endsWith('ly') && DESCRIBED_BY.test(words[i - 2] ?? ''));
}

/** The sentence tells what will happen, or a plan (`t:future` or `t:plan`). */
export function toldAsFuture(s: string): boolean {
  return FUTURE.test(s) || PLAN.test(s);
}

/** Tense, modality and voice of the sentence (several can hold at once). */
function tenseFeatures(s: string): string[] {
  const out: string[] = [];
  if (FUTURE.test(s)) out.push('t:future');
  if (PLAN.test(s)) out.push('t:plan');
  if (MODAL_PAST.test(s)) out.push('t:modal-past');
  else if (MODAL.test(s)) out.push('t:modal');
  if (PERFECT.test(s)) out.push('t:perfect');
  if (PROGRESSIVE.test(s)) out.push('t:progressive');
  const past = PAST.test(s);
  if (past) out.push('t:past');
  if (!past && PRESENT.test(s)) out.push('t:present');
  if (!past && out.length === 0) out.push('t:none');
  return out;
}

/** Times, dates and quantities: timeline lines and impact statements carry them. */
const QUANTITIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['q:clock', CLOCK],
  ['q:date', DATE],
  ['q:duration', DURATION],
  ['q:percent', PERCENT],
  ['q:money', MONEY],
  ['q:big-number', BIG_NUMBER],
];

/** Feelings, apologies, lessons, fillers and quotes: how the sentence sounds. */
const TONES: ReadonlyArray<readonly [string, RegExp]> = [
  ['tone:apology', APOLOGY],
  ['tone:feeling', FEELING],
  ['tone:lesson', LESSON],
  ['tone:filler', FILLER],
  ['tone:quote', QUOTE],
];

/** The names of the table's patterns that match the sentence, in table order. */
function matching(s: string, table: ReadonlyArray<readonly [string, RegExp]>): string[] {
  return table.filter(([, re]) => re.test(s)).map(([name]) => name);
}

function toneFeatures(s: string): string[] {
  const out = [...matching(s, TONES), ...matching(s, ACTS)];
  if (/\?\s*$/.test(s)) out.push('end:question');
  else if (/!\s*$/.test(s)) out.push('end:exclaim');
  else if (!/[.…:;]["”')\]]*\s*$/.test(s)) out.push('end:none');
  if (/\b(?:not|never|no|n't|nothing|none|nobody)\b|n't\b/.test(s)) out.push('tone:negation');
  return out;
}

/** Feature names describing what the normalised sentence does, independent of its topic. */
export function discourseFeatures(normalized: string): string[] {
  const words = normalized.match(TOKEN) ?? [];
  const out = [lengthBucket(words.length), ...tenseFeatures(normalized), ...matching(normalized, QUANTITIES)];
  out.push(...toneFeatures(normalized));
  const subject = subjectOf(words);
  out.push(`subj:${subject ?? 'none'}`);
  const { word, at } = firstContentWord(words);
  if (IMPERATIVE.has(word) && at <= 1) out.push('form:imperative');
  if (/^\d/.test(word)) out.push('form:starts-with-number');
  return out;
}
