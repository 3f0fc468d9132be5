import type { Range } from "../types.js";
import type { ItemCandidate } from "./item-candidates.js";
import { isAsciiDigit, isBlankText, isSpaceOrTab } from "../text/unicode.js";

/**
 * Decimal outline numbering ("1 Preliminärer / 1.1 Mötets öppnande / 1.2 Val av mötesordförande"),
 * the way minutes written from a document template (student unions, associations) number their points:
 * inside item N, lines that start "N.1", "N.2", … in order are items of their own. Only a run that starts
 * at N.1 and steps by one counts, so a date ("3.5 miljoner") or a version in the body is no sub-item.
 * A sub-item is written like its parent ("§8 Konstituerande / §8.1 Revisor"), and its title may be a
 * count of seats ("4.1 0–3 övriga medlemmar") or a name written in lower case ("3.7 iDrott", "4.1 ix.ufs.se").
 */
const SUB_HEADER = /^[ \t]*(?<para>§[ \t]*)?(?<num>\d{1,3})\.(?<sub>\d{1,2})\.?[ \t]+(?=["”'(]?\p{Lu}|\p{Ll}+[\p{Lu}.]\p{L}|\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+\p{L})/u;

export function subItemsOf(text: string, parent: ItemCandidate, range: Range): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  let want = 1;
  let prevBlank = false;
  const firstLine = parent.line.n + countNewlines(text, parent.line.start, range.start);
  // The lines of text[range] as splitLines(slice) cuts them, walked in place: only a line that may
  // hold a sub-header is sliced and matched (most of an item's body is prose).
  for (let ls = range.start, k = 0; ; k++) {
    const nl = text.indexOf("\n", ls);
    const le = nl === -1 || nl >= range.end ? range.end : nl;
    const m = mayBeSubHeader(text, ls, le) ? SUB_HEADER.exec(text.slice(ls, le)) : null;
    if (m && Number(m.groups!.num) === parent.number && Number(m.groups!.sub) === want && (!m.groups!.para || parent.style === "para")) {
      const lineText = text.slice(ls, le);
      const line = { start: ls, end: le, n: firstLine + k, text: lineText };
      out.push({
        number: parent.number,
        sub: want,
        style: parent.style,
        start: ls + (lineText.length - lineText.trimStart().length),
        titleStart: ls + m[0].length,
        atLineStart: true,
        afterBlank: prevBlank,
        line,
        rules: ["item/sub-number"],
      });
      want++;
    }
    prevBlank = isBlankText(text, ls, le);
    if (le >= range.end) return out;
    ls = le + 1;
  }
}

/**
 * Whether text[from, to) may match SUB_HEADER: after its leading blanks and tabs (`^[ \t]*`) it needs
 * "§" or a digit, the first character of both its branches.
 */
function mayBeSubHeader(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isSpaceOrTab(text.charCodeAt(i))) i++;
  return i < to && (text.charCodeAt(i) === 0xa7 || isAsciiDigit(text.charCodeAt(i)));
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
