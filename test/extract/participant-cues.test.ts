import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keptScanner, scanAll } from "../../src/text/scan.js";

// The line-start patterns of participants/ and the cue each is scanned with: each cue must match in
// the line of every match, or the cued scan would skip that line. Copies, so the scanners made here
// are not the ones the modules keep.
const CASES: Array<{ name: string; re: RegExp; cue: RegExp; pieces: string[] }> = [
  {
    name: "ATTACHED_LIST",
    re: /(?<=^|\n)[ \t]*(?:Bilaga[ \t]+\d{1,2}[ \t:.–-]*)?(?:Närvarolista|Närvaroförteckning)[ \t]*(?=\n)/gu,
    cue: /Närvaro/u,
    pieces: ["Närvarolista", "Närvaroförteckning", "närvarolista", "Bilaga 1 ", "Bilaga 12:", "Bilaga", "Närvaro", "lista"],
  },
  {
    name: "FOR_COLUMNS",
    re: /(?<=^|\n)[ \t]*För[ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+För[ \t]+\p{Lu}[\p{L}-]*)*[ \t]*(?=\n)/gu,
    cue: /För/u,
    pieces: ["För", "för", "VGK", "VGR", "Östra", "a-B", "För VGR"],
  },
  {
    name: "COLUMN_HEADER",
    re: /(?<=^|\n)[ \t]*(\p{L}+(?:[ \t]*\t[ \t]*\p{L}+)+)[ \t]*(?=\n)/gu,
    cue: /\t/u,
    pieces: ["ordinarie", "ersättare", "Övriga", "x", "1", "(S)"],
  },
];

describe("cued line-start scans of participants/", () => {
  for (const c of CASES) {
    it(`${c.name}: the matches of the uncued pattern`, () => {
      const gap = fc.constantFrom(" ", "\t", "\n", " \t ", "\n\n", "", "\u00a0", "\r\n");
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...c.pieces), gap), { maxLength: 12 }), (parts) => {
          const s = parts.map(([p, g]) => p + g).join("");
          const cued = keptScanner(new RegExp(c.re.source, c.re.flags), c.cue);
          expect([...scanAll(cued, s)].map((m) => [m.index, m[0]])).toEqual([...s.matchAll(c.re)].map((m) => [m.index, m[0]]));
        }),
        { numRuns: 10000 },
      );
    });
  }
});
