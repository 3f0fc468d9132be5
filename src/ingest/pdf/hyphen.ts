import type { PdfLine } from "./types.js";

/** Words after which a line-end hyphen is a real one: "hälso- och sjukvård", "för- eller eftermiddag". */
const ELLIPSIS_NEXT = /^(?:och|eller|samt|respektive|resp\.?|som|till|men|liksom|,)(?![\p{L}])/u;

/** A line that starts a list item: "a) tre", "b. tre", "(ii) tre", "– tre", "• tre". */
const LIST_ITEM = /^(?:\p{Ll}{1,3}[.)]\s|\(\p{Ll}{1,3}\)\s|\d{1,3}[.)]\s|[-–—•·▪◦*]\s)/u;

/**
 * Joins a word hyphenated at a line end ("omställ-" + "ningen", also "omställ -" as some layouts draw
 * it) and keeps real hyphens: before "och"/"eller", before a capital ("Anna-" + "Karin"), or after a digit.
 */
export function joinLines(lines: PdfLine[]): string {
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (i > 0) out += lines[i]!.gapBefore ? "\n\n" : "\n";
    const m = /(\p{L})[ ]?[-\u00ad\u2010]$/u.exec(l.text);
    if (m && next && next.block === l.block && !next.gapBefore && /^\p{Ll}/u.test(next.text) && !ELLIPSIS_NEXT.test(next.text) && !LIST_ITEM.test(next.text)) {
      out += l.text.slice(0, m.index + 1);
      // The next line's first word completes this one; the rest of it follows on this line.
      const word = /^\S+/u.exec(next.text)![0];
      out += word;
      const rest = next.text.slice(word.length).trimStart();
      lines[i + 1] = { ...next, text: rest, gapBefore: false };
      if (rest === "") {
        i++;
      }
      continue;
    }
    out += l.text;
  }
  return out.replace(/\n{3,}/g, "\n\n");
}
