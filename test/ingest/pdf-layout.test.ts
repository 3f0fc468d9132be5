import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeAccents } from "../../src/ingest/pdf/accents.js";
import { readPdf } from "../../src/ingest/pdf/read.js";

const own = (name: string) => readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url));

describe("PDF layout from word-positioned and TeX text layers", () => {
  it("keeps word gaps of a word-positioned layer as spaces, not table cells", async () => {
    const { text } = await readPdf(own("word-positioned.pdf"));
    expect(text).not.toContain("\t");
    expect(text).toContain("Närvarande Emil Stigsson, Marianne Nikitidis, Jens Nilsson\n");
    expect(text).toContain("Föreningen beslutade att välja Erik Blomgren till\n");
  });

  it("composes pdfTeX accents drawn as glyphs of their own", async () => {
    const { text } = await readPdf(own("tex-accents.pdf"));
    expect(text).toContain("1 Mötet öppnas");
    expect(text).toContain("2 Övrigt");
    expect(text).toContain("Beslut om café och mötesordförande");
    expect(text).not.toMatch(/[¨´]/u);
  });

  it("composes only where the mark and the letter make one letter", () => {
    expect(composeAccents("G˚att p˚a ¨Overl¨amning")).toBe("Gått på Överlämning");
    expect(composeAccents("`code` and 5´ x")).toBe("`code` and 5´ x");
  });
});
