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

describe("running headers of long bundles", () => {
  it("removes a header whose numbers vary when it stands only on the minutes' pages, and keeps it as removed furniture", async () => {
    const r = await readPdf(own("bundle-varying-header.pdf"));
    const page = (n: number) => r.text.slice(r.pageStarts[n - 1], r.pageStarts[n] ?? r.text.length);
    // The first page keeps it: there it is the document's own heading (kind and date).
    expect(page(1)).toContain("Protokoll 12 § 2024-03-12");
    expect(page(2)).not.toContain("Protokoll 13 §");
    expect(page(3)).not.toContain("Protokoll 14 §");
    expect(page(2)).toContain("§ 13 Budget för skolan");
    const header = r.removed.find((x) => x.kind === "running-header");
    expect(header?.pages).toEqual([2, 3]);
    // The date standing in the header stays available as a clue.
    expect(header?.text).toContain("2024-03-12");
  });
});
