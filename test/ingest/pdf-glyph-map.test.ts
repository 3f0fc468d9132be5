import { describe, expect, it } from "vitest";
import { mayHaveWrongGlyphs, repairGlyphMaps, typeface, type Glyph, type PageGlyphs } from "../../src/ingest/pdf/glyph-map.js";

/** Advance widths of a Calibri-like typeface (1/1000 em); "ti" and "fi" are ligature glyphs. */
const WIDTHS: Record<string, number> = {
  a: 479, ä: 479, b: 525, d: 525, e: 498, f: 305, g: 471, i: 229, j: 239, k: 455, l: 229, m: 799, n: 525, o: 527,
  p: 525, r: 349, s: 391, t: 335, u: 525, v: 452, ö: 527, " ": 226, ti: 557, fi: 529, F: 459, N: 620, P: 517,
};

/** A subset font: each glyph gets the next code; `wrong` says what the broken ToUnicode map names instead. */
function font(key: string, wrong: Record<string, string> = {}, ligatures = false) {
  const codes = new Map<string, number>();
  return {
    key,
    name: `${key.toUpperCase().replace(/[^A-Z]/g, "X").padEnd(6, "A").slice(0, 6)}+Calibri`,
    shape(text: string): Glyph[] {
      const out: Glyph[] = [];
      for (let i = 0; i < text.length; ) {
        const lig = ligatures && (text.startsWith("ti", i) || text.startsWith("fi", i)) ? text.slice(i, i + 2) : text[i]!;
        i += lig.length;
        if (!codes.has(lig)) codes.set(lig, codes.size + 1);
        // A ligature's map names only its first letter.
        const unicode = wrong[lig] ?? (lig.length > 1 ? lig[0]! : lig);
        out.push({ code: codes.get(lig)!, unicode, width: WIDTHS[lig]! });
      }
      return out;
    },
  };
}

type Font = ReturnType<typeof font>;

/** A page: each line one text item and one glyph run; the text layer drops space glyphs at item breaks ("|"). */
function page(lines: Array<[Font, string]>): PageGlyphs {
  const p: PageGlyphs = { items: [], runs: [] };
  for (const [f, line] of lines) {
    const glyphs = f.shape(line.replace(/\|/g, " "));
    p.runs.push({ font: f.key, name: f.name, glyphs });
    // What the text layer reads: the mapped letters, split where the line has "|".
    let at = 0;
    for (const part of line.split("|")) {
      const n = f.shape(part).length;
      const mine = glyphs.slice(at, at + n);
      at += n + 1;
      p.items.push({ str: mine.map((g) => g.unicode).join("").trim(), font: f.key });
    }
  }
  return p;
}

const clean = [font("f1"), font("f2"), font("f3")];
const SENTENCES = [
  "Protokollet justeras till Nämnden godkänner föredragningslistan",
  "Föredragningslistan godkändes till protokollet justeras",
  "Nämnden godkänner protokollet till föredragningslistan finns",
];
/** Three fonts of the typeface that map every glyph right: the widths they agree on, and the document's words. */
const cleanPage = (): PageGlyphs => page(clean.flatMap((f) => SENTENCES.map((s): [Font, string] => [f, s])));

