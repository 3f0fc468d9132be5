import { isAsciiDigit, isBlank, isSpaceOrTab, squash } from "../text/unicode.js";
import type { Range } from "../types.js";

/**
 * One document's sentences and squashed sentence texts, kept while the same text is asked about:
 * decisions, motions, reservations, follow-ups and date roles each split the same item again
 * (together a quarter of parsing time before, bench/). A new text empties the memo.
 */
const memo = {
  text: null as string | null,
  split: new Map<number | string, Range[]>(),
  flat: new Map<number | string, string>(),
  resume: new Map<number, Resume>(),
};

/**
 * Splits that end at the same offset, by their states: a split's sentences after it set its start
 * of sentence `at` to an offset (at the start, or after a sentence end) depend on that offset and the
 * end only (split's comment tells why), so a split of an item from its title, from after it and
 * from its body shares its sentences from the first state the splits have in common. Keyed by the
 * end, then the offset: the split's sentences and how many of them came before that state.
 */
type Resume = Map<number, { out: Range[]; before: number }>;

function memoFor(text: string): typeof memo {
  if (memo.text !== text) {
    memo.split.clear();
    memo.flat.clear();
    memo.resume.clear();
  }
  // Always the caller's own string: an equal text in another string (the same file parsed again)
  // would otherwise be compared character by character on every call.
  memo.text = text;
  return memo;
}

/**
 * A range's memo key: start · (length + 1) + end, one number for each pair of offsets in
 * [0, length] (a template string per call was a tenth of asking the memo); the "start:end"
 * string for a range outside the text or a text so long that the product passes 2^53.
 */
function rangeKey(text: string, range: Range): number | string {
  const { start, end } = range;
  const n = text.length + 1;
  if (n <= 67_108_864 && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 && start < n && end < n) return start * n + end;
  return `${start}:${end}`;
}

/** Empties the memo: each parse starts afresh, even of a text equal to the last one. */
export function forgetSentences(): void {
  memo.text = null;
  memo.split.clear();
  memo.flat.clear();
  memo.resume.clear();
}

/**
 * Sentence ranges in [start, end): a sentence ends at . ! ? before a capital or a line break, or at a blank line.
 * The memo's own array and ranges, read-only: no caller changes them, and copying every range for
 * every caller (decisions, follow-ups, date roles and the rest each ask for an item's sentences)
 * was most of what asking the memo cost.
 */
export function sentences(text: string, range: Range): readonly Readonly<Range>[] {
  const m = memoFor(text);
  const key = rangeKey(text, range);
  let hit = m.split.get(key);
  if (!hit) {
    let resume = m.resume.get(range.end);
    if (!resume) m.resume.set(range.end, (resume = new Map()));
    hit = split(text, range, resume);
    m.split.set(key, hit);
  }
  return hit;
}

/** The text of a range with its blanks collapsed (squash), memoised like the sentences. */
export function squashedText(text: string, range: Range): string {
  const m = memoFor(text);
  const key = rangeKey(text, range);
  let hit = m.flat.get(key);
  if (hit === undefined) {
    hit = squash(text.slice(range.start, range.end));
    m.flat.set(key, hit);
  }
  return hit;
}

/** "Tobias J": a capitalised given name and a single capital, just before a full stop. */
const MIDDLE_INITIAL = /(?<![\p{L}])\p{Lu}\p{Ll}+[ \t]+\p{Lu}$/u;
/** " Andersson": the surname after the initial's full stop. */
const NAME_GOES_ON = /^[ \t]+\p{Lu}\p{Ll}/u;

/**
 * Whether the character before `at` may be a capital (MIDDLE_INITIAL's last \p{Lu}): false only for
 * ASCII other than A–Z, read by char code. Most full stops follow a small letter or a digit, and the
 * pattern, anchored at its end, was tried at every offset of its 40-character window.
 */
function mayBeCapitalBefore(s: string, at: number): boolean {
  const c = s.charCodeAt(at - 1);
  return c >= 128 || (c >= 65 && c <= 90);
}

