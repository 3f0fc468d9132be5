import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ELECTED_VERB, ELECTED_VERB_WORD } from "../../src/extract/participants/elected.js";

describe("positionsFromItems' guard", () => {
  it("a text holding a sentence that elects holds an election word (the item is split only then)", () => {
    const piece = fc.constantFrom("utses", "utsågs", "valdes", "väljs", "utsedd", "väljer", "välja", "utser", "Utses", "VALDES", "ut", "ses", "väl", "ja",
      "Anna Berg", "till", "ordförande", "x", "ö", "\u{10428}", "1", ".", " ", "\n", "-");
    let elects = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const s = parts.join("");
        const lo = Math.min(a, b) % (s.length + 1);
        const hi = lo + (Math.max(a, b) % (s.length - lo + 1));
        if (!ELECTED_VERB.test(s.slice(lo, hi))) return;
        elects++;
        expect(ELECTED_VERB_WORD.test(s)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(elects).toBeGreaterThan(200);
  });
  it("names the verb's words", () => {
    // The alternation inside ELECTED_VERB's boundaries is ELECTED_VERB_WORD's whole source.
    expect(ELECTED_VERB.source).toContain(`(?:${ELECTED_VERB_WORD.source})`);
    expect(ELECTED_VERB.flags.includes("i")).toBe(ELECTED_VERB_WORD.flags.includes("i"));
  });
});
