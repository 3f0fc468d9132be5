import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_NUMBER_PATTERNS, findCaseNumber } from "../../src/segment/case-number.js";

// Pieces case numbers are made of, and look-alikes without an ASCII digit ("٢٠١٨" and "２０" are \p{N} but not \d).
const piece = fc.constantFrom("Dnr", "DNR", "Diarienummer", "Ärendenr", "Dnr.", "KS", "RJL", "HSF", "LKS", "(", ")", "/", ":", ".", "-", " ", "\t", "\n", "a", "Ö", "٢٠١٨", "２０", "0", "7", "2024", "240207", "123");
const text = fc.array(piece, { maxLength: 14 }).map((ps) => ps.join(""));
const noDigit = text.map((s) => s.replace(/[0-9]/gu, ""));

describe("findCaseNumber", () => {
  it("finds nothing in a text without an ASCII digit, since every shape needs one (the guard before the patterns)", () => {
    fc.assert(
      fc.property(noDigit, (s) => {
        for (const re of CASE_NUMBER_PATTERNS) expect([s, re.test(s)]).toEqual([s, false]);
        expect(findCaseNumber(s)).toBeNull();
      }),
    );
  });

  it("finds what the shapes find, tried in order", () => {
    fc.assert(
      fc.property(text, (s) => {
        const first = CASE_NUMBER_PATTERNS.map((re) => re.exec(s)).find((m) => m !== null);
        expect(findCaseNumber(s)?.matchIndex ?? null).toBe(first ? first.index : null);
      }),
    );
  });

  it("reads a labelled number, one in parentheses and one alone on its line", () => {
    expect(findCaseNumber("Budget 2024 Dnr KS 2024/123")?.value).toBe("KS 2024/123");
    expect(findCaseNumber("Motion (HSF240207)")?.value).toBe("HSF240207");
    expect(findCaseNumber("Titel\nRS 2016/1288\n")?.value).toBe("RS 2016/1288");
  });
});
