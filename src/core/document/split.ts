/**
 * Splits a block of written text into sentences: at ".", "!" or "?" followed by a space and a
 * capital, digit or quote, except after common abbreviations, initials and decimal numbers.
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'incl',
  'mr',
  'mrs',
  'ms',
  'dr',
  'no',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'corp',
  'u.s',
  'st',
]);

export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return [];
  const out: string[] = [];
  let start = 0;
  const boundary = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘([]?[A-Z0-9])/g;
  for (let m = boundary.exec(flat); m; m = boundary.exec(flat)) {
    const end = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const before = flat.slice(start, m.index);
    const lastWord = (before.split(' ').pop() ?? '').toLowerCase();
    // "e.g. Acme", "U.S. East", "J. Smith": an abbreviation or an initial, not an ending.
    if (m[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord))) continue;
    out.push(flat.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}
