/** Unicode-aware word boundaries: JavaScript's \b only knows ASCII letters. */
export const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";
export const NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";

/** Any dash a text extractor may produce between two numbers or dates. */
export const DASH = "[-\\u2010-\\u2015\\u2212]";

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** An alternation of forms, longest first, with every metacharacter escaped. Spaces match any run of blanks. */
export function anyOf(forms: readonly string[]): string {
  // Ties in length are ordered by code unit, not localeCompare (ICU made building the lexicon's
  // patterns cost 40 ms at every worker's start); forms of one length never match the same text
  // differently, so the order among them does not change a match.
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return `(?:${sorted.map((f) => escapeRegExp(f).replace(/ /g, "[ \\t]+")).join("|")})`;
}

/**
 * A cheap necessary condition for anyOf(forms): an alternation of a few words that every match of
 * anyOf(forms) contains, under the same flags. The words are space-free pieces of the forms (a
 * literal part of any match, since only spaces become blank runs): each one-piece form gives its
 * piece, each longer form is covered by a piece that contains a word already chosen or else gives
 * its longest piece, and a word that contains another word is dropped (the shorter is in every text
 * the longer is in). A long alternation is tried at almost every letter of a text, the cue's few
 * words at few: a line without a cue word is answered without the long pattern (role words over the
 * bench corpus's lines: 26 → 6 ms).
 */
export function cueOf(forms: readonly string[], flags: string): RegExp {
  const pieces = forms.map((f) => f.split(" ").filter((p) => p !== ""));
  // A form of blanks only matches without any word: then nothing narrows the search.
  if (pieces.some((ps) => ps.length === 0)) return new RegExp("", flags.replace(/[gy]/g, ""));
  const shortest = (words: string[]) => [...new Set(words)].filter((w, _, all) => !all.some((v) => v !== w && w.includes(v)));
  let cues = shortest(pieces.filter((ps) => ps.length === 1).map((ps) => ps[0]!));
  for (const ps of pieces) {
    if (ps.some((p) => cues.some((c) => p.includes(c)))) continue;
    cues.push(ps.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  cues = shortest(cues);
  // As a trie (trieOf): the same offsets match, and a cue is only asked where it matches.
  return new RegExp(trieOf(cues), flags.replace(/[gy]/g, ""));
}

type TrieNode = Map<string, TrieNode> & { end?: boolean };

/**
 * The forms as a regex trie ("jan(?:uari|\\.)?|jun(?:i|\\.)?…" grouped by shared starts): at a given
 * offset it can match exactly the forms anyOf(forms) can (spaces as blank runs too), so with the same
 * look-around after it there is a match at an offset exactly when anyOf's has one; which form a
 * capture would hold may differ, so it is for finding where matches are, not for reading them. The
 * engine tries each shared start once instead of once per form: the dates' month cue over the bench
 * corpus, 15 → 8 ms; the line layer's web-word cue 15 → 12 ms.
 */
export function trieOf(forms: readonly string[]): string {
  const root: TrieNode = new Map();
  for (const f of new Set(forms)) {
    let n = root;
    for (const c of f) {
      let next = n.get(c);
      if (!next) n.set(c, (next = new Map()));
      n = next;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const alts = [...n].map(([c, child]) => (c === " " ? "[ \\t]+" : escapeRegExp(c)) + emit(child));
    if (alts.length === 0) return "";
    if (alts.length === 1 && !n.end) return alts[0]!;
    return `(?:${alts.join("|")})${n.end ? "?" : ""}`;
  };
  return `(?:${emit(root)})`;
}

/**
 * anyOf for a pattern without the `i` flag whose match must start with a capital ("Plats och tid",
 * "PLATS OCH TID", never "plats och tid"): the first letter upper case only, the others either case.
 * A case-insensitive alternation is tried at every letter of a text; this one only at capitals,
 * which made the label scans several times faster (bench/). Forms not starting with a letter that
 * has case can never start with a capital and are left out. One difference from filtering the
 * case-insensitive matches: a lower-case phrase no longer hides a capitalised label inside it.
 */
export function capitalisedAnyOf(forms: readonly string[]): string {
  const sorted = [...new Set(forms.map((f) => f.toLowerCase()))].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const either = (c: string) => {
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (c === " ") return "[ \\t]+";
    return lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : escapeRegExp(c);
  };
  const alts = sorted
    .filter((f) => {
      const first = [...f][0] ?? "";
      return first.toLowerCase() !== first.toUpperCase() && first.toUpperCase().length === 1;
    })
    .map((f) => {
      const [first, ...rest] = [...f];
      return escapeRegExp(first!.toUpperCase()) + rest.map(either).join("");
    });
  return `(?:${alts.join("|")})`;
}

/** anyOf wrapped in Unicode word boundaries. */
export function wordsOf(forms: readonly string[]): string {
  return `${NOT_AFTER_WORD}${anyOf(forms)}${NOT_BEFORE_WORD}`;
}

/**
 * wordsOf as a trie (trieOf): the same strings, so a pattern that is only tested (test, testAnywhere:
 * whether a match exists, not which form it took) answers the same. The engine then reads a shared
 * beginning once instead of once per form: the deadline cues' test 4.8 → 3.3 ms and 11.6 → 6.9 ms
 * over the bench corpus's sentences, the passive decision forms' 9.0 → 4.5 ms. Not for exec or
 * replace: where forms are prefixes of each other the trie may take another one than anyOf's longest.
 */
export function wordTestOf(forms: readonly string[], after = NOT_AFTER_WORD, before = NOT_BEFORE_WORD): string {
  return `${after}${trieOf(forms)}${before}`;
}

/** The code point just before `at` (a surrogate pair whole), or "" at the start. */
export function charBefore(text: string, at: number): string {
  if (at <= 0) return "";
  const lo = text.charCodeAt(at - 1);
  const pair = at >= 2 && lo >= 0xdc00 && lo <= 0xdfff && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return text.slice(pair ? at - 2 : at - 1, at);
}

const LETTER = /^\p{L}$/u;

/** Start of the run of letters ending at `end`, or -1 when it holds more than `max` letters. */
export function letterRunStart(text: string, end: number, max: number): number {
  let s = end;
  let n = 0;
  for (let c = charBefore(text, s); c && LETTER.test(c); c = charBefore(text, s)) {
    if (++n > max) return -1;
    s -= c.length;
  }
  return s;
}

export function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/**
 * Collapse whitespace runs and trim. Only runs that change are replaced (two or more blanks, or one
 * that is not a space): replacing every single space by itself was most of the cost (bench/).
 */
export function squash(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

/** Letter classes of a code point, as regex property escapes see them: bits of LETTER_BIT, UPPER_BIT, LOWER_BIT. */
export const LETTER_BIT = 1;
export const UPPER_BIT = 2;
export const LOWER_BIT = 4;
const KNOWN_BIT = 8;
/** \p{N}: a number of any script. */
export const NUMBER_BIT = 16;
/** The classes of each BMP code point, filled in as they are met (ASCII at load). */
const bmpClasses = new Uint8Array(0x10000);
const IS_UPPER = /^\p{Lu}$/u;
const IS_LOWER = /^\p{Ll}$/u;
const IS_NUMBER = /^\p{N}$/u;
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  bmpClasses[c] = KNOWN_BIT | (upper || lower ? LETTER_BIT : 0) | (upper ? UPPER_BIT : 0) | (lower ? LOWER_BIT : 0) | (isAsciiDigit(c) ? NUMBER_BIT : 0);
}

/** The classes of a code point (\p{L}, \p{Lu}, \p{Ll}, \p{N}: LETTER_BIT, UPPER_BIT, LOWER_BIT, NUMBER_BIT), from a table filled as they are met. */
export function classesOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClasses[cp]!;
    if (known) return known;
  }
  const ch = String.fromCodePoint(cp);
  const bits = KNOWN_BIT | (LETTER.test(ch) ? LETTER_BIT : 0) | (IS_UPPER.test(ch) ? UPPER_BIT : 0) | (IS_LOWER.test(ch) ? LOWER_BIT : 0) | (IS_NUMBER.test(ch) ? NUMBER_BIT : 0);
  if (cp < 0x10000) bmpClasses[cp] = bits;
  return bits;
}

/**
 * Each maximal run of letters that is one capital and then small letters (what
 * /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu matches), by code point: a hand loop, as this runs on
 * every line of every document (the regex with its look-behind was 2 % of parsing).
 */
export function forEachCapitalisedWord(s: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < s.length) {
    let cp = s.codePointAt(i)!;
    let bits = classesOf(cp);
    if (!(bits & LETTER_BIT)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    // A run of letters starts here; it counts when it is one capital and then only small letters.
    const start = i;
    let shaped = (bits & UPPER_BIT) !== 0;
    let n = 0;
    for (;;) {
      i += cp > 0xffff ? 2 : 1;
      n++;
      if (i >= s.length) break;
      cp = s.codePointAt(i)!;
      bits = classesOf(cp);
      if (!(bits & LETTER_BIT)) break;
      if (!(bits & LOWER_BIT)) shaped = false;
    }
    if (shaped && n >= 2) visit(start, i);
  }
}

/** Whether a UTF-16 unit is an ASCII digit: what `\d` matches, with the u flag too. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether s holds an ASCII digit (what `\d` finds, with the u flag too), by char code. */
export function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isAsciiDigit(s.charCodeAt(i))) return true;
  return false;
}

