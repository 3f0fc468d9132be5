import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimLineEnds } from "../../src/model/build.js";

/** What trimLineEnds was: split into lines, cut each line's trailing blanks and tabs, join. */
const byLines = (s: string) => s.split("\n").map((line) => line.replace(/[ \t]+$/u, "")).join("\n");

describe("trimLineEnds", () => {
  it.each([
    ["a \nb\t\n c", "a\nb\n c"],
    ["  \n\n \t", "\n\n"],
    ["ingen blank", "ingen blank"],
    ["slut  ", "slut"],
    ["a\u00a0\nb\r \n", "a\u00a0\nb\r\n"],
  ])("%j", (s, want) => expect(trimLineEnds(s)).toBe(want));

  it("cuts what cutting line by line cuts", () => {
    const unit = fc.constantFrom("a", "ö", " ", "\t", "\n", "\r", "\u00a0", "  \n");
    fc.assert(fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
      expect(trimLineEnds(s)).toBe(byLines(s));
    }), { numRuns: 5000 });
  });
});
