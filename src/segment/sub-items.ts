import type { Range } from "../types.js";
import type { ItemCandidate } from "./item-candidates.js";
import { splitLines } from "./lines.js";

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
  const slice = text.slice(range.start, range.end);
  let want = 1;
  let prevBlank = false;
  const firstLine = parent.line.n + countNewlines(text, parent.line.start, range.start);
  for (const l of splitLines(slice)) {
    const m = SUB_HEADER.exec(l.text);
    if (m && Number(m.groups!.num) === parent.number && Number(m.groups!.sub) === want && (!m.groups!.para || parent.style === "para")) {
      const start = range.start + l.start + (l.text.length - l.text.trimStart().length);
      const line = { start: range.start + l.start, end: range.start + l.end, n: firstLine + l.n - 1, text: l.text };
      out.push({
        number: parent.number,
        sub: want,
        style: parent.style,
        start,
        titleStart: range.start + l.start + m[0].length,
        atLineStart: true,
        afterBlank: prevBlank,
        line,
        rules: ["item/sub-number"],
      });
      want++;
    }
    prevBlank = l.text.trim() === "";
  }
  return out;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
