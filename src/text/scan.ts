/**
 * Global regex scans that give the same matches as `text.matchAll(re)`, faster.
 *
 * Why: V8 can skip ahead to the characters a pattern may start with, but not past a leading
 * look-behind; `(?<![\p{L}\p{N}])(?:januari|…)` runs about 3× slower over a text than the bare
 * alternation (measured with bench/ on the generated corpus). Most of our rules start with such
 * a word-boundary look-behind. A scanner strips it, scans with the rest, and checks the character
 * before each match by hand, retrying one position later when it fails — exactly what the engine
 * does with the look-behind, position by position, so the matches are the same.
 * `matchAll` also clones its regex on every call; a scanner reuses one.
 * One difference, irrelevant to our rules (none matches the empty string): V8 also tries an empty
 * match between the two halves of a surrogate pair, a scanner does not.
 */
import { charBefore } from "./unicode.js";

export interface Scanner {
  /** The pattern without its leading look-behind (global; sticky when lineStarts). */
  readonly re: RegExp;
  /** Whether a match may start at this offset (the look-behind's test), or null when there was none. */
  readonly before: ((text: string, at: number) => boolean) | null;
  /** The pattern began with `(?<=^|\n)`: it is tried at line starts only, found with indexOf. */
  readonly lineStarts?: boolean;
  /** With lineStarts: a pattern found in the line of every match (global, private): lines without it are not tried. */
  readonly cue?: RegExp;
}

/**
 * The first index from `from` where `hit(char, depth)` holds, skipping escapes and character classes;
 * depth counts the groups open before the character. -1 when none.
 */
function findInSource(source: string, from: number, depth: number, hit: (c: string, depth: number) => boolean): number {
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (hit(c, depth)) return i;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  return -1;
}

/** The leading `(?<!…)` / `(?<=…)` of a source and what follows it, when the rest has no top-level `|`. */
function splitLeadingLookbehind(source: string): { negative: boolean; body: string; rest: string } | null {
  const m = /^\(\?<([!=])/.exec(source);
  if (!m) return null;
  const close = findInSource(source, m[0].length, 1, (c, depth) => c === ")" && depth === 1);
  if (close < 0) return null;
  const rest = source.slice(close + 1);
  if (findInSource(rest, 0, 0, (c, depth) => c === "|" && depth === 0) >= 0) return null;
  return { negative: m[1] === "!", body: source.slice(m[0].length, close), rest };
}

/**
 * Look-behinds of one character: a class, an escape that stands for one character, `^`, or
 * alternatives of those. Not `\b`, `\B` (assertions, not characters), `\k<…>` or `\1`–`\9`
 * (back-references): those look-behinds stay with the engine.
 */
const ONE_CHAR = /^(?:\[(?:\\.|[^\]\\])*\]|\\[^pPubBk1-9]|\\[pP]\{[\w=]+\}|\\u[\dA-Fa-f]{4}|[^\\[\]()|?*+{}^$.])$/u;

function charTest(body: string, negative: boolean, flags: string): ((text: string, at: number) => boolean) | null {
  const alts = body.split("|");
  const atStart = alts.includes("^");
  const chars = alts.filter((a) => a !== "^");
  // In multiline mode `^` also holds after a line terminator; the test below knows offset 0 only.
  if (atStart && flags.includes("m")) return null;
  if (body.includes("(") || !chars.every((a) => ONE_CHAR.test(a))) return null;
  const one = chars.length ? new RegExp(`^(?:${chars.join("|")})$`, flags.replace(/[gy]/g, "")) : null;
  const unicode = flags.includes("u") || flags.includes("v");
  // The answer for each ASCII character, from the same regex: most characters before a candidate
  // match are ASCII, and a table read costs less than a slice and a regex test.
  const ascii = Uint8Array.from({ length: 128 }, (_, c) => (one?.test(String.fromCharCode(c)) ? 1 : 0));
  return (text, at) => {
    if (at === 0) return negative ? !atStart : atStart;
    const c = text.charCodeAt(at - 1);
    // In unicode mode the look-behind sees one code point, which may be a surrogate pair.
    const hit = c < 128 ? ascii[c] === 1 : !!one && one.test(unicode ? charBefore(text, at) : text[at - 1]!);
    return negative ? !hit : hit;
  };
}

