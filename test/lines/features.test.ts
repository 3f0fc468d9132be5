import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capsShare } from "../../src/lines/features.js";

/** The share of capitals as first written: each code point's case from its own case forms. */
function capsShareByForms(s: string): number {
  let up = 0;
  let letters = 0;
  for (const ch of s) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    letters++;
    if (ch === ch.toUpperCase()) up++;
  }
  return letters ? up / letters : 0;
}

describe("capsShare", () => {
  // ASCII, the Latin blocks it reads by table (ß, µ, ÿ, ª and º are the odd ones), Greek and astral letters.
  const units = ["A", "a", "Å", "å", "Ä", "ö", "É", "ß", "µ", "ÿ", "ª", "º", "×", "÷", "ǅ", "Ő", "ő", "ɏ", "ɐ", "Ω", "ω", "𝐀", "𝐚", "😀", "1", " ", "-"];
  it("is the share of capitals among letters, each letter's case read from its case forms", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...units) }), (s) => {
      expect(capsShare(s)).toBe(capsShareByForms(s));
    }), { numRuns: 2000 });
  });

  it("reads every code point of the Latin blocks as its case forms say", () => {
    const all = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c));
    for (const ch of all) expect([ch, capsShare(ch)]).toEqual([ch, capsShareByForms(ch)]);
  });
});
