import { scanAll, scanner } from "../text/scan.js";
import { charBefore, letterRunStart } from "../text/unicode.js";

/**
 * The raw header patterns of numbered items, as matches in a text. Two of them may start with a
 * capitalised word ("Ks § 12", "Sn 49 Dnr …"), which made the engine try them at every capital
 * letter (together 5 % of parsing time, bench/); they are found from their § or number instead and
 * the word is read backwards. Each yields exactly the matches of the regex in its comment (a test checks).
 */
export interface HeaderMatch {
  index: number;
  /** Length of the whole match. */
  length: number;
  num: string;
  /** The word before (PREFIXED, or PARA's optional prefix) or the separator (NUMBERED). */
  word: string;
}

export const PARA_AFTER = /(?<![\p{L}\p{N}§.,])(?<num>\d{1,4})[ \t]*§(?!§)/gu;
/** "2. Val av justerare", "2) …", "2: …"; in a table the title may stand in the next cell ("1.\t| Val av justerare"). */
export const NUMBERED = /(?<![\p{L}\p{N}.,:\/§()–-])(?<num>\d{1,3})(?<sep>[.:)])(?![\d.:)])[ \t]*(?:\|[ \t]*)?/gu;
export const BARE = /(?<![\p{L}\p{N}.,:;\/()§–-])(?<num>\d{1,4})[ \t]+(?=[\p{Lu}"”'(])/gu;

/**
 * A contents row: the item's number, the page it starts on, its title ("141 4 Godkännande av dagordning
 * 142 5 Information …"). The page number belongs to the row, not to the title. A title may open with a short
 * acronym ("151 21 TOP bostäder AB …", "90 9 VA-taxa").
 */
export const TOC_ROW = /(?<![\p{L}\p{N}.,:;\/()§–-])(?<num>\d{1,4})[ \t]+\d{1,3}[ \t]+(?=\p{Lu}\p{Ll}|\p{Lu}{2,3}[ \t-]+\p{L})/gu;

/**
 * A web agenda's list row that holds only the item's number, the title on the next line: " •   2\n\n  Fastställande
 * av föredragningslista", " 1.   1\n\n  Val av justerare" (a numbered list whose rows start with the item number).
 */
// It starts at the bullet, not at the line's blanks: a leading "[ \t]*" would rescan a long run of blanks from every position.
export const LIST_NUMBER = /(?:[•·*]|(?<![\d.])(?<mark>\d{1,3})\.)[ \t]+(?<num>\d{1,4})[ \t]*(?=\n|$)/gu;

/** Matches of a plain pattern; `word` is its `sep` group. */
export function* regexHeaders(re: RegExp, text: string, from: number, to: number): Generator<HeaderMatch> {
  for (const m of scanAll(scanner(re), text, from, to)) yield { index: m.index, length: m[0].length, num: m.groups!.num!, word: m.groups!.sep ?? "" };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** Start of the blanks ending at `end`. */
function blanksStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && isBlank(text[s - 1])) s--;
  return s;
}

const PARA_CORE = /§[ \t]*(?<num>\d{1,4})(?![\d§])[ \t]*[.:]?/gu;
const PARA_WORD = /^\p{Lu}\p{L}{1,5}$/u;

/** /(?<![\p{L}\p{N}§])(?:(?<prefix>\p{Lu}[\p{L}]{1,5})[ \t]+)?§[ \t]*(?<num>\d{1,4})(?![\d§])(?<rest>[ \t]*[.:]?)/gu */
export function* paraHeaders(text: string, from: number, to: number): Generator<HeaderMatch> {
  let prevEnd = from;
  let at = from;
  for (;;) {
    PARA_CORE.lastIndex = at;
    const m = PARA_CORE.exec(text);
    if (!m) return;
    const end = m.index + m[0].length;
    let start = -1;
    let word = "";
    const b = blanksStart(text, m.index);
    if (b < m.index) {
      const w = letterRunStart(text, b, 6);
      if (w >= 0 && w >= prevEnd && w < b && PARA_WORD.test(text.slice(w, b)) && !/^[\p{L}\p{N}§]$/u.test(charBefore(text, w))) {
        start = w;
        word = text.slice(w, b);
      }
    }
    if (start < 0 && !/^[\p{L}\p{N}§]$/u.test(charBefore(text, m.index))) start = m.index;
    // A later match starts after this §: past `to`, nothing more can start inside the window.
    if (start >= to || (start < 0 && m.index >= to)) return;
    if (start < 0) {
      at = m.index + 1;
      continue;
    }
    yield { index: start, length: end - start, num: m.groups!.num!, word };
    prevEnd = at = end;
  }
}

// Only at the start of a run of blanks: a match inside the run fails the same way, after rescanning the run (quadratic).
const PREFIXED_CORE = /(?<![ \t])[ \t]+(?<num>\d{1,4})[ \t]+(?=Dnr|\p{Lu})/gu;
const PREFIXED_WORD = /^(?:\p{Lu}\p{Ll}{1,4}|\p{Lu}{2,5})$/u;

/** /(?<![\p{L}\p{N}])(?<prefix>\p{Lu}[\p{Ll}]{1,4}|\p{Lu}{2,5})[ \t]+(?<num>\d{1,4})[ \t]+(?=Dnr|\p{Lu})/gu */
export function* prefixedHeaders(text: string, from: number, to: number): Generator<HeaderMatch> {
  let prevEnd = from;
  let at = from;
  for (;;) {
    PREFIXED_CORE.lastIndex = at;
    const m = PREFIXED_CORE.exec(text);
    if (!m) return;
    const w = letterRunStart(text, m.index, 5);
    const ok = w >= 0 && w >= prevEnd && w < m.index && PREFIXED_WORD.test(text.slice(w, m.index)) && !LETTER_OR_DIGIT.test(charBefore(text, w));
    if (!ok) {
      if (m.index >= to) return;
      at = m.index + 1;
      continue;
    }
    if (w >= to) return;
    const end = m.index + m[0].length;
    if (w >= from) yield { index: w, length: end - w, num: m.groups!.num!, word: text.slice(w, m.index) };
    prevEnd = at = end;
  }
}
