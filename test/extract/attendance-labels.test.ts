import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncatedMembersIn } from "../../src/extract/participants/labels.js";

/** labels.ts's TRUNCATED_MEMBERS, run by the engine at every offset (matchAll), as before truncatedMembersIn. */
const TRUNCATED_MEMBERS = /(?<=^|[ \t\n])(?:(?:(?:(?:e?s)?l)?u)?t)?ande(?=[ \t]*:?[ \t]+\p{Lu}\p{Ll})/gu;

describe("truncated members heading", () => {
  const at = (s: string) => truncatedMembersIn(s).map((m) => [m.index, m[0]]);
  it("finds the word's tails before a name", () => {
    expect(at("ande Miguel Odhner (S)\nslutande: Anna Berg")).toEqual([[0, "ande"], [23, "slutande"]]);
  });
  it("gives the pattern's matches", () => {
    const piece = fc.constantFrom("ande", "tande", "utande", "lutande", "slutande", "eslutande", "Beslutande", "andeande", "e", "s", "l", "u", "t",
      "Anna", "Öberg", "anna", "\u{1d400}\u{1d41a}", "\ud835", "\udc00", ":", "  ", " ", "\t", "\n", "x", "");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const s = parts.join("");
        expect(at(s)).toEqual([...s.matchAll(TRUNCATED_MEMBERS)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 30000 },
    );
  });
});
