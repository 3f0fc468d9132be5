import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closesBracket, endsInBlankLine, hasPartyMark } from "../../src/extract/participants/index.js";
import { isBlankText } from "../../src/text/unicode.js";

// The patterns extractParticipants ran on slices before these hand reads.
const PARTY_LINE = /\p{Lu}\p{Ll}+[ \t]*\((?:\p{Lu}{1,4}|\p{Ll}{1,3})\)/u;
const BLANK_LINE_END = /\n[ \t]*\n[ \t]*$/u;
const BOX = /\[([ \txX✓]?)\][ \t]*$/u;

const piece = fc.constantFrom(
  "Berg", "berg", "B", "Ö", "ö", "É\u{10428}", "\u{10400}", "\u{10428}", "\ud801", "\udc28", "(", ")", "(S)", "(s)", "(SD)", "(KD)", "(MPSD)", "(MPSDX)",
  "(mp)", "(abc)", "(abcd)", "(\u{10400})", "(\u{10428})", "(Sd)", "[", "]", "[X]", "[ ]", "[✓]", "[x]", "[xx]", ",", "1", "-",
);
const gap = fc.constantFrom(" ", "\t", "\n", " \n ", "\n\n", "\n \t\n", "\u00a0", "  ", "");
const texts = fc.array(fc.tuple(piece, gap), { maxLength: 12 }).map((ps) => ps.map(([p, g]) => p + g).join(""));
/** A text and a range in it. */
const ranged = fc.tuple(texts, fc.nat(), fc.nat()).map(([text, a, b]) => {
  const lo = Math.min(a, b) % (text.length + 1);
  return { text, from: lo, to: lo + (Math.max(a, b) % (text.length - lo + 1)) };
});

describe("hand reads of a list segment", () => {
  it("hasPartyMark: the party-line pattern's answer", () => {
    fc.assert(fc.property(ranged, ({ text, from, to }) => {
      expect(hasPartyMark(text, { start: from, end: to })).toBe(PARTY_LINE.test(text.slice(from, to)));
    }), { numRuns: 30000 });
  });
  it("endsInBlankLine: the pattern's answer", () => {
    fc.assert(fc.property(ranged, ({ text, from, to }) => {
      expect(endsInBlankLine(text, from, to)).toBe(BLANK_LINE_END.test(text.slice(from, to)));
    }), { numRuns: 30000 });
  });
  it("closesBracket holds wherever a checkbox ends the text (the pattern is asked only then)", () => {
    let boxes = 0;
    fc.assert(fc.property(ranged, ({ text, from, to }) => {
      const box = BOX.test(text.slice(from, to));
      if (box) boxes++;
      if (box) expect(closesBracket(text, from, to)).toBe(true);
    }), { numRuns: 30000 });
    expect(boxes).toBeGreaterThan(100);
  });
  it("isBlankText over a range: /\\S/u on the slice, negated", () => {
    fc.assert(fc.property(ranged, ({ text, from, to }) => {
      expect(!isBlankText(text, from, to)).toBe(/\S/u.test(text.slice(from, to)));
    }), { numRuns: 30000 });
  });
});