describe("fonts whose ToUnicode map names the wrong letters (glyph widths)", () => {
  it("reads a glyph by the letter whose width it has, when the document's words confirm it", () => {
    const broken = font("bad", { l: "j" });
    const r = repairGlyphMaps([cleanPage(), page([[broken, "Protokollet justeras till"]])]);
    expect(r.pages).toEqual([2]);
    expect(r.strs[0]).toBeNull();
    expect(r.strs[1]).toEqual(["Protokollet justeras till"]);
  });

  it("restores a ligature read as its first letter ('tll' → 'till'), across items split by the text layer", () => {
    const lig = font("lig", {}, true);
    const input = page([[lig, "Protokollet justeras|till Nämnden"]]);
    expect(input.items.map((i) => i.str)).toEqual(["Protokollet justeras", "tll Nämnden"]);
    const r = repairGlyphMaps([cleanPage(), input]);
    expect(r.strs[1]).toEqual(["Protokollet justeras", "till Nämnden"]);
  });

  it("reads several wrong glyphs of one word together ('förgdrggnnngslnsagn')", () => {
    const shifted = font("sh", { e: "g", a: "g", i: "n", t: "a" });
    const input = page([[shifted, "Föredragningslistan godkändes"]]);
    expect(input.items[0]!.str).toBe("Förgdrggnnngslnsagn godkändgs");
    const r = repairGlyphMaps([cleanPage(), input]);
    expect(r.strs[1]).toEqual(["Föredragningslistan godkändes"]);
  });

  it("reads a space glyph mapped to a letter as the space", () => {
    const spaceless = font("sp", { " ": "n" });
    const input = page([[spaceless, "Nämnden godkänner föredragningslistan"]]);
    expect(input.items[0]!.str).toBe("Nämndenngodkännernföredragningslistan");
    expect(repairGlyphMaps([cleanPage(), input]).strs[1]).toEqual(["Nämnden godkänner föredragningslistan"]);
  });

  it("leaves a document alone when every glyph has its letter's width", () => {
    const r = repairGlyphMaps([cleanPage(), page([[font("f4"), "Nämnden godkänner protokollet"]])]);
    expect(r).toEqual({ strs: [null, null], pages: [], changes: [] });
  });

  it("keeps a wrong-width glyph as mapped when no reading gives words the document knows", () => {
    const broken = font("bad", { l: "j" });
    const r = repairGlyphMaps([cleanPage(), page([[broken, "Xyjqv wbjz"]])]);
    expect(r.pages).toEqual([]);
  });

  it("names the typeface without its subset tag", () => {
    expect(typeface("BAAAAA+Calibri-Bold")).toBe("Calibri-Bold");
    expect(typeface("Calibri")).toBe("Calibri");
  });
});

describe("the signs that call for reading the glyphs", () => {
  it("words without a vowel, or a line without spaces", () => {
    expect(mayHaveWrongGlyphs(["valdes tll justerare", "som fnns i", "tll nästa möte", "tjj protokollet"])).toBe(true);
    const lost = ["Stadsdirektörensnförslagngodkändesnenligtnförslag.", "Kommunstyrelsennbeslutarnattngodkännanrapporten.", "Ärendetnåterremitterasntillnförvaltningenn2024.", "Mötetnförklarasnavslutatnochnprotokolletnjusteras."];
    expect(mayHaveWrongGlyphs(lost)).toBe(true);
    expect(mayHaveWrongGlyphs(lost.slice(0, 3))).toBe(false);
  });

  it("not one abbreviation repeated, nor a few lines holding one long compound", () => {
    expect(mayHaveWrongGlyphs(Array.from({ length: 9 }, (_, i) => `Anna Berg (S), tjg ersättare ${i}`))).toBe(false);
    expect(mayHaveWrongGlyphs(["Kommunstyrelseförvaltningen, Henån Margita Martinsson", "4.5. Momsredovisningsskyldighet", "Tävlingsprogrammeringsevent"])).toBe(false);
    // The same with a second and third vowel-less form: garbled words.
    expect(mayHaveWrongGlyphs(["tjg tjg", "tjg", "fnns tll"])).toBe(true);
  });

  it("not web addresses, abbreviations now and then, or ordinary text", () => {
    expect(mayHaveWrongGlyphs(["Se www.example.se och https://kommun.se/protokoll", "2 ggr per år", "dvs. enligt förslag"])).toBe(false);
    expect(mayHaveWrongGlyphs(["https://www.nykarleby.fi/sv/kommun-och-forvaltning/beslutsfattande/protokoll"])).toBe(false);
  });
});
