import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstStems } from "../../src/segment/item-chain.js";
import { classesOf, NUMBER_BIT } from "../../src/text/unicode.js";

describe("firstStems", () => {
  // What head() computed before: the split on runs of code points that are neither letters nor numbers.
  const bySplit = (s: string, words: number, units: number) =>
    s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, words).map((w) => w.slice(0, units)).join(" ");
  const unit = fc.constantFrom("a", "Ö", "ß", "é", "1", "٣", "Ⅻ", "½", " ", "\t", "\n", "-", ".", "§", "\u{1d400}", "\u{1d7d9}", "\ud835", "\udc00", "\u2003", "İ", "x");
  it("gives the split's first words, each cut to its first units", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), (s, words, units) => {
        expect(firstStems(s, words, units)).toBe(bySplit(s, words, units));
      }),
      { numRuns: 5000 },
    );
  });
  it("reads titles as the item chain does", () => {
    for (const t of ["godkännande av dagordningen", "§ 12 val av justerare, m.m.", "  ", "", "2015-års budget", "årsredovisning 2013 och ansvarsfrihet"]) {
      expect(firstStems(t, 3, 8)).toBe(bySplit(t, 3, 8));
    }
  });
});

describe("classesOf NUMBER_BIT", () => {
  it("is \\p{N} for every BMP code point", () => {
    for (let c = 0; c < 0x10000; c++) expect((classesOf(c) & NUMBER_BIT) !== 0).toBe(/^\p{N}$/u.test(String.fromCharCode(c)));
  });
});
