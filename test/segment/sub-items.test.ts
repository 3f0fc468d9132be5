import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subItemsOf } from "../../src/segment/sub-items.js";
import type { ItemCandidate } from "../../src/segment/item-candidates.js";
import { splitLines } from "../../src/segment/lines.js";
import type { Range } from "../../src/types.js";

// What subItemsOf did before it walked the lines in place: every line of the slice split and matched.
const SUB_HEADER = /^[ \t]*(?<para>§[ \t]*)?(?<num>\d{1,3})\.(?<sub>\d{1,2})\.?[ \t]+(?=["”'(]?\p{Lu}|\p{Ll}+[\p{Lu}.]\p{L}|\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+\p{L})/u;
function bySplit(text: string, parent: ItemCandidate, range: Range): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  const slice = text.slice(range.start, range.end);
  let want = 1;
  let prevBlank = false;
  let firstLine = parent.line.n;
  for (let i = text.indexOf("\n", parent.line.start); i !== -1 && i < range.start; i = text.indexOf("\n", i + 1)) firstLine++;
  for (const l of splitLines(slice)) {
    const m = SUB_HEADER.exec(l.text);
    if (m && Number(m.groups!.num) === parent.number && Number(m.groups!.sub) === want && (!m.groups!.para || parent.style === "para")) {
      const start = range.start + l.start + (l.text.length - l.text.trimStart().length);
      const line = { start: range.start + l.start, end: range.start + l.end, n: firstLine + l.n - 1, text: l.text };
      out.push({ number: parent.number, sub: want, style: parent.style, start, titleStart: range.start + l.start + m[0].length, atLineStart: true, afterBlank: prevBlank, line, rules: ["item/sub-number"] });
      want++;
    }
    prevBlank = l.text.trim() === "";
  }
  return out;
}

describe("subItemsOf", () => {
  const piece = fc.constantFrom("1.1 Mötets öppnande", "1.2 Val", "§ 1.3 Beslut", "  1.2 iDrott", "\t1.1 0–3 övriga", "2.1 Revisor", "01.01 Titel", "1.1", "3.5 miljoner", "Text", " ", "\u00a0", "", "§1.1 Ordförande", "1.3. Övrigt", "x 1.1 Nej");
  const doc = fc.array(piece, { maxLength: 14 }).map((ls) => ls.join("\n"));
  it("finds what splitting every line of the slice found", () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), fc.constantFrom(1, 2), fc.constantFrom("para", "dot"), (text, a, b, number, style) => {
        const lo = Math.min(a, b) % (text.length + 1);
        const hi = lo + (Math.max(a, b) % (text.length - lo + 1));
        const parent = { number, style, start: 0, titleStart: 0, atLineStart: true, afterBlank: false, line: { start: 0, end: text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"), n: 1, text: "" } } as ItemCandidate;
        expect(subItemsOf(text, parent, { start: lo, end: hi })).toEqual(bySplit(text, parent, { start: lo, end: hi }));
      }),
      { numRuns: 5000 },
    );
  });
});