const byRegExp = new WeakMap<RegExp, Scanner>();

/** The scanner of a pattern (`g` added), made once per RegExp object. */
export function scanner(re: RegExp): Scanner {
  let made = byRegExp.get(re);
  if (!made) {
    const flags = re.flags.includes("g") ? re.flags : re.flags + "g";
    const split = splitLeadingLookbehind(re.source);
    const test = split ? charTest(split.body, split.negative, flags) : null;
    made = test ? { re: new RegExp(split!.rest, flags), before: test } : { re: new RegExp(re.source, flags), before: null };
    byRegExp.set(re, made);
  }
  return made;
}

const kept = new WeakMap<RegExp, Scanner>();

/**
 * A scanner that keeps the look-behind: for patterns that may start with blanks or nothing before
 * their words (`(?<=^|\n)[ \t]*Beslut`), where the look-behind is what stops a search early. It
 * still saves matchAll's clone, whose cost grows with the pattern's source (a lexicon's alternation).
 * `cue`, for a line-start pattern whose matches never cross a line break: a pattern that matches in
 * the line of every match (cueOf the forms, or a word the pattern requires); the scan then goes from
 * cue to cue instead of trying every line. One cue per pattern: the first call's is kept.
 */
export function keptScanner(re: RegExp, cue?: RegExp): Scanner {
  let hit = kept.get(re);
  if (!hit) {
    const rest = lineStartRest(re);
    // A private copy either way: scans set lastIndex, which must not leak into a caller's own RegExp.
    hit = rest !== null
      ? { re: new RegExp(rest, re.flags.replace(/[gy]/g, "") + "y"), before: null, lineStarts: true, ...(cue ? { cue: new RegExp(cue.source, cue.flags.replace(/[gy]/g, "") + "g") } : {}) }
      : { re: new RegExp(re.source, re.flags.replace(/y/g, "") + (re.global ? "" : "g")), before: null };
    kept.set(re, hit);
  }
  return hit;
}

/**
 * The pattern after a leading line-start look-behind, when the line-start scan gives the same
 * matches: not when the rest has a top-level `|` (its other alternatives may match anywhere), and
 * not in multiline mode (there `^` inside the look-behind also holds after "\r", U+2028, U+2029).
 */
function lineStartRest(re: RegExp): string | null {
  if (!re.source.startsWith(LINE_START) || re.multiline) return null;
  const rest = re.source.slice(LINE_START.length);
  return findInSource(rest, 0, 0, (c, depth) => c === "|" && depth === 0) >= 0 ? null : rest;
}

/**
 * A look-behind for a line start. A pattern that begins with it can only match at offset 0 or
 * after a line break, so instead of letting the engine try it at every offset (it cannot skip
 * ahead past a look-behind) the scan jumps from line start to line start with indexOf and tries
 * the rest of the pattern there, sticky: the same matches.
 */
const LINE_START = "(?<=^|\\n)";

/** The first line start at or after i (offset 0, or just after a "\n"), or -1. */
function lineStartFrom(text: string, i: number): number {
  if (i <= 0) return 0;
  if (text.charCodeAt(i - 1) === 10) return i;
  const nl = text.indexOf("\n", i);
  return nl < 0 ? -1 : nl + 1;
}

/**
 * The start of the line that holds offset q, or `at` when that line starts before `at` (at ≤ q).
 * Searched back from q no further than `at`: lastIndexOf would run on to the text's start, every
 * time, on a text without line breaks (a 10 MB single line: quadratic).
 */