/** Whether a UTF-16 unit is a space or a tab: what `[ \t]` matches. */
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether a UTF-16 unit is JavaScript's \s (what trim() removes), by char code. */
export function isBlank(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether s[from, to) is empty or blanks only: `s.slice(from, to).trim() === ""` without making the
 * copies (isBlank is what trim removes), for the line loops that skip blank lines; a line that is
 * not blank is answered at its first character.
 */
export function isBlankText(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) if (!isBlank(s.charCodeAt(i))) return false;
  return true;
}

/** The code point of s[from, at) that ends at `at` (a surrogate pair whole when both halves lie inside), or -1 at `from`. */
export function codePointBefore(s: string, from: number, at: number): number {
  if (at <= from) return -1;
  const lo = s.charCodeAt(at - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && at - 2 >= from) {
    const hi = s.charCodeAt(at - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/**
 * Whether s holds n code points in a row that pass `inRun` (by hand: /\p{L}{n}/u and /\S{n}/u retry
 * each start of a shorter run character by character, and these run on every line of every PDF).
 */
function hasRun(s: string, n: number, inRun: (cp: number) => boolean): boolean {
  let run = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    run = inRun(cp) ? run + 1 : 0;
    if (run >= n) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

const isLetterCode = (cp: number) => (classesOf(cp) & LETTER_BIT) !== 0;
// A surrogate pair is never a blank; isBlank reads one UTF-16 unit.
const isNonBlankCode = (cp: number) => cp > 0xffff || !isBlank(cp);

/** Whether s holds n letters in a row, by code point (what /\p{L}{n}/u finds). */
export function hasLetterRun(s: string, n: number): boolean {
  return hasRun(s, n, isLetterCode);
}

/** Whether s holds n characters in a row that are not blanks, by code point (what /\S{n}/u finds). */
export function hasNonBlankRun(s: string, n: number): boolean {
  return hasRun(s, n, isNonBlankCode);
}
