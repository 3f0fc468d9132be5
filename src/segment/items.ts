import type { Lexicon } from "../lexicon/load.js";
import { squash } from "../text/unicode.js";
import type { Range } from "../types.js";
import { findCaseNumber } from "./case-number.js";
import type { ItemCandidate } from "./item-candidates.js";
import { isFlat } from "./lines.js";
import { findSections, type SectionSegment } from "./sections.js";
import { subItemsOf } from "./sub-items.js";
import { flatTitleEnd } from "./title.js";

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
  /** Ids of the rules behind the item (header shape, title cut). */
  rules: string[];
}

export interface ItemContext {
  text: string;
  lex: Lexicon;
  skip: Range[];
  isPlace: (word: string) => boolean;
}

/** Cross-references and a case number before the title: "Au 84 Sn 34 Dnr 2016/12 Budget …". */
const LEAD = /^(?:(?:\p{Lu}\p{Ll}{0,4}|\p{Lu}{2,5})[ \t]+\d{1,4}[ \t]+|(?:Dnr|Diarienummer)[ \t.:]*[\p{Lu}\d][^\s]*(?:[ \t]+\d{3}(?![\d/]))?[ \t]+)+/u;

function titleRange(ctx: ItemContext, c: ItemCandidate, end: number, flat: boolean): Range {
  const { text } = ctx;
  const lineEnd = text.indexOf("\n", c.titleStart);
  const stop = Math.min(end, lineEnd === -1 ? text.length : lineEnd);
  const lead = LEAD.exec(text.slice(c.titleStart, stop));
  const start = lead && lead[0].length < stop - c.titleStart ? c.titleStart + lead[0].length : c.titleStart;
  // A contents row's title is all of it up to the next row; proper nouns inside do not end it.
  let e = flat && !(c.toc && stop - start < 240) ? flatTitleEnd(text, start, stop, ctx.isPlace) : stop;
  const bold = text.indexOf("**", start);
  if (bold !== -1 && bold < e) e = bold;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return { start, end: Math.max(start, e) };
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
  return heads.map((h) => {
    const end = stops.find((s) => s > h.start) ?? record.end;
    const flat = isFlat(h.line);
    const tr = titleRange(ctx, h, end, flat);
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
      rules: [...(h.rules ?? [])],
    };
  });
}
