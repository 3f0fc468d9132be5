import type { Lexicon } from "../lexicon/load.js";
import { anyOf } from "../text/unicode.js";
import type { Range } from "../types.js";
import { lowerBound } from "../text/sorted.js";
import { scanAll, scanner } from "../text/scan.js";
import { BARE, LIST_NUMBER, TOC_ROW, NUMBERED, PARA_AFTER, paraHeaders, prefixedHeaders, regexHeaders, type HeaderMatch } from "./item-headers.js";
import { inRanges, isFlat, sliceWithout, splitLines, type Line } from "./lines.js";

/** How an item number is written; a run of items keeps one style. */
export type ItemStyle = "para" | "dot" | "colon" | "paren" | "bare" | `prefix:${string}`;

export interface ItemCandidate {
  number: number;
  style: ItemStyle;
  /** Offset where the item header starts (the § or the number). */
  start: number;
  /** Offset where the title starts (after the number and its separator, maybe on the next line). */
  titleStart: number;
  /** Whether the header stands at the start of a line (or of a flattened page line). */
  atLineStart: boolean;
  /** The header follows a blank line: a hint that it opens a block rather than a list row. */
  afterBlank: boolean;
  line: Line;
  /** Read from a contents row ("141 4 Title"): the title runs to the next row. */
  toc?: boolean;
  /** The row runs out in dot leaders and a page number ("Motion: Sälja fler DTek-varor . . . . 113"): a contents or attachment list row. */
  leader?: boolean;
  /** Second part of a decimal outline number ("1.2": number 1, sub 2). */
  sub?: number;
  /** Ids of the rules that read this header (PREAMBLE evidence convention). */
  rules?: string[];
}

/** The rule id of a header shape. */
export function headerRule(style: ItemStyle, toc: boolean): string {
  if (toc) return "item/contents-row";
  if (style.startsWith("prefix:")) return "item/prefixed-number";
  return ({ para: "item/paragraph-sign", dot: "item/numbered-dot", colon: "item/numbered-colon", paren: "item/numbered-paren", bare: "item/bare-number" } as Record<string, string>)[style] ?? "item/header";
}


/** Whether only furniture (a page's running header, its page number) and blanks stand between a line's start and `at`. */
function afterFurniture(furniture: readonly Range[], lineStart: number, at: number, text: string): boolean {
  // A running header is short: looking further would make every candidate on a long flat line slice it again.
  if (at - lineStart <= 16 || at - lineStart > 200) return false;
  const before = sliceWithout(text, lineStart, at, furniture);
  return before.length < at - lineStart && (before.trim() === "" || CONTENTS_LABEL.test(before));
}

/**
 * "3 Sida 3 (41) Innehållsförteckning 163 Information från …": a flattened page whose running header is
 * followed by the contents heading; the first row's number stands where a line would start.
 */
const CONTENTS_LABEL = /^[ \t]*(?:Innehållsförteckning|INNEHÅLLSFÖRTECKNING|Ärendeförteckning|Innehåll|INNEHÅLL)[ \t]*:?[ \t]+$/u;

/** Words right before a number that make it a reference, not an item header. */
const REFERENCE_BEFORE =
  /(?<![\p{L}])(?:(?<!sid[ \t]{1,3})nr|nummer|kl|kl\.|klockan|sid|sida|sidan|punkt|paragraf|paragrafer|ärende|ärendena|och|samt|till|mot|av|med|från|om|enligt|se|i|år|vecka|v\.|v|§§|bilaga|dnr|mellan|de|alla|ca|cirka|totalt|under|drygt|knappt|över|på|för|varav|fas|våg|etapp|del)[ \t]*$/iu;

/**
 * A clock time or the first number of a range right before a number: "t.o.m. kl. 18.45 § 42",
 * "Ärenden 10§–19§". Partial attendance and the record's own § range, not an item header.
 */
const NUMBER_REFERENCE_BEFORE = /(?:\d{1,2}[.:]\d{2}|\d[ \t]*§{0,2}[ \t]*[-–])[ \t]*$/u;
/** "§ 42 och 43 (del)", "§ 5 samt 7": a list of § numbers, not a title. */
const NUMBER_LIST_AFTER = /^(?:och|samt|resp\.?|respektive)[ \t]+§?[ \t]*\d/iu;

