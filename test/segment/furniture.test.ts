import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFurniture, firstWords } from "../../src/segment/furniture.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { lexiconWith } from "../helpers.js";

/** The shipped lexicon with one more signature-box label. */
const extendedLexicon = () => lexiconWith(["furniture", "signature-box", "kontrasignation"]);


const lex = loadLexicon();
const kinds = (text: string) => findFurniture(text, lex).map((f) => [f.kind, f.text.trim()]);

describe("page furniture", () => {
  it("recognises page numbers in their common shapes", () => {
    expect(kinds("Text\n3\n2 (41)\nSida 3 av 10\n(2)\n1[25]\nMer text 3\n")).toEqual([
      ["page-number", "3"], ["page-number", "2 (41)"], ["page-number", "Sida 3 av 10"], ["page-number", "(2)"], ["page-number", "1[25]"],
    ]);
  });
  it("recognises signature boxes but not sentences that mention them", () => {
    expect(kinds("Justerandes sign\nUtdragsbestyrkande\nJusterandes signatur   Utdragsbestyrkande\nJusterandes sign saknas i protokollet.\n")).toEqual([
      ["signature-box", "Justerandes sign"], ["signature-box", "Utdragsbestyrkande"], ["signature-box", "Justerandes signatur   Utdragsbestyrkande"],
    ]);
  });
  it("marks a web transcript's page title and viewer buttons", () => {
    const f = findFurniture("Protokoll KS\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n1 PROTOKOLL …\n", lex);
    expect(f.some((x) => x.kind === "transcript-chrome" && x.start === 0 && x.text.endsWith("Transkript"))).toBe(true);
  });
  it("is compiled per lexicon: a second lexicon's signature-box labels are its own", () => {
    const text = "Text\nKontrasignation\n";
    expect(kinds(text)).toEqual([]);
    expect(findFurniture(text, extendedLexicon()).map((f) => f.kind)).toEqual(["signature-box"]);
    expect(kinds(text)).toEqual([]);
  });
});

describe("firstWords", () => {
  it("gives what slice and split(/\\s+/, limit) give", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Ö", "1", " ", "\t", "\n", "\u00a0", "\u2028", "§") }), fc.nat(12), fc.integer({ min: 1, max: 9 }), (s, from, limit) => {
        const at = Math.min(from, s.length);
        expect(firstWords(s, at, limit)).toEqual(s.slice(at).split(/\s+/, limit));
      }),
      { numRuns: 3000 },
    );
  });
});
