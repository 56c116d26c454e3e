/**
 * Words that say when or for how long, shared by the check of whether an answer tells an incident
 * (incident-words.ts) and the reading of its facts (facts.ts). Both read normalised text, in which
 * number words are already digits ("two weeks" is "2 weeks"); only a lone "one" stays a word.
 */
export const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)';
export const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
export const SEASON = '(?:spring|summer|autumn|fall|winter)';
/** How many of a unit of time: "a", "half an", "3", "a couple of". */
export const HOW_MANY = String.raw`(?:\d+|an?|one|half an?|a few|a couple of)`;