export interface CandidateContext {
  text: string;
  lex: Lexicon;
  furniture: Range[];
  /** splitLines(text), when the caller has it already (segment splits the text once). */
  lines?: readonly Line[];
}

function compileLabels(lex: Lexicon) {
  const labels = lex.forms("header-labels").concat(["innehållsförteckning", "ärendeförteckning", "ärendelista", "föredragningslista", "bevis", "transkript"]);
  return new RegExp(`^${anyOf(labels)}(?![\\p{L}])`, "iu");
}

/** "Lars Bälter, VD": a person, as in attendance lists that carry § numbers. */
const NAME_LIKE = /^\p{Lu}\p{Ll}{1,13}(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+(?:von[ \t]+|af[ \t]+|de[ \t]+)?\p{Lu}\p{Ll}{1,14}(?:-\p{Lu}\p{Ll}+)?){1,3}[ \t]*(?:,|\((?!\d))/u;
/**
 * Page numbers a flattened page line starts with before its first header: "4 31 Val av justerare",
 * "2 (26) 30 …", "3 38 FHR 29 …" (the page, maybe its count or the bundle's page, then the item).
 */
const PAGE_NUMBERS_BEFORE = /^\s*(?:\d{1,3}[ \t]*(?:[(\[]\d{1,3}[)\]])?[ \t]+){1,2}$/u;
const LEADER_ROW = /(?:\.[ \t]?){3,}[ \t]*\d{1,3}(?![\d.,])/u;
const PAGE_HEADER_TITLE = /^[^\s\d]+(?:[ \t]+[^\s\d]+){0,4}[ \t]+\d{1,3}[ \t]*[(\[]\d{1,3}[)\]]/u;
const ALL_CAPS_WORD = /^\p{Lu}{4,}(?![\p{Ll}])/u;

function titleStartAfter(text: string, at: number, line: Line): number {
  // "§ 25" alone at the end of a line: the title is on the next non-empty line.
  const rest = text.slice(at, line.end);
  if (rest.trim() !== "") return at + (rest.length - rest.trimStart().length);
  const next = /\S/u.exec(text.slice(line.end, line.end + 200));
  return next ? line.end + next.index : line.end;
}

/** A label is a label when the words after it do not go on in lower case ("Övriga frågor" is a title). */
function isLabel(title: string, labelRe: RegExp): boolean {
  const m = labelRe.exec(title);
  if (!m) return false;
  return !/^[ \t]+\p{Ll}/u.test(title.slice(m[0].length));
}

function kindWordRe(lex: Lexicon): RegExp {
  return new RegExp(`^\\p{L}{0,20}${anyOf(lex.forms("meeting-kinds"))}(?![\\p{L}])`, "iu");
}

/** The header vocabulary of one lexicon, compiled once per lexicon instance. */
interface HeaderWords {
  label: RegExp;
  kind: RegExp;
  firstNames: Set<string>;
  /** "Måndagen den 18 juni": a weekday and a day, a date after an address number ("Mejerigatan 4"). */
  weekdayDate: RegExp;
  /** "Sida 36": a page label. */
  pageLabel: RegExp;
}
const headerWordsFor = new WeakMap<Lexicon, HeaderWords>();
function headerWords(lex: Lexicon): HeaderWords {
  let w = headerWordsFor.get(lex);
  if (!w) {
    w = { label: compileLabels(lex), kind: kindWordRe(lex), firstNames: new Set(lex.forms("first-names").map((f) => f.toLowerCase())),
      pageLabel: new RegExp(`^${anyOf(lex.forms("title-words", "page"))}[ \\t]*\\d`, "iu"),
      weekdayDate: new RegExp(`^${anyOf(lex.forms("weekdays").filter((f) => f.length >= 5))}[ \\t]+(?:den[ \\t]+)?\\d`, "iu"),
    };
    headerWordsFor.set(lex, w);
  }
  return w;
}

/**
 * "231 Christine Lysell Kommunledningssektorn": a given name and a capitalised surname after a number
 * is a person in an attendance list (the number a § reference), unless the surname is a genitive
 * ("Martti Hopponens motion") or a sentence goes on in lower case.
 */
function startsWithPerson(title: string, lex: Lexicon): boolean {
  const m = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}])/u.exec(title);
  if (!m) return false;
  // "Martin Hylander vald till mötesordförande": a sentence about the person is an item's title.
  if (/^[ \t]+\p{Ll}/u.test(title.slice(m[0].length))) return false;
  return headerWords(lex).firstNames.has(m[1]!.toLowerCase()) && !/s$/u.test(m[2]!);
}

