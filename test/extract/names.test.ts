import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameVocabulary, namesIn, nextNameRun, nextNameToken } from "../../src/extract/participants/names.js";
import { loadLexicon } from "../../src/lexicon/load.js";

const nv = nameVocabulary(loadLexicon());
const names = (s: string) => namesIn(s, { start: 0, end: s.length }, nv, true).map((h) => [h.name, s.slice(h.start, h.end)]);

describe("names in a list segment", () => {
  it("reads a name without its quoted nickname, the span still over it", () => {
    expect(names("Andreas “Equeroot” Ekeroot (S), Anna \"Nanna\" Berg")).toEqual([
      ["Andreas Ekeroot", "Andreas “Equeroot” Ekeroot"],
      ["Anna Berg", "Anna \"Nanna\" Berg"],
    ]);
  });
  it("reads names in a segment without quotes", () => {
    expect(names("Andreas Ekeroot (S), Anna Berg")).toEqual([["Andreas Ekeroot", "Andreas Ekeroot"], ["Anna Berg", "Anna Berg"]]);
  });
});

/** names.ts's RUN: what the engine found, tried at every offset, before nextNameRun chose the offsets. */
const RUN = /(?<![\p{L}\p{N}-])(?:\p{Lu}\.?[ \t]+(?:\p{Lu}\.?[ \t]+)?(?=\p{Lu}\p{Ll}))?(?:(?:von|van|af|de|der|la|du)[ \t]+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:(?:von|van|af|de|der|la|du)[ \t]+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?|\p{Lu}\.?(?=[ \t]+\p{Lu}\p{Ll})))*(?![\p{L}])/gu;
function runsByHand(s: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let m = nextNameRun(s, 0); m; m = nextNameRun(s, m.index + m[0].length)) out.push([m.index, m[0]]);
  return out;
}

describe("runs of capitalised words", () => {
  it("are the pattern's matches", () => {
    const piece = fc.constantFrom(
      "Anna", "Berg", "von", "van", "af", "de", "der", "la", "du", "davon", "lade", "A.", "C", "E", "Öberg", "Ärlig", "Anna-Karin", "O’Neil", "Jo´se",
      "\u{1d400}nna", "\ud835", "\udc00", "É", "ßa", "(S)", ",", "-", "och", "3", "٣", "x", "A", "Ω", "ω",
    );
    const gap = fc.constantFrom(" ", "\t", "\n", " \n ", "", "  ", "-", ",", "\u00a0");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, gap), { maxLength: 12 }), (parts) => {
        const s = parts.map(([p, g]) => p + g).join("");
        expect(runsByHand(s)).toEqual([...s.matchAll(RUN)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 20000 },
    );
  });
  it("are the pattern's matches in any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."Aa dlvonfu-.\n\tÖéΩ’3\ud835\udc00"), maxLength: 30 }), (s) => {
        expect(runsByHand(s)).toEqual([...s.matchAll(RUN)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 20000 },
    );
  });
});

/** names.ts's TOKEN, matched by the engine at every offset, before nextNameToken chose the offsets. */
const TOKEN = /(?:(?:von|van|af|de|der|la|du)\s+)?\p{Lu}[\p{Ll}’'´]+(?:-\p{Lu}[\p{Ll}’']+)?|\p{Lu}\.?(?=[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}\p{Ll})/gu;
function tokensByHand(s: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let m = nextNameToken(s, 0); m; m = nextNameToken(s, m.index + m[0].length)) out.push([m.index, m[0]]);
  return out;
}

describe("words of a name", () => {
  it("are the pattern's matches", () => {
    const piece = fc.constantFrom(
      "Anna", "Berg", "von", "van", "af", "de", "der", "la", "du", "davon", "lade", "A.", "C", "E", "Öberg", "McDonald", "Anna-Karin", "O’Neil", "Jo´se",
      "\u{1d400}nna", "\ud835", "\udc00", "É", "ßa", "(S)", ",", "-", "3", "x", "A", "Ω", "ω",
    );
    const gap = fc.constantFrom(" ", "\t", "\n", " \n ", "", "  ", "-", "\u00a0", "\u2003");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, gap), { maxLength: 12 }), (parts) => {
        const s = parts.map(([p, g]) => p + g).join("");
        expect(tokensByHand(s)).toEqual([...s.matchAll(TOKEN)].map((m) => [m.index, m[0]]));
      }),
      { numRuns: 20000 },
    );
  });
});