/** Where a sentence may end (split's comment tells which). */
const SENTENCE_END = /[.!?](?=[ \t]*(?:\n|$)|[ \t]+[\p{Lu}•"”]|[ \t]+att[ \t]+\p{Ll}|[ \t]+(?:\d{1,2}|\p{Ll})[.)][ \t]+\p{Lu}\p{Ll})|\n[ \t]*\n|\n(?=[ \t]*[•●▪-][ \t])/gu;

/**
 * The loop's state after `at` was set is (at, re.lastIndex = at): everything after reads s from `at`
 * on (the pattern has no lookbehind; MIDDLE_INITIAL, endsInColon and the list-number test read from
 * `at`; goesOnLower and NAME_GOES_ON read forward to the end, the same for every split in `resume`).
 * mayBeCapitalBefore may read before `at`, but only where the stop is at `at`, and there
 * MIDDLE_INITIAL is tested on an empty slice and fails either way. So on reaching a state that an
 * earlier split of the same end recorded, its sentences from there are this split's too.
 */
function split(text: string, range: Range, resume: Resume): Range[] {
  const out: Range[] = [];
  const states: number[] = [];
  const done = (rest: Range[] | null, from = 0): Range[] => {
    const all = rest ? out.concat(rest.slice(from)) : out;
    for (let i = 0; i < states.length; i += 2) if (!resume.has(states[i]!)) resume.set(states[i]!, { out: all, before: states[i + 1]! });
    return all;
  };
  const s = text.slice(range.start, range.end);
  let at = 0;
  const seen = resume.get(range.start);
  if (seen) return done(seen.out, seen.before);
  states.push(range.start, 0);
  // A blank line ends a sentence unless the text goes on in lower case (a line break inside a sentence).
  // "Rolf Östman yrkar bifall till motionen. att tillstyrka …": an att-clause after a full stop is a
  // decision clause of its own, though it starts in lower case; so is "… 10 december. 1. Preliminära
  // sammanträdesdagar … fastställs.", a numbered point after a full stop.
  // The blank line's "not followed by lower case" is checked below, once per run of blank lines: as a
  // lookahead it rescanned the rest of the run at every blank line (200,000 newlines: minutes).
  const goesOnLower = lowerAfterBlanks(s);
  // An exec loop on the one RegExp: matchAll cloned it at every call (its matches are never empty).
  const re = SENTENCE_END;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length > 1 && m[0].endsWith("\n") && goesOnLower(m.index + m[0].length)) continue;
    const end = m.index + (m[0].startsWith("\n") ? 0 : 1);
    // A sentence that ends in a colon goes on into its list ("följande dagar 2024:\n\n2 februari …").
    if (endsInColon(s, at, end, isBlank) || endsInColon(s, at, m.index, isSpaceOrTab)) continue;
    // "Melinda Fülöp och Tobias J. Andersson väljs …": the full stop of a middle initial, between a given
    // name and a surname, does not end a sentence ("enligt bilaga A. Mötet …" still does).
    // (The test after the stop first: it reads four characters.)
    if (m[0] === "." && NAME_GOES_ON.test(s.slice(m.index + 1, m.index + 5)) && mayBeCapitalBefore(s, m.index) && MIDDLE_INITIAL.test(s.slice(Math.max(at, m.index - 40), m.index))) continue;
    // "1. Preliminära sammanträdesdagar …": the full stop of a list number does not end a sentence.
    // (Only where a digit and a stop end the sentence is the slice tested: most sentences end otherwise.)
    if (endsInDigitStop(s, at, end) && /^\s*\d{1,2}\.$/u.test(s.slice(at, end))) continue;
    if (end > at) splitAtHeadingLines(text, range.start + at, range.start + end, out);
    at = m.index + m[0].length;
    const known = resume.get(range.start + at);
    if (known) return done(known.out, known.before);
    states.push(range.start + at, out.length);
  }
  if (at < s.length) splitAtHeadingLines(text, range.start + at, range.end, out);
  return done(null);
}

/** Whether the last character of s[from, to) that `skip` does not pass over is a colon (by hand: this runs at every sentence end). */
function endsInColon(s: string, from: number, to: number, skip: (c: number) => boolean): boolean {
  let i = to - 1;
  while (i >= from && skip(s.charCodeAt(i))) i--;
  return i >= from && s.charCodeAt(i) === 58;
}

/** Whether s[from, to) ends in an ASCII digit and a full stop: what /\d{1,2}\.$/u needs. */
function endsInDigitStop(s: string, from: number, to: number): boolean {
  if (to - from < 2 || s.charCodeAt(to - 1) !== 46) return false;
  return isAsciiDigit(s.charCodeAt(to - 2));
}

/**
 * Whether the text from an offset, past blanks and line breaks, goes on in lower case. The end of
 * the blanks is kept between calls, so asking at every line break of one run costs one scan of it.
 */
function lowerAfterBlanks(s: string): (at: number) => boolean {
  let runEnd = -1;
  let lower = false;
  return (at) => {
    if (at > runEnd) {
      runEnd = at;
      while (runEnd < s.length && (s[runEnd] === " " || s[runEnd] === "\t" || s[runEnd] === "\n")) runEnd++;
      lower = /^\p{Ll}/u.test(s.slice(runEnd, runEnd + 2));
    }
    return lower;
  };
}

/** Punctuation that closes a line of running text; tested on the last character (a regex per line cost 3 % of parsing). */
const CLOSING = ".,;:!?-";

/**
 * A short line without closing punctuation before a capitalised line is a heading or a title: a
 * sentence of its own. The pieces of text[start, end) go to `out` trimmed, those that were all
 * blanks left out (pushed in place: a flatMap, a map and a filter over every sentence before).
 */
function splitAtHeadingLines(text: string, start: number, end: number, out: Range[]): void {
  let at = start;
  // Search the sentence only: indexOf over the whole text would be quadratic on a text without line breaks.
  const s = text.slice(start, end);
  // The line break before the one at i (-1 before the first): the loop meets every break in order,
  // so it is what s.lastIndexOf("\n", i - 1) would find, without searching back for it per line.
  let before = -1;
  for (let i = s.indexOf("\n"); i !== -1; before = i, i = s.indexOf("\n", i + 1)) {
    const nl = start + i;
    // The line before the break, trimmed: its bounds by char code (a slice and a trim per line before).
    let a = before + 1;
    let b = i;
    while (a < b && isBlank(s.charCodeAt(a))) a++;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    if (b > a && b - a <= 60 && !CLOSING.includes(s[b - 1]!) && /^[\p{Lu}•]/u.test(s.slice(i + 1, i + 3).trimStart())) {
      pushTrimmed(text, at, nl, out);
      at = nl + 1;
    }
  }
  pushTrimmed(text, at, end, out);
}

/** text[start, end) without its blanks at either end, unless nothing is left. */
function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}
