import { describe, expect, it } from "vitest";
import { nameVocabulary, namesIn } from "../../src/extract/participants/names.js";
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
