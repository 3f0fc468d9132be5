import { describe, expect, it } from "vitest";
import { findFurniture } from "../../src/segment/furniture.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { segmentText } from "../helpers.js";

const lex = loadLexicon();
const chrome = "Protokoll Nämnden\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n";
const numbers = (r: { items: Array<{ number: string }> }) => r.items.map((i) => i.number);

describe("web transcript pages (one line per page, led by its ordinal)", () => {
  it("the leading page ordinal is furniture, only while it continues 1, 2, 3", () => {
    const text = `${chrome}1 Nämnden Plats och tid Rådhuset\n\n2 Nämnden Sida 2 Ärenden\n\n7 Val av justerare\n`;
    const pages = findFurniture(text, lex).filter((f) => f.kind === "page-number").map((f) => f.text.trim());
    expect(pages).toEqual(["1", "2"]);
  });

  it("a page number at a page's start is never item 1, 2 …", () => {
    const text = `${chrome}1 Tekniska nämnden Plats och tid Stadshuset, kl 18.00 Beslutande Anna Berg (S), ordförande Utses att justera Per Lind\n\n` +
      "2 Tekniska nämnden § 14 Godkännande av dagordning Dagordningen godkänns.\n\n3 Tekniska nämnden § 15 Budget 2020 Nämnden antar budgeten.\n";
    const { records } = segmentText(text);
    expect(records.map(numbers)).toEqual([["14", "15"]]);
  });

  it("a short page line's running header is cut before the item's prefix word, which still heads the item", () => {
    const text = `${chrome}1 Pensionärsrådet Plats och tid: Gula huset, kl 14:00 Beslutande: Eva Ek (C), ordförande Utses att justera: Lars Ek\n\n` +
      "2 Pensionärsrådet (9) PRO 1 Mötets öppnande Ordföranden öppnar mötet.\n\n" +
      "3 Pensionärsrådet (9) PRO 2 Val av justerare Lars Ek väljs.\n\n" +
      "4 Pensionärsrådet (9) PRO 3 Information om bussarna Kollektivtrafiken informerar.\n";
    const { records } = segmentText(text);
    expect(records.map(numbers)).toEqual([["1", "2", "3"]]);
    expect(records[0]!.items[1]!.title.startsWith("Val av justerare")).toBe(true);
  });
});

describe("contents rows", () => {
  it("'141 4 Title 142 5 Title' reads item, page, title; the title runs to the next row", () => {
    const rows = "INNEHÅLL 41 3 Godkännande av dagordning 42 5 Avtal med Region Norr om Vägen AB 43 7 Motion om Parken i Byn 44 9 Delgivningar";
    const { records } = segmentText(`Kommunstyrelsen Protokoll\n\n${rows} ${"x ".repeat(120)}\n`);
    const items = records[0]!.items;
    expect(items.map((i) => i.number)).toEqual(["41", "42", "43", "44"]);
    expect(items[1]!.title).toBe("Avtal med Region Norr om Vägen AB");
  });
});

describe("§ numbers beside people", () => {
  it("'231 Christine Lysell Sektorn' in an attendance list is no item; 'Martin Ek vald till …' and a genitive are", () => {
    const attendance = "Övriga deltagande Linda Berg Sektorn 231 Christine Lysell Sektorn 232 Mattias Holm Sektorn 233 Patrik Olsson Sektorn 234 Kjell Ek Sektorn 235 Robert Ås Sektorn";
    const { records } = segmentText(`PROTOKOLL\n\n${attendance} ${"x ".repeat(120)}\n\n1 Martin Ek vald till ordförande.\n\n2 Anna Bergs motion om parken\n\n3 Övriga frågor\n`);
    expect(records.map(numbers)).toEqual([["1", "2", "3"]]);
  });
});
