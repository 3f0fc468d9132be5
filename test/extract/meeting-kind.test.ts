import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasKindWord } from "../../src/extract/meeting-kind.js";

/** The kind-word test as it was written: one pattern, tried at every offset. */
const KIND_WORD_SLOW = /(?<![\p{L}])(?:\p{L}*protokoll|PROTOKOLL|Minnesanteckningar|MINNESANTECKNINGAR|Mötesanteckningar?|Kallelse|KALLELSE|Föredragningslista|FÖREDRAGNINGSLISTA|Ärendelista)(?![\p{L}])/u;

describe("kind words in a front range", () => {
  it.each([
    ["Sammanträdesprotokoll 2024-01-02", true],
    ["protokollet justeras", false],
    ["Justerat PROTOKOLL", true],
    ["ÅRSPROTOKOLL", false],
    ["Kallelse till möte", true],
    ["Kallelser", false],
    ["𝒜protokoll.", true],
    ["Mötesanteckningar", true],
    ["Mötesanteckning", false],
  ])("%j: %s", (text, want) => {
    expect(hasKindWord(text, { start: 0, end: text.length })).toBe(want);
  });

  it("answers as the one pattern does, over any range", () => {
    const unit = fc.constantFrom("protokoll", "Protokoll", "PROTOKOLL", "Sammanträdes", "Kallelse", "KALLELSE", "Mötesanteckning", "ar", "Ärendelista", "s", "å", "𝒜", "\uDC9C", "1", " ", "-", "\n", ".");
    fc.assert(fc.property(fc.string({ unit, maxLength: 10 }), fc.nat(), fc.nat(), (text, a, b) => {
      const [x, y] = [a % (text.length + 1), b % (text.length + 1)];
      const r = { start: Math.min(x, y), end: Math.max(x, y) };
      expect(hasKindWord(text, r)).toBe(KIND_WORD_SLOW.test(text.slice(r.start, Math.min(r.end, r.start + 4000))));
    }), { numRuns: 5000 });
  });
});
