import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "../extract/per-lexicon.js";
import { anyOf, isBlank } from "../text/unicode.js";
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

/** Lines and runs that belong to the page, not to the minutes: kept as metadata, skipped by items. */
export function findFurniture(text: string, lex: Lexicon): Furniture[] {
  const { signatureBox, chrome } = compiled(lex);
  const out: Furniture[] = [];
  const lines = splitLines(text);
  const add = (l: Line, kind: Furniture["kind"]) => out.push({ start: l.start, end: l.end, kind, text: l.text });
  for (const l of lines) {
    if (l.text.trim() === "") continue;
    if (PAGE_NUMBER.test(l.text) || PAGE_IN_PARENS.test(l.text)) add(l, "page-number");
    else if (signatureBox.test(l.text)) add(l, "signature-box");
    else if (l.text.length < 400 && (chrome.test(l.text) || (hasMetaMark(l.text) && META_LINE.test(l.text)))) add(l, "transcript-chrome");
  }
  // A web transcript's page title and viewer buttons stand before its "Transkript" line.
  const marker = /^[ \t]*(?:transkript|full text)[ \t]*$/imu.exec(text.slice(0, 1500));
  const markerEnd = marker ? marker.index + marker[0].length : -1;
  // After the marker each line is one page, however short.
  const pageLines = marker ? lines.filter((l) => l.start > markerEnd && l.text.trim() !== "") : [];
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
function transcriptPageNumbers(lines: Line[], after: number): Furniture[] {
  const out: Furniture[] = [];
  let expected = 1;
  for (const l of lines) {
    if (l.start < after || l.text.trim() === "") continue;
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
function runningPrefixes(lines: Line[], pageLines: Line[]): Furniture[] {
  const flat = pageLines.length ? pageLines : lines.filter(isFlat);
  if (flat.length < 2) return [];
  // Eight words at most: a flat line is a whole page.
  const words = (s: string) => firstWords(s, LEADING_NUMBER.exec(s)?.[0].length ?? 0, 8);
  const norm = (w: string) => (HAS_DIGIT.test(w) ? w.replace(DIGITS, "#") : w);
  const all = flat.map((l) => words(l.text));
  // How many lines start with each normalised word prefix (2 to 8 words): a line's longest prefix
  // shared with another line, found without comparing every pair (a 10,000-page transcript has 10,000 such lines).
  // The prefixes form a trie of words; a node counts the lines through it, and the counts only fall along a path.
  type Node = { n: number; next: Map<string, Node> };
  const root: Node = { n: 0, next: new Map() };
  const paths = all.map((ws) => {
    const path: Node[] = [];
    let node = root;
    for (const w of ws) {
      const key = norm(w);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { n: 0, next: new Map() }));
      child.n++;
      path.push((node = child));
    }
    return path;
  });
  const out: Furniture[] = [];
  for (let i = 0; i < flat.length; i++) {
    const a = all[i]!;
    const path = paths[i]!;
    let best = 0;
    for (let k = 2; k <= a.length && path[k - 1]!.n >= 2; k++) best = k;
    // "Kommunala Handikapprådet (19) KHR 1 …": an item's prefix word and number end the header.
    for (let j = 1; j < best; j++) if ((isItemPrefix(a[j]!) && STARTS_DIGIT.test(a[j + 1] ?? "")) || PARAGRAPH_NUMBER.test(a[j]!)) best = Math.min(best, j);
    const line = flat[i]!;
    // "2 2 (26) 30 Muntlig information" / "3 3 (26) 31 …": all words are numbers in "# (#) #", but the last
    // one differs from the page's ordinal: it is the page's first item, not part of the header.
    const ordinalWord = LEADING_ORDINAL.exec(line.text)?.[1];
    while (best > 2 && NUMBER_WORD.test(a[best - 1]!) && a[best - 1] !== ordinalWord) best--;
    if (best < 2) continue;
    // Prose can start alike too; a page header starts with the page number or names the record.
    const prefix = a.slice(0, best).join(" ");
    if (!LEADING_PAGE.test(line.text) && !RECORD_WORD.test(prefix)) continue;
    // Where the header's words end: the words were read from this line, so they are found where they were read.
    const headerEnd = wordsEnd(line.text, LEADING_NUMBER.exec(line.text)?.[0].length ?? 0, best);
    // "2 VILHELMINA KOMMUN PROTOKOLL 2 Kfm 40": the page's own number after the header is the header's too.
    const ordinal = ordinalWord;
    const page = /^[ \t]+(\d{1,4})(?:[ \t]*\(\d{1,4}\))?(?=[ \t]|$)/u.exec(line.text.slice(headerEnd));
    const end = headerEnd + (page && page[1] === ordinal ? page[0].length : 0);
    out.push({ start: line.start, end: line.start + end, kind: "running-header", text: line.text.slice(0, end) });
  }
  return out;
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

const LEADING_NUMBER = /^\s*\d+\s+/u;
const HAS_DIGIT = /\d/u;
const DIGITS = /\d+/gu;
const STARTS_DIGIT = /^\d/u;
const PARAGRAPH_NUMBER = /^§\d/u;
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
