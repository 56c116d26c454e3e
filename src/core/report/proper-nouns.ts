/**
 * Finds the capitalised names in a story (companies, people, services) so the export dialog can
 * offer them for redaction. A small heuristic finder, not a named-entity model: it looks for runs of
 * capitalised words ("Acme Bank", "Bank of Ireland"), CamelCase and acronyms, and ignores
 * capitalisation that comes from grammar (sentence starts, "I") or from the coaching vocabulary
 * (layer names, tiers, common engineering acronyms). It errs towards offering a name: the user
 * ticks what to hide.
 */
import { guessCategory, type NameCategory } from './redact';

export interface NameCandidate {
  name: string;
  /** Shorter forms used in the same story ("FreshCart" for "FreshCart Grocers"): same placeholder. */
  aliases: string[];
  /** How many sentences mention it. */
  count: number;
  /** Index of the first sentence that mentions it. */
  firstSentence: number;
  category: NameCategory;
}

/** Capitalised words that are grammar, coaching vocabulary, generic tech, languages and regions or holidays: never a secret. */
const COMMON = new Set(
  `i i'm i've i'd i'll ok okay yes no so and but then when what why how who where which while after before because
  the a an this that these those our my we us they it its there here also first second third next finally
  detection attribution mitigation structural fix system learning layer layers headline other staff senior tier l7
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december q1 q2 q3 q4 h1 h2 am pm utc pst est
  ai ml llm llms api apis sdk slo slos sla slas sli cpu gpu gpus tpu ram db sql nosql ci cd ci/cd pr prs qa ux ui
  etl eta url http https json csv dns tls ssl vpn aws gcp k8s p0 p1 p2 p3 sev sev1 sev2 sev3 oom ab a/b id ids
  kpi kpis roi faq pii gdpr hipaa ios android mac linux windows ab-test rca sre devops mlops ops it's we're we've
  one two three four five six seven eight nine ten um uh like yeah well right actually basically anyway look
  latency hierarchy consistency ownership model framework lesson tier-1 tier-2 postmortem
  later earlier eventually meanwhile luckily unfortunately honestly initially afterwards afterward today yesterday
  tomorrow now since although though however both each every all some most many nobody everyone someone
  nothing everything there's that's it's here's what's let's don't didn't wasn't weren't isn't can't couldn't
  within without during until unless instead overall instead plus
  english french german spanish italian portuguese dutch swedish norwegian danish finnish polish czech greek
  turkish russian ukrainian chinese mandarin cantonese japanese korean hindi arabic hebrew latin
  european american british canadian australian indian asian african latam emea apac
  christmas easter thanksgiving ramadan diwali`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Lowercase words allowed inside a name ("Bank of Ireland", "Procter & Gamble"); not "and", which joins lists of names. */
const CONNECTORS = new Set(['of', 'de', 'la', 'van', 'von', 'der', 'du', '&', 'the']);

interface Token {
  raw: string;
  word: string;
  /** Ends with punctuation that breaks a name run (comma, period, dash…). */
  breaksAfter: boolean;
}

function tokenize(sentence: string): Token[] {
  return sentence
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((raw) => {
      const word = raw
        .replace(/^[^\p{L}\p{N}&]+/u, '')
        .replace(/[^\p{L}\p{N}&]+$/u, '')
        .replace(/['’]s$/u, '');
      return {
        raw,
        word,
        breaksAfter: /[,.;:!?—–)"”]$/u.test(raw) || /['’]s$/u.test(raw.replace(/[^\p{L}\p{N}'’]+$/u, '')),
      };
    });
}

function isNameWord(word: string): boolean {
  if (word.length < 2 || COMMON.has(word.toLowerCase())) return false;
  if (/^\p{Lu}[\p{Ll}\p{N}]*(?:[-.]?\p{Lu}?[\p{Ll}\p{N}]+)*$/u.test(word) && /\p{Ll}/u.test(word)) return true; // Acme, McKinsey, Coca-Cola
  if (/^\p{Lu}{2,6}\d*$/u.test(word)) return true; // IBM, ACME
  if (/^\p{Ll}+\p{Lu}[\p{L}\p{N}]*$/u.test(word)) return true; // iPhone, eBay
  if (/^\p{Lu}[\p{Ll}]+\p{Lu}[\p{L}\p{N}]*$/u.test(word)) return true; // PayPal, DynamoDB
  return false;
}

/** A layer marker or speaker label at the start does not make the next word a sentence start. */
const LEADING_MARKER =
  /^(?:(?:layer\s+\w+|l[1-5]|detection|attribution|mitigation|structural fix|system learning)\s*[—–:-]\s*)/i;

export function findProperNouns(sentences: readonly string[]): NameCandidate[] {
  const found = new Map<string, { name: string; sentences: Set<number>; first: number; midSentence: boolean }>();
  sentences.forEach((sentence, si) => {
    const tokens = tokenize(sentence.replace(LEADING_MARKER, ''));
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      if (!t || !isNameWord(t.word)) {
        i++;
        continue;
      }
      const start = i;
      const words = [t.word];
      let end = i;
      // Extend the run over capitalised words and connectors ("Bank of Ireland").
      while (!tokens[end]?.breaksAfter) {
        const next = tokens[end + 1];
        const after = tokens[end + 2];
        if (next && isNameWord(next.word)) {
          words.push(next.word);
          end++;
        } else if (
          next &&
          CONNECTORS.has(next.raw.toLowerCase()) &&
          !next.breaksAfter &&
          after &&
          isNameWord(after.word)
        ) {
          words.push(next.raw, after.word);
          end += 2;
        } else break;
      }
      const name = words.join(' ');
      const key = name.toLowerCase();
      const entry = found.get(key) ?? { name, sentences: new Set<number>(), first: si, midSentence: false };
      entry.sentences.add(si);
      if (start > 0 || words.length > 1) entry.midSentence = true;
      found.set(key, entry);
      i = end + 1;
    }
  });
  // A lone capitalised word seen only at sentence starts is usually just a capitalised word
  // ("Rollback took…"), unless it is an acronym or CamelCase.
  const kept = [...found.values()].filter(
    (entry) => entry.midSentence || /\p{Lu}.*\p{Lu}/u.test(entry.name) || /^\p{Ll}/u.test(entry.name),
  );
  // A short form that starts exactly one longer name ("Dana" → "Dana Whitfield") is the same
  // entity: offer it as an alias so both get one placeholder.
  const aliasOf = new Map<string, (typeof kept)[number]>();
  for (const short of kept) {
    const longer = kept.filter(
      (other) => other !== short && other.name.toLowerCase().startsWith(`${short.name.toLowerCase()} `),
    );
    if (longer.length === 1 && longer[0]) aliasOf.set(short.name, longer[0]);
  }
  const candidates: NameCandidate[] = [];
  for (const entry of kept) {
    if (aliasOf.has(entry.name)) continue;
    const aliases = kept.filter((short) => aliasOf.get(short.name) === entry);
    const sentences = new Set([...entry.sentences, ...aliases.flatMap((a) => [...a.sentences])]);
    candidates.push({
      name: entry.name,
      aliases: aliases.map((a) => a.name),
      count: sentences.size,
      firstSentence: Math.min(entry.first, ...aliases.map((a) => a.first)),
      category: guessCategory(entry.name),
    });
  }
  return candidates.sort(
    (a, b) => a.firstSentence - b.firstSentence || b.count - a.count || a.name.localeCompare(b.name),
  );
}
