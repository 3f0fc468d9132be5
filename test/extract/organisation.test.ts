import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstPublic } from "../../src/extract/organisation.js";

/** The public-organisation pattern, asked of the whole text at once. */
const PUBLIC = /(?<![\p{L}])(\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?s?[ \t]+(?:kommun|stad|kommunalförbund)|Region[ \t]+\p{Lu}[\p{L}-]+(?:[ \t]+län)?|Landstinget[ \t]+(?:i[ \t]+)?\p{Lu}[\p{L}-]+|Samordningsförbundet[ \t]+\p{Lu}[\p{L}-]+)(?![\p{L}])/u;

describe("a public organisation in a front range", () => {
  it.each([
    ["Protokoll\nKommunstyrelsen, Borås stad 2024", "Borås stad"],
    ["Sammanträde i Västerås Stadshus\nRegion Västmanland\nHeby kommun", "Region Västmanland"],
    ["kommunfullmäktige\nLandstinget i Kalmar län", "Landstinget i Kalmar"],
    ["Ingen här, bara stadsbyggnad", null],
  ])("%j", (s, want) => expect(firstPublic(s)?.[1] ?? null).toBe(want));

  it("finds the first match the pattern finds in the whole text", () => {
    const unit = fc.constantFrom("Borås", "Heby", "s", " ", "\t", "\n", "kommun", "stad", "stads", "Region", "Landstinget", "i", "län", "Samordningsförbundet", "x", "-", ",", "Ö");
    fc.assert(fc.property(fc.string({ unit, maxLength: 14 }), (s) => {
      expect(firstPublic(s)?.[1] ?? null).toBe(PUBLIC.exec(s)?.[1] ?? null);
    }), { numRuns: 5000 });
  });
});