function lineStartWithin(text: string, at: number, q: number): number {
  for (let i = q - 1; i >= at; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return at;
}

/**
 * Where a search from `at` for a pattern whose matches hold the (global) cue and stay on one line
 * may start: the start of the line of the next cue match, or `at` when that line began before it;
 * -1 without a cue match. The lines skipped hold no match.
 */
export function cuedLineFrom(cue: RegExp, text: string, at: number): number {
  cue.lastIndex = at;
  const m = cue.exec(text);
  return m === null ? -1 : lineStartWithin(text, at, m.index);
}

function* scanLineStarts(re: RegExp, text: string, from: number, to: number, cue?: RegExp): Generator<RegExpExecArray> {
  for (let at = lineStartFrom(text, from); at >= 0 && at <= to; ) {
    if (cue) {
      at = cuedLineFrom(cue, text, at);
      if (at < 0 || at > to) return;
    }
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) {
      at = lineStartFrom(text, at + 1);
      continue;
    }
    if (m.index === to && to !== text.length) return;
    yield m;
    at = lineStartFrom(text, m[0].length === 0 ? at + 1 : m.index + m[0].length);
  }
}

/** Every match in text[from, to): matches that start before `to` (they may run past it, as with matchAll on the whole text). */
export function* scanAll(s: Scanner, text: string, from = 0, to = text.length): Generator<RegExpExecArray> {
  if (s.lineStarts) {
    yield* scanLineStarts(s.re, text, from, to, s.cue);
    return;
  }
  for (let at = from; at <= to; ) {
    const m = nextMatch(s, text, at, to);
    if (m === null) return;
    at = m[0].length === 0 ? step(s.re, text, m.index) : m.index + m[0].length;
    yield m;
  }
}

/** One position on from i: past a whole surrogate pair in unicode mode, as the engine steps (a lone half is one position). */
function step(re: RegExp, text: string, i: number): number {
  if ((re.unicode || (re as RegExp & { unicodeSets?: boolean }).unicodeSets === true) && i + 1 < text.length) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/** The first match of a (not line-start) scanner that starts in [at, to], or null: scanAll's step, without a generator. */
function nextMatch(s: Scanner, text: string, at: number, to: number): RegExpExecArray | null {
  const re = s.re;
  while (at <= to) {
    re.lastIndex = at;
    const m = re.exec(text);
    // An empty match at the very end counts, as with matchAll.
    if (m === null || m.index > to || (m.index === to && to !== text.length)) return null;
    if (s.before && !s.before(text, m.index)) {
      at = step(re, text, m.index);
      continue;
    }
    return m;
  }
  return null;
}

/**
 * Matches inside text[start, end) only, for patterns that neither consume nor look at a line end
 * when the window is a line: the regex runs on the slice, so a search never runs on past `end`
 * (scanAll's engine would look for the next match as far as the text goes). The look-behind is
 * still tested on the whole text; indexes and `input` refer to the whole text.
 */
export function* scanWindow(s: Scanner, text: string, start: number, end: number): Generator<RegExpExecArray> {
  const piece = text.slice(start, end);
  const local: Scanner = s.before ? { re: s.re, before: (_t, at) => s.before!(text, start + at) } : s;
  for (const m of scanAll(local, piece)) {
    m.index += start;
    m.input = text;
    yield m;
  }
}

/**
 * `re.test(text)` for a pattern that is not sticky, through its scanner: the same answer, faster
 * when the pattern opens with a word-boundary look-behind (the engine cannot skip ahead past it).
 * For the lexicon's word tests on sentences and lines, which run on every one of them.
 */
export function testAnywhere(re: RegExp, text: string): boolean {
  return firstMatch(re, text) !== null;
}

/** `re.exec(text)` for a pattern that is neither global nor sticky, through its scanner (as testAnywhere). */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  const s = scanner(re);
  return nextMatch(s, text, 0, text.length);
}

/** How many matches scanAll would give for a pattern's scanner (not line-start), counted without a generator. */
export function countAll(re: RegExp, text: string): number {
  const s = scanner(re);
  let n = 0;
  for (let m = nextMatch(s, text, 0, text.length); m; m = nextMatch(s, text, m[0].length === 0 ? step(s.re, text, m.index) : m.index + m[0].length, text.length)) n++;
  return n;
}
