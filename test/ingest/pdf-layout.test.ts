import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeAccents } from "../../src/ingest/pdf/accents.js";
import { layoutPage } from "../../src/ingest/pdf/layout.js";
import type { PdfItem } from "../../src/ingest/pdf/types.js";
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

  it("keeps a column edge shared by every row of a table whose cells are whole phrases", () => {
    // A närvarolista of cells "1 login" | "Name Surname" | "Nickname": each cell is one item with its own
    // spaces, the gap before the name column only twice the font size (a cell gap, not a word space).
    const ids = ["ekeroot", "hugosi", "lucasba", "oliott", "eriknyg", "hallenv", "algotn", "gusfah", "gartur", "hansch", "blade", "viala"];
    const names = ["Anna Berg", "Bo Ek", "Cecilia Lind", "David Holm", "Eva Sund", "Fredrik Ås", "Gun Ahl", "Hans Sjö", "Ida Borg", "Jan Ström", "Karin Dal", "Lars Vik"];
    const items: PdfItem[] = [];
    [...ids, ...ids].forEach((id, i) => {
      const y = 600 - 13 * i;
      const cid = `${i + 1} ${id}`;
      items.push({ str: cid, x: 145, y, width: 188 - 145, size: 10.6 });
      items.push({ str: names[i % names.length]!, x: 210, y, width: 70, size: 10.6 });
      if (i % 2 === 0) items.push({ str: "Nick", x: 305, y, width: 25, size: 10.6 });
    });
    const lines = layoutPage(items).map((l) => l.text);
    expect(lines[0]).toBe("1 ekeroot\tAnna Berg\tNick");
    expect(lines[1]).toBe("2 hugosi\tBo Ek");
    expect(lines.map((l) => l.split("\t")[1])).toEqual([...names, ...names]);
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
