import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf/read.js";
import * as pdf from "./hostile-pdfs.js";

describe("a PDF whose page tree says it has no pages", () => {
  for (const count of ["0", "-1"]) {
    it(`is read by walking the tree (/Count ${count})`, async () => {
      const r = await readPdf(pdf.badPageCount(count));
      expect(r.pages).toBe(1);
      expect(r.text).toContain("Protokoll med fel sidantal");
    });
  }

  it("is corrupt-pdf, not no-text-layer, when no page at all can be read", async () => {
    await expect(readPdf(pdf.selfContainingTree())).rejects.toMatchObject({ code: "corrupt-pdf" });
  });
});

describe("a content stream with an array nested 100,000 deep", () => {
  it("marks the page damaged (pdf.js drops the rest of it)", async () => {
    const r = await readPdf(pdf.deepArray(100_000));
    expect(r.text).toContain("Protokoll före");
    expect(r.damagedPages).toEqual([1]);
  });

  it("a shallow array leaves the page whole", async () => {
    const r = await readPdf(pdf.deepArray(10));
    expect(r.damagedPages).toEqual([]);
  });
});