function acceptTitle(title: string, style: ItemStyle, lex: Lexicon): boolean {
  const { label: labelRe, kind: kindRe, weekdayDate, pageLabel } = headerWords(lex);
  if (!/^(?:\p{L}|["”']|\(\p{L})/u.test(title)) return false;
  if (NUMBER_LIST_AFTER.test(title)) return false;
  // A lone letter where the text ends or breaks off ("Ks 258 A") is no title.
  if (/^\p{L}[ \t]*(?:\n|$)/u.test(title)) return false;
  if (isLabel(title, labelRe)) return false;
  // "1 Kommunstyrelsen 3 (22)": a page's running header with its page number "3 (22)", not an item.
  if (style !== "para" && PAGE_HEADER_TITLE.test(title)) return false;
  if (style !== "para" && (weekdayDate.test(title) || pageLabel.test(title))) return false;
  if (style === "bare" && kindRe.test(title)) return false;
  if (NAME_LIKE.test(title)) return false;
  if (style !== "para" && !style.startsWith("prefix:") && startsWithPerson(title, lex)) return false;
  if (style !== "para" && !style.startsWith("prefix:")) {
    if (!/^(?:\p{Lu}|[a-z]\)|["”'(])/u.test(title)) return false;
    if (ALL_CAPS_WORD.test(title)) return false;
    // A date: "12 maj", "3 mars 2015".
    if (/^\p{Ll}/u.test(title)) return false;
  }
  return true;
}

/** LIST_NUMBER rows; a numbered list row counts only when its list number is the item's ("1.   1", not "3.   7"). */
function* listNumbers(text: string, from: number, to: number): Generator<HeaderMatch> {
  for (const m of scanAll(scanner(LIST_NUMBER), text, from, to)) {
    const mark = m.groups!.mark;
    if (mark !== undefined && mark !== m.groups!.num) continue;
    // Only blanks before the bullet on its line (at most a few: an indented list).
    let b = m.index;
    while (b > 0 && m.index - b <= 8 && (text[b - 1] === " " || text[b - 1] === "\t")) b--;
    if (b > 0 && text[b - 1] !== "\n") continue;
    yield { index: m.index, length: m[0].length, num: m.groups!.num!, word: mark ?? "" };
  }
}

/** Every place that looks like the header of a numbered item. Chain selection decides which are items. */
export function findItemCandidates(ctx: CandidateContext, range: Range): ItemCandidate[] {
  const { text, lex, furniture } = ctx;
  const found: Array<{ li: number; order: number; c: ItemCandidate }> = [];
  const lines = ctx.lines ?? splitLines(text);
  // Each pattern runs once over the whole text (no pattern crosses a line end), each match is then
  // placed on its line: running every pattern per line cost a regex clone per line and pattern.
  let order = 0;
  const push = (li: number, idx: number, num: string, style: ItemStyle, headerEnd: number, toc = false, rule?: string) => {
    const line = lines[li]!;
    const start = line.start + idx;
    if (start < range.start || start >= range.end || inRanges(furniture, start)) return;
    const flat = isFlat(line);
    // Only the few characters before the number matter: looking at the whole line would be quadratic on long lines.
    const head = line.text.slice(0, Math.min(idx, 16));
    const atLineStart = (idx <= 16 && (head.trim() === "" || PAGE_NUMBERS_BEFORE.test(head))) || afterFurniture(furniture, line.start, start, text);
    if (!atLineStart && !flat && style !== "para") return;
    if (!atLineStart && REFERENCE_BEFORE.test(line.text.slice(Math.max(0, idx - 32), idx))) return;
    // On a flattened page line a time before an item is the previous item's time slot, not a reference.
    if (!atLineStart && !flat && NUMBER_REFERENCE_BEFORE.test(line.text.slice(Math.max(0, idx - 16), idx))) return;
    let titleStart = titleStartAfter(text, line.start + headerEnd, line);
    const title = text.slice(titleStart, Math.min(text.length, titleStart + 120));
    if (style === "para" && titleStart >= line.end && /^§[ \t]*\d/u.test(title)) {
      // "§ 88" alone, then "§ 89": the titles stand elsewhere (a column run apart).
      titleStart = line.start + headerEnd;
    } else if (!acceptTitle(title, style, lex)) return;
    const number = Number(num);
    if (number === 0 || (style === "bare" && number >= 1900 && number <= 2100)) return;
    const prevBlank = li === 0 || lines[li - 1]!.text.trim() === "";
    const c: ItemCandidate = { number, style, start, titleStart, atLineStart, afterBlank: atLineStart && prevBlank, line, rules: [rule ?? headerRule(style, toc)] };
    if (toc) c.toc = true;
    if (LEADER_ROW.test(text.slice(titleStart, Math.min(line.end, titleStart + 160)))) c.leader = true;
    found.push({ li, order, c });
  };
  const from = lines[Math.max(0, lowerBound(lines, range.start + 1, (l) => l.end + 1) )]?.start ?? 0;
  const each = (matches: Iterable<HeaderMatch>, f: (m: HeaderMatch, li: number, idx: number) => void) => {
    let li = 0;
    for (const m of matches) {
      // Matches come in order: the line pointer only moves forward.
      while (lines[li]!.end < m.index) li++;
      f(m, li, m.index - lines[li]!.start);
    }
    order++;
  };
  each(paraHeaders(text, from, range.end), (m, li, idx) => {
    const after = text.slice(m.index + m.length, lines[li]!.end);
    if (/^[ \t]*[,–-][ \t]*\d/u.test(after) || /^,/u.test(after)) return; // "§ 56," "§ 5-7": references
    push(li, idx, m.num, "para", idx + m.length);
  });
  each(regexHeaders(PARA_AFTER, text, from, range.end), (m, li, idx) => push(li, idx, m.num, "para", idx + m.length));
  each(regexHeaders(NUMBERED, text, from, range.end), (m, li, idx) => {
    push(li, idx, m.num, m.word === "." ? "dot" : m.word === ":" ? "colon" : "paren", idx + m.length);
  });
  each(regexHeaders(BARE, text, from, range.end), (m, li, idx) => push(li, idx, m.num, "bare", idx + m.length));
  each(listNumbers(text, from, range.end), (m, li, idx) => push(li, idx, m.num, m.word ? "dot" : "bare", idx + m.length, false, "item/list-row-number"));
  each(regexHeaders(TOC_ROW, text, from, range.end), (m, li, idx) => push(li, idx, m.num, "bare", idx + m.length, true));
  each(prefixedHeaders(text, from, range.end), (m, li, idx) => {
    if (/^(?:Dnr|Nr|Kl|Sid|Sida|Sidan|Sal|Rum|Plan|Bilaga|Bilagor|Punkt|Fas|Steg|Del|År|Vecka|Page|Tel|Box)$/iu.test(m.word)) return;
    push(li, idx, m.num, `prefix:${m.word}`, idx + m.length);
  });
  // The order the per-line scan gave: by line, then by pattern (ties below keep the first).
  found.sort((a, b) => a.li - b.li || a.order - b.order);
  const out = found.map((f) => f.c);
  // One reading per number: "Sn 49" is a prefixed header, not also a bare "49".
  const rank = (c: ItemCandidate) => (c.style === "para" ? 0 : c.style.startsWith("prefix:") ? 1 : 2);
  // A prefix met once in the whole text ("… Anna Frank 8 Utvärdering …") is a word before a number, not a
  // series' prefix: the bare reading of that number stays beside it.
  const prefixCount = new Map<string, number>();
  for (const c of out) if (c.style.startsWith("prefix:")) prefixCount.set(c.style, (prefixCount.get(c.style) ?? 0) + 1);
  const byNumberAt = new Map<number, ItemCandidate>();
  const alsoBare: ItemCandidate[] = [];
  for (const c of out) {
    const at = c.style.startsWith("prefix:") ? c.start + text.slice(c.start).search(/\d/u) : c.start;
    const prev = byNumberAt.get(at);
    if (!prev || rank(c) < rank(prev)) byNumberAt.set(at, c);
    const lone = (x: ItemCandidate) => prefixCount.get(x.style) === 1;
    if (prev && c.style === "bare" && !c.toc && lone(prev)) alsoBare.push(c);
    else if (prev && prev.style === "bare" && !prev.toc && c.style.startsWith("prefix:") && lone(c)) alsoBare.push(prev);
  }
  return [...byNumberAt.values(), ...alsoBare].sort((a, b) => a.start - b.start);
}

