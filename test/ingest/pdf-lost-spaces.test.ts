import { describe, expect, it } from "vitest";
import { assemblePages } from "../../src/ingest/pdf/assemble.js";
import { restoreLostSpaces } from "../../src/ingest/pdf/lost-spaces.js";
import type { PdfLine } from "../../src/ingest/pdf/types.js";

const page = (...texts: string[]): PdfLine[] => texts.map((text, i) => ({ text, x: 56, y: 700 - 14 * i, size: 10, block: 0, gapBefore: false }));

/** Clean lines of the document (its own dictionary), then lines whose spaces a broken map drew as "n". */
const clean = page(
  "Stadsdirektörens förslag: Nämnden godkänner föredragningslistan.",
  "Nämndens beslut: Stadsdirektörens förslag godkändes.",
  "Ärendet antecknades för kännedom. Nämnden antecknar rapporten för kännedom.",
  "Föredragningslistan godkändes enligt förslag, och protokollet justeras.",
);
const broken = page("Stadsdirektörensnförslagngodkändes.", "Ärendetnantecknadesnförnkännedom.", "Nämndenngodkännernföredragningslistan.");
const texts = (pages: PdfLine[][]) => pages.flatMap((p) => p.map((l) => l.text));

describe("spaces lost to one letter (broken ToUnicode map)", () => {
  it("restores them where the pieces are words the document spells elsewhere, keeping the real letters", () => {
    expect(texts(restoreLostSpaces([clean, broken])).slice(4)).toEqual([
      "Stadsdirektörens förslag godkändes.",
      "Ärendet antecknades för kännedom.",
      "Nämnden godkänner föredragningslistan.",
    ]);
  });

  it("leaves long compounds and clean lines alone", () => {
    const compounds = page("huvudavtalsorganisationernas representanter förhandlar", "arbetsplatsutredningar", "verksamhetsförutsättningar och organisationens goda verksamhetsförmåga.");
    const pages = [clean, broken, compounds];
    expect(texts(restoreLostSpaces(pages)).slice(7)).toEqual(texts([compounds]));
    expect(texts(restoreLostSpaces([clean, compounds]))).toEqual(texts([clean, compounds]));
  });

  it("needs the same letter on more than one line before it repairs any", () => {
    const once = page("Stadsdirektörensnförslagngodkändes.");
    expect(texts(restoreLostSpaces([clean, once])).at(-1)).toBe("Stadsdirektörensnförslagngodkändes.");
  });

  it("is part of reading a PDF's pages", () => {
    const r = assemblePages({ pages: [clean, broken], numPages: 2, items: 7, unreadablePages: [], damagedPages: [], title: null, created: null });
    expect(r.text.slice(r.pageStarts[1])).toBe("Stadsdirektörens förslag godkändes.\nÄrendet antecknades för kännedom.\nNämnden godkänner föredragningslistan.\n");
  });
});
