import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIGIT_PATTERNS } from "../../src/extract/participants/entry.js";

describe("readAttributes' digit guard", () => {
  // The words the item, clock and absence patterns are built of, and digits' look-alikes from other scripts.
  const piece = fc.constantFrom("§", "§§", "paragraf", "paragraferna", "ärende", "punkt", "pkt", "ej", "inte", "deltar", "deltog", "närvarar", "i", "till", "och", "med",
    "del", "av", ":", ".", "-", "–", ",", "٣", "³", "①", "０", "VD", "(S)", "Anna", "del av");
  const gap = fc.constantFrom(" ", "\t", "", "\n", ", ");
  it("no digit-guarded pattern matches a text without an ASCII digit", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, gap), { maxLength: 12 }), (parts) => {
        const s = parts.map(([p, g]) => p + g).join("");
        for (const re of DIGIT_PATTERNS) {
          re.lastIndex = 0;
          expect(re.test(s)).toBe(false);
        }
      }),
      { numRuns: 20000 },
    );
  });
  it("the same patterns do match with digits (the test above can fail)", () => {
    expect(DIGIT_PATTERNS.map((re) => { re.lastIndex = 0; return re.test("deltar ej i § 5 8:15-11:00 till och med § 7, 12"); })).toEqual(DIGIT_PATTERNS.map(() => true));
  });
});
