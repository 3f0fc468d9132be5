import type { Lexicon } from "../lexicon/load.js";
import { anyOf, squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import { findCaseNumber } from "./case-number.js";
import { headerRule, type ItemCandidate } from "./item-candidates.js";
import { isFlat } from "./lines.js";
import { findSections, type SectionSegment } from "./sections.js";
import { subItemsOf } from "./sub-items.js";
import { nextRowAt, withoutRowPage } from "./contents-rows.js";
import { flatTitleEnd, titleContinuesAfter, titleWords, type TitleWords } from "./title.js";

export interface ItemSegment extends Range {
  number: string;
  title: string;
  titleRange: Range;
  caseNumber: string | null;
  caseRange: Range | null;
  /** Where the text after the title begins. */
  bodyStart: number;
  sections: SectionSegment[];
  flat: boolean;
  /** Rule ids by output field (found: the header shape; title: how the title was cut; caseNumber), issue 15. */
  rules: Record<string, string[]>;
}

export interface ItemContext {
  text: string;
  lex: Lexicon;
  skip: Range[];
  isPlace: (word: string) => boolean;
}

/** Cross-references and a case number before the title: "Au 84 Sn 34 Dnr 2016/12 Budget …". */
const LEAD = /^(?:(?:\p{Lu}\p{Ll}{0,4}|\p{Lu}{2,5})[ \t]+\d{1,4}[ \t]+|(?:Dnr|Diarienummer)[ \t.:]*[\p{Lu}\d][^\s]*(?:[ \t]+\d{3}(?![\d/]))?[ \t]+)+/u;

/**
 * A presenter after the title's full stop in agenda lists: ". - Åsa Lönn", " – Hans-Jörgen Holmberg, Jan Bernhardsson
 * (Handlingar delas ut …)": a dash, then two to four capitalised words (a name, maybe hyphenated: "Hans-Jörgen", "Rydh-Andersson") and whatever follows on the line.
 */
const PRESENTER = /(?<=\.)[ \t]+[–-][ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?:[ \t]+(?:\p{Lu}\.?|\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)){1,3}(?=[ \t]*(?:[,(]|$))[^\n]*$/u;

/** A case number label after a title on the same line: "… 2018 Dnr: LKS 2018/12", "Informationer Änr KS 2018/9". */
const CASE_LABEL_AFTER = /[ \t](?:Dnr|Diarienummer|Ärendenummer|Änr)(?![\p{L}])/u;

const TRAILING_LEADER = /[ \t]*(?:\.{2,}|…+)[ \t]*\d{1,3}[ \t]*$/u;

/** A title line this long that holds a sentence end runs the body in after the title ("KHR 1 Mötets öppnande Mötets ordförande …"). */
const RUN_IN_LINE = 70;

/**
 * Where the title of item `c` ends, and the rules that cut it. One line, unless the line ends on a word a
 * title cannot end on ("… för" / "Arvidsjaurs kommun") or the next line goes on in lower case; on a
 * flattened or run-in line the body text after the title is cut off (flatTitleEnd).
 */
function titleRange(ctx: ItemContext, c: ItemCandidate, end: number, flat: boolean, rules: string[]): Range {
  const { text } = ctx;
  const tw = titleWords(ctx.lex);
  const lineEnd = text.indexOf("\n", c.titleStart);
  let stop = Math.min(end, lineEnd === -1 ? text.length : lineEnd);
  const lead = LEAD.exec(text.slice(c.titleStart, stop));
  const start = lead && lead[0].length < stop - c.titleStart ? c.titleStart + lead[0].length : c.titleStart;
  if (!flat) {
    const wrapped = wrappedTitleEnd(text, start, stop, end, tw);
    if (wrapped > stop) rules.push("item/title-wrap");
    stop = wrapped;
  }
  const presenter = PRESENTER.exec(text.slice(start, stop));
  if (presenter) {
    stop = start + presenter.index;
    rules.push("item/title-presenter");
  }
  const line = text.slice(start, stop);
  const runIn = !flat && line.length > RUN_IN_LINE && /[.!?][ \t]+\p{Lu}|[.!?]$/u.test(line);
  // A contents row's title is all of it up to the next row; proper nouns inside do not end it.
  const cut = (flat || runIn) && !(c.toc && stop - start < 240);
  let e = cut ? flatTitleEnd(text, start, stop, ctx.isPlace, tw, { sentences: flat }) : stop;
  if (cut && e < stop) rules.push("item/title-cut");
  // "Ekonomiskt bistånd... 6": a contents row's leader and page number are not the title's.
  const leader = TRAILING_LEADER.exec(text.slice(start, e));
  if (leader && leader.index > 0) e = start + leader.index;
  // Contents rows run together on one line ("Information 3 37 Månadsrapport … 4 38 …"): the row ends before the next one.
  const row = nextRowAt(text, start, e, c.number);
  if (row !== null && row > start) {
    e = row;
    rules.push("item/title-next-row");
  }
  // Only rows written "number title page": in a "number page title" row a number at the end is the title's.
  const paged = c.toc ? e : withoutRowPage(text, c, start, e);
  if (paged < e) {
    e = paged;
    rules.push("item/title-row-page");
  }
  // "Uppföljningsrapport 1 … 2018 Dnr: LKS 2018/12": a case number label after the title ends it, on any line.
  const label = CASE_LABEL_AFTER.exec(text.slice(start, e));
  if (label && label.index > 0) {
    e = start + label.index;
    rules.push("item/title-case-label");
  }
  // Looked for before e only (a "**" that starts at e - 1 ends at e): a search to the end of the text
  // for every item read a text without bold marks whole, once per item.
  const bold = e > start ? text.slice(start, e + 1).indexOf("**") : -1;
  if (bold !== -1 && start + bold < e) e = start + bold;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return { start, end: Math.max(start, e) };
}

/** Lines a title wraps onto: while the title so far ends on a preposition or comma, or the next line starts in lower case. */
function wrappedTitleEnd(text: string, start: number, stop: number, end: number, tw: TitleWords): number {
  let e = stop;
  for (let k = 0; k < 2 && e < end; k++) {
    const next = text.indexOf("\n", e + 1);
    const nextEnd = Math.min(end, next === -1 ? text.length : next);
    const nextLine = text.slice(e + 1, nextEnd);
    const so = text.slice(start, e).trimEnd();
    const last = /\S+$/u.exec(so)?.[0] ?? "";
    if (nextLine.trim() === "" || nextLine.length > 120 || so.length + nextLine.length > 200) break;
    // A header, a list row ("a. Mötesordförande") or a label ("mötesordförande: Markus") is no wrapped title.
    if (/^[ \t]*(?:§|\d|\p{L}[.)][ \t]|\p{Ll}[\p{L} \t]{0,30}:)/u.test(nextLine)) break;
    if (!(titleContinuesAfter(last, tw) || /^[ \t]*\p{Ll}/u.test(nextLine))) break;
    e = nextEnd;
  }
  return e;
}

const signatureLines = new WeakMap<Lexicon, RegExp>();

/**
 * Where a signature block starts after the last item's header: the first line made only of signature labels
 * ("Vid protokollet\tJusteras", "Ordförande"). The block is the record's, not the last item's.
 */
function signatureBlockStart(text: string, from: number, to: number, lex: Lexicon): number | null {
  let re = signatureLines.get(lex);
  if (!re) {
    const labels = anyOf(lex.forms("signature-labels", "label"));
    re = new RegExp(`(?<=\\n)[ \\t]*${labels}[ \\t:]*(?:[ \\t]+${labels}[ \\t:]*)*(?=\\n|$)`, "iuy");
    signatureLines.set(lex, re);
  }
  // Tried at each line start in [from, to) only: a search from `from` ran to the end of the text for
  // every record (quadratic on a one-line transcript of many records). Same first match.
  for (let nl = text.indexOf("\n", Math.max(0, from - 1)); nl !== -1 && nl + 1 < to; nl = text.indexOf("\n", nl + 1)) {
    re.lastIndex = nl + 1;
    if (re.test(text)) return nl + 1;
  }
  return null;
}

/** Item segments from the chosen headers: each runs to the next item or front-matter box. */
export function buildItems(ctx: ItemContext, record: Range, chosen: ItemCandidate[], front: Range[]): ItemSegment[] {
  const { text, lex } = ctx;
  const outerStops = [...chosen.map((h) => h.start), ...front.map((f) => f.start), record.end].sort((a, b) => a - b);
  const heads = chosen.flatMap((h) => {
    if (h.sub !== undefined) return [h];
    const end = outerStops.find((s) => s > h.start) ?? record.end;
    return [h, ...subItemsOf(text, h, { start: h.titleStart, end })];
  });
  const stops = [...heads.map((h) => h.start), ...front.map((f) => f.start), record.end].sort((a, b) => a - b);
  const last = heads[heads.length - 1];
  if (last) {
    const sig = signatureBlockStart(text, last.titleStart, stops.find((s) => s > last.start) ?? record.end, lex);
    if (sig !== null) stops.push(sig), stops.sort((a, b) => a - b);
  }
  return heads.map((h) => {
    const end = stops.find((s) => s > h.start) ?? record.end;
    const flat = isFlat(h.line);
    const titleRules = [flat ? "item/title-flat-line" : "item/title-line"];
    const tr = titleRange(ctx, h, end, flat, titleRules);
    let title = text.slice(tr.start, tr.end);
    // The case number sits in the title, or on the lines just after it.
    const near = text.slice(h.titleStart, Math.min(end, tr.end + 160));
    const found = findCaseNumber(near);
    const cn = found ? { ...found, index: found.index + h.titleStart - tr.start, matchIndex: found.matchIndex + h.titleStart - tr.start } : null;
    let caseRange: Range | null = null;
    let caseNumber: string | null = null;
    if (cn) {
      caseNumber = cn.value;
      caseRange = { start: tr.start + cn.index, end: tr.start + cn.index + cn.value.length };
      if (cn.matchIndex < title.length) {
        const inTitle = title.slice(cn.matchIndex, cn.matchIndex + cn.match.length);
        if (/^\(/.test(inTitle) || cn.matchIndex + cn.match.length >= title.trimEnd().length) {
          title = (title.slice(0, cn.matchIndex) + title.slice(cn.matchIndex + cn.match.length)).trim();
        }
      }
    }
    title = squash(title.replace(/^[\s.:)–-]+/, "")) || squash(text.slice(tr.start, tr.end));
    let bodyStart = tr.end;
    const afterTitle = text.slice(tr.end, Math.min(end, tr.end + 200));
    const caseLine = /^\s*\n?[ \t]*\(?[\p{Lu}\d][^\n]{0,40}\)?[ \t]*(?=\n|\*\*|$)/u.exec(afterTitle);
    // "(HSF240207)" or "Dnr 2024/12" on the line after the title belongs to the header, not the body.
    if (caseRange && caseLine && caseRange.start >= tr.end && caseRange.end <= tr.end + caseLine[0].length) bodyStart = tr.end + caseLine[0].length;
    const sections = findSections(text, { start: bodyStart, end }, lex, ctx.skip, flat);
    return {
      number: h.sub === undefined ? String(h.number) : `${h.number}.${h.sub}`,
      start: h.start,
      end,
      title,
      titleRange: tr,
      caseNumber,
      caseRange,
      bodyStart,
      sections,
      flat,
      rules: {
        // The candidate names its header shape; a sub-point ("1.1") is item/sub-number.
        found: h.rules?.length ? h.rules : [headerRule(h.style, !!h.toc)],
        title: titleRules,
        ...(caseNumber ? { caseNumber: ["item/case-number"] } : {}),
      },
    };
  });
}
