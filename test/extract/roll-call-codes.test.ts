import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasCodes } from "../../src/extract/participants/roll-call.js";

/** What hasCodes counted before its hand loop: the code-shaped words the regex finds. */
const CODE_SHAPED = /(?<!\S)\p{Lu}{1,3}(?!\S)/gu;
function hasCodesByPattern(s: string, isKnownParty: (t: string) => boolean, n: number): boolean {
  let found = 0;
  for (const m of s.matchAll(CODE_SHAPED)) if (isKnownParty(m[0]) && ++found >= n) return true;
  return false;
}

describe("hasCodes", () => {
  const known = new Set(["s", "m", "sd", "kd", "ö", "ÅÄ".toLowerCase(), "\u{1d400}", "v"]);
  const isKnownParty = (t: string) => known.has(t.toLowerCase());
  const word = fc.constantFrom("S", "M", "SD", "KD", "SDX", "SDXY", "Ö", "ÅÄ", "Sd", "s", "\u{1d400}", "\ud835", "\udc00", "V.", "(V)", "Anna", "Berg", "1", "");
  const blank = fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u0085", "  ", "");

  it("answers as the pattern does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, blank), { maxLength: 14 }), fc.integer({ min: 1, max: 5 }), (parts, n) => {
        const s = parts.map(([w, b]) => w + b).join("");
        expect(hasCodes(s, isKnownParty, n)).toBe(hasCodesByPattern(s, isKnownParty, n));
      }),
      { numRuns: 20000 },
    );
  });

  it("answers as the pattern does on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (s, n) => {
        expect(hasCodes(s, () => true, n)).toBe(hasCodesByPattern(s, () => true, n));
      }),
      { numRuns: 20000 },
    );
  });
});
