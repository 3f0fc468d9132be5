import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "../extract/per-lexicon.js";
import { anyOf, isAsciiDigit, isBlank, isBlankText } from "../text/unicode.js";
import type { Range } from "../types.js";
import { splitLines, mergeRanges, isFlat, type Line } from "./lines.js";

export interface Furniture extends Range {
  kind: "page-number" | "signature-box" | "transcript-chrome" | "running-header";
  text: string;
}

const PAGE_NUMBER = /^\s*(?:(?:sida|sid|blad)\s*)?\d{1,4}\s*(?:(?:\(|\[)\s*\d{1,4}\s*(?:\)|\])|(?:av|\/)\s*\d{1,4})?\s*$/iu;
/** A web page's meta line: "10.05.2014 Views", "protokoll … · 2018-10-04 · protokoll …". */
const META_LINE = /^[^\n]{0,60}[ \t]Views[ \t]*$|^[^\n]*[ \t]·[ \t][^\n]*[ \t]·[ \t]/u;
/** META_LINE backtracks over the whole line; most lines hold neither of its marks. */
const hasMetaMark = (line: string) => line.includes("Views") || line.includes("·");
const PAGE_IN_PARENS = /^\s*[([]\s*\d{1,4}\s*[)\]]\s*$/u;

function compile(lex: Lexicon) {
  const box = anyOf(lex.forms("furniture", "signature-box"));
  return {
    // A line made only of signature-box labels and dots or underscores.
    signatureBox: new RegExp(`^[\\s.…_]*(?:${box}[\\s.…_:]*)+$`, "iu"),
    chrome: new RegExp(`^\\s*${anyOf(lex.forms("transcript-chrome"))}`, "iu"),
  };
}

const compiled = perLexicon(compile);

/**
 * Lines and runs that belong to the page, not to the minutes: kept as metadata, skipped by items.
 * `lines` is splitLines(text), when the caller has it already (segment splits the text once).
 */
