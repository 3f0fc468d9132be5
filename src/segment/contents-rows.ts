import type { Lexicon } from "../lexicon/load.js";
import { perLexicon } from "../extract/per-lexicon.js";
import type { Range } from "../types.js";
import type { ItemCandidate } from "./item-candidates.js";
import { splitLines } from "./lines.js";

/** "Kvarboende i särskilt boende... 11": a contents row without its number, a title, a leader, a page. */
const LEADER_ROW = /^[ \t]*(\p{L}[^\n]*?)[ \t]*(?:\.{2,}|…+)[ \t]*\d{1,3}[ \t]*$/u;
/** LEADER_ROW backtracks over its line: only row-sized lines are tried. */
const MAX_ROW = 240;

/** Front-matter words a contents list names beside the items ("Beslutande... 2"): no item rows. */
const frontWords = perLexicon((lex: Lexicon) => new Set([...lex.forms("header-labels"), ...lex.forms("groups")].map((f) => f.toLowerCase())));

/**
 * The longest run of numberless contents rows in `range` (blank lines between rows allowed), numbered lo, lo+1 … hi
 * when it holds exactly hi − lo + 1 item rows. The leader and page number after a title are not the title's.
 */
export function contentsRowsAsItems(text: string, lex: Lexicon, range: Range, lo: number, hi: number): ItemCandidate[] {
  const words = frontWords(lex);
  let best: ItemCandidate[] = [];
  let run: ItemCandidate[] = [];
  for (const line of splitLines(text.slice(range.start, range.end))) {
    if (line.text.trim() === "") continue;
    const m = line.text.length <= MAX_ROW ? LEADER_ROW.exec(line.text) : null;
    if (!m) {
      if (run.length > best.length) best = run;
      run = [];
      continue;
    }
    if (words.has(m[1]!.toLowerCase())) continue;
    const abs = { ...line, start: range.start + line.start, end: range.start + line.end };
    const titleStart = abs.start + line.text.indexOf(m[1]!);
    run.push({ number: 0, style: "bare", start: abs.start, titleStart, atLineStart: true, afterBlank: true, line: abs, toc: true, leader: true, rules: ["item/contents-declared-range"] });
  }
  if (run.length > best.length) best = run;
  if (best.length < 2 || best.length !== hi - lo + 1) return [];
  return best.map((r, i) => ({ ...r, number: lo + i }));
}

/** A page number or a range of pages ("7-8") in a contents row. */
const PAGE = "\\d{1,3}(?:[-–]\\d{1,3})?";

/**
 * Where a contents row ends on a flattened line that runs its rows together: before the next row's number
 * with its page number, written page-then-number ("Information 3 37 Månadsrapport …", Avesta) or
 * number-then-page ("Krisledningsnämnden 151 21 TOP bostäder …", Gällivare); the page may be a range ("… hemtjänst 7-8 7 …"). `from` is where the search starts.
 */
export function nextRowAt(text: string, from: number, to: number, number: number): number | null {
  const next = number + 1;
  const slice = text.slice(from, to);
  // Every row start holds the next number's digits: most titles have none, and the pattern's lookbehind is dear.
  if (!slice.includes(String(next))) return null;
  const m = nextRowPattern(next).exec(slice);
  return m ? from + m.index : null;
}

/** The row-start pattern for one number, compiled once per number. */
const rowPatterns = new Map<number, RegExp>();
function nextRowPattern(next: number): RegExp {
  let re = rowPatterns.get(next);
  if (!re) rowPatterns.set(next, (re = new RegExp(`(?<=[^\\s\\d][ \\t]+)(?:${PAGE}[ \\t]+${next}|${next}[ \\t]+\\d{1,3})[ \\t]+(?=\\p{Lu})`, "u")));
  return re;
}

/** "… 4 38 Säker skolväg, Skogsbo ro 5": a row after a page number ends on its own page number, which is not the title's. */
const PAGE_BEFORE_ROW = /(?<![\d.,:\/])\d{1,3}[ \t]+$/u;
const PAGE_AT_END = /[ \t]+\d{1,3}(?:[-–]\d{1,3})?$/u;
/** A number and a capitalised word right after a title: the next row, when the number is the next one. */
const NUMBER_THEN_TITLE = /^[ \t]+(\d+)[ \t]+\p{Lu}/u;

/**
 * Where a title ends once the page number that closes its contents row is left out: only when the row before
 * closes the same way, or the next row's number follows at once ("12 Rapporter 2 13 Budget …").
 */
export function withoutRowPage(text: string, c: { start: number; number: number }, start: number, end: number): number {
  const pagedBefore = PAGE_BEFORE_ROW.test(text.slice(Math.max(0, c.start - 8), c.start));
  const after = NUMBER_THEN_TITLE.exec(text.slice(end, end + 12));
  const nextFollows = after !== null && after[1] === String(c.number + 1);
  if (!pagedBefore && !nextFollows) return end;
  const m = PAGE_AT_END.exec(text.slice(start, end));
  return m && m.index > 0 ? start + m.index : end;
}
