import { hasAsciiDigit } from "../text/unicode.js";

/** Diarienummer shapes: "Dnr KS 2024/123", "Diarienummer: RJL 2016/1288", "(HSF240207)", "(KS/2017:499)". */
const LABELED =
  /(?<![\p{L}])(?:Dnr|DNR|Diarienummer|Diarienr|Ärendenummer|Ärendenr|Dnr\.)[ \t]*[.:]?[ \t]*(?<cn>(?:\p{Lu}{1,6}[ \t/-]?)?\d[\d./:-]*\d(?:[ \t]+\d{3}(?![\d/]))?)/u;
const IN_PARENS = /\((?<cn>\p{Lu}{2,6}[ \t/-]?\d{2,4}(?:[/:.-]\d{1,6})?|\p{Lu}{2,6}\d{4,10})\)/u;
const INLINE = /(?<![\p{L}\d])(?<cn>\p{Lu}{2,6}[ \t/]\d{4}[/:.-]\d{1,6})(?![\d])/u;
const ALONE = /^[ \t]*(?<cn>\p{Lu}{2,6}[ \t/-]?\d{4}[/:-]\d{1,6}|\p{Lu}{2,6}\d{5,10})[ \t]*$/mu;

/** The shapes in the order they are tried (exported for the test that every one needs a digit). */
export const CASE_NUMBER_PATTERNS: readonly RegExp[] = [LABELED, IN_PARENS, INLINE, ALONE];

export interface CaseNumberHit {
  value: string;
  /** Offset of the value inside the searched text. */
  index: number;
  /** Whole match (with label or parentheses), so a title can drop it. */
  match: string;
  matchIndex: number;
}

function hit(m: RegExpExecArray | null): CaseNumberHit | null {
  if (!m) return null;
  const value = m.groups!.cn!.trim();
  return { value, index: m.index + m[0].indexOf(value), match: m[0], matchIndex: m.index };
}


/** The first case number in a piece of text (title line, or the lines just after it). */
export function findCaseNumber(s: string): CaseNumberHit | null {
  // Every pattern above needs an ASCII digit (`\d`, u flag: [0-9] only): a text without one has none.
  if (!hasAsciiDigit(s)) return null;
  return hit(LABELED.exec(s)) ?? hit(IN_PARENS.exec(s)) ?? hit(INLINE.exec(s)) ?? hit(ALONE.exec(s));
}