export function findFurniture(text: string, lex: Lexicon, lines: readonly Line[] = splitLines(text)): Furniture[] {
  const { signatureBox, chrome } = compiled(lex);
  const out: Furniture[] = [];
  const add = (l: Line, kind: Furniture["kind"]) => out.push({ start: l.start, end: l.end, kind, text: l.text });
  for (const l of lines) {
    if (isBlankText(l.text)) continue;
    if (PAGE_NUMBER.test(l.text) || PAGE_IN_PARENS.test(l.text)) add(l, "page-number");
    else if (signatureBox.test(l.text)) add(l, "signature-box");
    else if (l.text.length < 400 && (chrome.test(l.text) || (hasMetaMark(l.text) && META_LINE.test(l.text)))) add(l, "transcript-chrome");
  }
  // A web transcript's page title and viewer buttons stand before its "Transkript" line.
  const marker = /^[ \t]*(?:transkript|full text)[ \t]*$/imu.exec(text.slice(0, 1500));
  const markerEnd = marker ? marker.index + marker[0].length : -1;
  // After the marker each line is one page, however short.
  const pageLines = marker ? lines.filter((l) => l.start > markerEnd && !isBlankText(l.text)) : [];
  out.push(...runningPrefixes(lines, pageLines));
  if (marker) {
    out.push({ start: 0, end: markerEnd, kind: "transcript-chrome", text: text.slice(0, markerEnd) });
    out.push(...transcriptPageNumbers(lines, markerEnd));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * After a web transcript's "Transkript" line every page is one line led by its page ordinal
 * (1, 2, 3 …): that leading number is the page's, never an item's ("1 Kommunstyrelsen Sammanträdesdatum").
 * Only a number that continues the sequence counts.
 */
function transcriptPageNumbers(lines: readonly Line[], after: number): Furniture[] {
  const out: Furniture[] = [];
  let expected = 1;
  for (const l of lines) {
    if (l.start < after || isBlankText(l.text)) continue;
    const m = /^[ \t]*(\d{1,5})(?=[ \t]|$)/u.exec(l.text);
    if (!m || Number(m[1]) !== expected) continue;
    out.push({ start: l.start, end: l.start + m[0].length, kind: "page-number", text: m[0] });
    expected++;
  }
  return out;
}

/**
 * Web transcripts flatten each PDF page onto one line; the page's running header then
 * stands at the start of several such lines. The shared word prefix (digits ignored) is furniture.
 */
function runningPrefixes(lines: readonly Line[], pageLines: readonly Line[]): Furniture[] {
  const flat = pageLines.length ? pageLines : lines.filter(isFlat);
  if (flat.length < 2) return [];
  // Eight words at most: a flat line is a whole page.
  const shared = sharedPrefixes(flat.map((l) => l.text), leadingNumberEnd, 8);
  const out: Furniture[] = [];
  // Lines of one text share their best and words (sharedPrefixes), so their header ends alike: found once per text.
  const endOf = new Map<string, number>();
  for (let i = 0; i < flat.length; i++) {
    const best = shared.best[i]!;
    if (best < 2) continue;
    const line = flat[i]!;
    let end = endOf.get(line.text);
    if (end === undefined) endOf.set(line.text, (end = headerEnd(line.text, best, shared.words[i]!)));
    if (end < 0) continue;
    out.push({ start: line.start, end: line.start + end, kind: "running-header", text: line.text.slice(0, end) });
  }
  return out;
}

/**
 * Where the running header at the start of a page line `s` ends, or -1 when it has none: `best` is the
 * number of its first words another line shares, `a` its words as sharedPrefixes read them.
 */
function headerEnd(s: string, best: number, a: readonly string[]): number {
  // "Kommunala Handikapprådet (19) KHR 1 …": an item's prefix word and number end the header.
  // The next word's digit first: a char read, where the prefix word is a regex test.
  for (let j = 1; j < best; j++) if ((digitAt(a[j + 1] ?? "", 0) && isItemPrefix(a[j]!)) || isParagraphNumber(a[j]!)) best = Math.min(best, j);
  // "2 2 (26) 30 Muntlig information" / "3 3 (26) 31 …": all words are numbers in "# (#) #", but the last
  // one differs from the page's ordinal: it is the page's first item, not part of the header.
  const ordinal = LEADING_ORDINAL.exec(s)?.[1];
  while (best > 2 && NUMBER_WORD.test(a[best - 1]!) && a[best - 1] !== ordinal) best--;
  if (best < 2) return -1;
  // Prose can start alike too; a page header starts with the page number or names the record.
  const prefix = a.slice(0, best).join(" ");
  if (!LEADING_PAGE.test(s) && !RECORD_WORD.test(prefix)) return -1;
  // Where the header's words end: the words were read from this line, so they are found where they were read.
  const wordsStop = wordsEnd(s, leadingNumberEnd(s), best);
  // "2 VILHELMINA KOMMUN PROTOKOLL 2 Kfm 40": the page's own number after the header is the header's too.
  const page = /^[ \t]+(\d{1,4})(?:[ \t]*\(\d{1,4}\))?(?=[ \t]|$)/u.exec(s.slice(wordsStop));
  return wordsStop + (page && page[1] === ordinal ? page[0].length : 0);
}

/**
 * What s.slice(from).split(/\s+/, limit) gives, without copying the rest of a long line or
 * splitting past the words asked for.
 */
export function firstWords(s: string, from: number, limit: number): string[] {
  const out: string[] = [];
  let i = from;
  while (out.length < limit) {
    const start = i;
    while (i < s.length && !isBlank(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
    if (i >= s.length) break;
    while (i < s.length && isBlank(s.charCodeAt(i))) i++;
    if (i >= s.length) {
      if (out.length < limit) out.push("");
      break;
    }
  }
  return out;
}

/**
 * The offset where the first `count` words of firstWords(s, from, …) end, blanks between them
 * included: where `^\s*(?:\d+\s+)?` and those words joined by `\s+` match to (a regex built per
 * header line before; property-tested against it). A trailing empty word ends at the line's end.
 */
export function wordsEnd(s: string, from: number, count: number): number {
  let i = from;
  for (let n = 1; ; n++) {
    while (i < s.length && !isBlank(s.charCodeAt(i))) i++;
    if (n >= count || i >= s.length) return i;
    while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  }
}

/**
 * For each line, how many of its first words (from `from(line)`, at most `limit`, digits read as
 * "#") it shares with at least one other line: the largest k ≥ 2 for which another line starts with
 * the same k normalised words, or 0. Also, for the lines with k ≥ 2, their words as far as they were
 * read: firstWords(line, from(line), limit).slice(0, k + 1), the shared ones and the one after.
 *
 * The prefixes form a trie of words whose nodes count the lines through them (a 10,000-page
 * transcript has 10,000 such lines: no comparing every pair). It is grown a level at a time, and only
 * from the lines whose node so far another line shares: a line whose first k words no other line
 * has cannot share k + 1, and a line that shares k + 1 words with another shares k with it, so it is
 * still there; every count read is the whole trie's. A line is read a word per level, and only as
 * far as it shares its start; a node gets a map only when a line goes on below it.
 *
 * Lines of the same text take the same path and end with the same best and words, so each text
 * walks the trie once, counting for all its copies (`copies`): the counts are the ones the copies
 * would have made one by one. Repeated lines are common where this runs: a page's running header,
 * and an agenda's items repeated in full after its list (the bench corpus's pages: 55 → 30 ms).
 */
export function sharedPrefixes(lines: readonly string[], from: (s: string) => number, limit: number): { best: number[]; words: Array<readonly string[] | undefined> } {
  type Node = { n: number; next: Map<string, Node> | null };
  // The first line of each text, and how many lines have it.
  const firstOf = new Map<string, number>();
  const copyOf = new Array<number>(lines.length);
  const copies = new Array<number>(lines.length).fill(0);
  const unique: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = firstOf.get(lines[i]!);
    if (first === undefined) {
      firstOf.set(lines[i]!, i);
      unique.push(i);
      copyOf[i] = i;
      copies[i] = 1;
    } else {
      copyOf[i] = first;
      copies[first]!++;
    }
  }
  const best = new Array<number>(lines.length).fill(0);
  const words: Array<string[]> = new Array(lines.length);
  const reader = new Array<number>(lines.length);
  for (const i of unique) {
    words[i] = [];
    reader[i] = from(lines[i]!);
  }
  const root: Node = { n: 0, next: null };
  const at = new Array<Node>(lines.length).fill(root);
  let alive = unique;
  for (let k = 1; k <= limit && alive.length > 0; k++) {
    const down: number[] = [];
    for (const i of alive) {
      const key = nextWord(lines[i]!, reader, i, words[i]!);
      if (key === null) continue;
      const node = at[i]!;
      const next = node.next ?? (node.next = new Map());
      let child = next.get(key);
      if (!child) next.set(key, (child = { n: 0, next: null }));
      child.n += copies[i]!;
      at[i] = child;
      down.push(i);
    }
    alive = down.filter((i) => at[i]!.n >= 2);
    if (k >= 2) for (const i of alive) best[i] = k;
  }
  // A copy's words are its first line's array, shared (read, never changed, by the caller).
  const wordsOf = (i: number) => (best[copyOf[i]!]! >= 2 ? words[copyOf[i]!] : undefined);
  return { best: best.map((_, i) => best[copyOf[i]!]!), words: lines.map((_, i) => wordsOf(i)) };
}

/**
 * The next of firstWords(s, from, …)'s words, read from where the last one left off (`reader[i]`,
 * -1 once the line is read to its end), pushed onto `ws`; returned with its digits as "#" (the
 * trie's key), or null when the line has no more words. Digits are noticed as the word is read.
 */
function nextWord(s: string, reader: number[], i: number, ws: string[]): string | null {
  let p = reader[i]!;
  if (p < 0) return null;
  const start = p;
  let digit = false;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (isBlank(c)) break;
    if (isAsciiDigit(c)) digit = true;
  }
  const w = s.slice(start, p);
  ws.push(w);
  if (p >= s.length) p = -1;
  else {
    while (p < s.length && isBlank(s.charCodeAt(p))) p++;
    // Blanks to the end: firstWords gives one more word, empty (split does too).
  }
  reader[i] = p;
  return digit ? w.replace(DIGITS, "#") : w;
}

/**
 * Where /^\s*\d+\s+/u's match ends in s, or 0 without one: blanks, ASCII digits, then at least one
 * blank, each run taken whole (the runs cannot trade characters, so the regex has one way to match).
 * By hand: the regex and its match array, for every page line twice, were most of runningPrefixes.
 */
export function leadingNumberEnd(s: string): number {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  const digits = i;
  while (i < s.length && digitAt(s, i)) i++;
  if (i === digits || i >= s.length || !isBlank(s.charCodeAt(i))) return 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}
const DIGITS = /\d+/gu;
/** Whether w[i] is an ASCII digit; false past the end (NaN). */
const digitAt = (w: string, i: number) => isAsciiDigit(w.charCodeAt(i));
/** /^§\d/u: "§12" (§ is one UTF-16 unit). */
const isParagraphNumber = (w: string) => w.charCodeAt(0) === 0xa7 && digitAt(w, 1);
const LEADING_ORDINAL = /^\s*(\d{1,4})\s/u;
const NUMBER_WORD = /^\d{1,4}$/u;
const LEADING_PAGE = /^\s*\d{1,3}\s/u;
const RECORD_WORD = /protokoll|anteckning|kallelse|föredragningslista/iu;

/** A short word that prefixes item numbers ("KS", "Ks", "KHR", "§"); not a page word ("Sid 3"). */
const isItemPrefix = (w: string) => ITEM_PREFIX.test(w) && !PAGE_WORD.test(w);
const ITEM_PREFIX = /^(?:§|\p{Lu}\p{Ll}{1,4}|\p{Lu}{2,5})$/u;
const PAGE_WORD = /^(?:sid|sida|blad|page|nr)$/iu;

export function furnitureRanges(f: readonly Furniture[]): Range[] {
  return mergeRanges(f);
}
