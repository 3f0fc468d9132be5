import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { pdfDate, readPdf } from "../../src/ingest/pdf/read.js";
import { PdfPool } from "../../src/ingest/pdf/pool.js";
import { parseMinutes } from "../../src/pipeline.js";
import { codeOf } from "../helpers.js";

const own = (name: string) => readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url));
// The PDFs made from the seeds (fixtures/pdfs, a copy of the shared set; fixtures/pdfs/README.md says how each was made).
const shared = (name: string) => readFileSync(new URL(`../../fixtures/pdfs/${name}`, import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, " ").trim();


describe("reading a PDF's text layer", () => {
  it("removes running headers, footers and page numbers, keeping them as metadata", async () => {
    const r = await readPdf(own("header-footer-hyphen.pdf"));
    expect(r.pages).toBe(3);
    expect(r.pageStarts).toHaveLength(3);
    expect(r.text).not.toContain("Kommunstyrelsen – Protokoll 2024-03-12");
    expect(r.text).not.toMatch(/Sida \d av 3/);
    expect(r.removed.map((x) => [x.kind, x.pages])).toEqual([["running-header", [1, 2, 3]], ["page-number", [1, 2, 3]]]);
    expect([r.title, r.created]).toEqual(["Kommunstyrelsen 2024-03-12", "2024-03-15"]);
  });

  it("joins a word hyphenated at a line end and keeps real hyphens", async () => {
    const { text } = await readPdf(own("header-footer-hyphen.pdf"));
    expect(text).toContain("omställningen");
    expect(squash(text)).toContain("hälso- och sjukvården");
    expect(squash(text)).toContain("Anna- Karin Skatts");
  });

  it("reads two columns in reading order whatever the content stream order", async () => {
    const { text } = await readPdf(own("two-columns-stream-order.pdf"));
    const order = ["Rubrik över båda", "Vänster spalt rad ett", "Vänster spalt rad tre", "Höger spalt rad ett", "Höger spalt rad tre", "Text under båda"];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("gives stable error codes: no text layer, damaged", async () => {
    expect(await codeOf(readPdf(own("image-only.pdf")))).toBe("no-text-layer");
    const whole = own("header-footer-hyphen.pdf");
    expect(await codeOf(readPdf(whole.subarray(0, whole.length / 2)))).toBe("corrupt-pdf");
    expect(await codeOf(readPdf(Buffer.from("%PDF-1.7\n")))).toBe("corrupt-pdf");
  });

  it("puts the page on every span", async () => {
    const out = (await parseMinutes(own("header-footer-hyphen.pdf"), { path: "x.pdf" })).output;
    const m = out.meetings[0]!;
    expect(out.source).toMatchObject({ format: "pdf", pages: 3, title: "Kommunstyrelsen 2024-03-12", created: "2024-03-15" });
    expect(m.items.map((i) => [i.number, i.span.page])).toEqual([["1", 2], ["2", 3]]);
    for (const p of m.participants) expect(p.span.page).toBe(1);
  });
});

describe("the shared PDFs made from the seeds", () => {
  it("twocol.pdf: table columns and newspaper columns in the order of twocol.truth.txt", async () => {
    const { text } = await readPdf(shared("twocol.pdf"));
    const flat = squash(text);
    const truth = readFileSync(new URL("../../fixtures/pdfs/twocol.truth.txt", import.meta.url), "utf8")
      .split("\n").filter((l) => l.trim() && !/^(?:LEFT|RIGHT|COLUMNS)$/.test(l.trim()));
    let last = -1;
    for (const line of truth) {
      // Each truth line's words appear, in order, after the previous line's.
      const at = flat.indexOf(squash(line).slice(0, 40), last + 1);
      expect({ line, found: at > last }).toEqual({ line, found: true });
      last = at;
    }
  });

  it("streamorder.pdf: header, left column, right column, footer", async () => {
    const { text } = await readPdf(shared("streamorder.pdf"));
    const at = ["VÄNSTER 1", "VÄNSTER 5", "HÖGER 1", "HÖGER 5"].map((s) => text.indexOf(s));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("headerfooter.pdf: no running header or footer inside any item's text", async () => {
    const out = (await parseMinutes(shared("headerfooter.pdf"), { path: "headerfooter.pdf" })).output;
    const items = out.meetings.flatMap((m) => m.items);
    expect(items.length).toBeGreaterThan(10);
    for (const it of items) {
      expect(it.text).not.toContain("Region Västmanland – Samverkansgrupp Nära vård");
      expect(it.text).not.toMatch(/Sida \d+ av \d+/);
    }
    const removed = out.source.removed;
    expect(removed.some((r) => r.kind === "running-header" && r.pages.length === out.source.pages)).toBe(true);
    expect(removed.some((r) => /Sida \d+ av \d+/.test(r.text) && r.pages.length === out.source.pages)).toBe(true);
  });

  it("gives every damaged, encrypted and image-only file its code; an owner password alone is no obstacle", async () => {
    const codes = await Promise.all(
      ["corrupt-trunc50.pdf", "corrupt-trunc2k.pdf", "corrupt-noxref.pdf", "encrypted-userpw.pdf", "imageonly.pdf", "encrypted-ownerpw-nocopy.pdf"]
        .map(async (f) => [f, await codeOf(readPdf(shared(f)))]),
    );
    expect(Object.fromEntries(codes)).toEqual({
      "corrupt-trunc50.pdf": "corrupt-pdf",
      "corrupt-trunc2k.pdf": "corrupt-pdf",
      "corrupt-noxref.pdf": "corrupt-pdf",
      "encrypted-userpw.pdf": "encrypted",
      "imageonly.pdf": "no-text-layer",
      "encrypted-ownerpw-nocopy.pdf": "ok",
    });
  });
});

describe("PDF pool of child processes", () => {
  const pool = new PdfPool({ size: 1, timeoutMs: 30_000, memoryMb: 1024 });
  afterAll(() => pool.close());

  it("reads in a child process with the same result as in process", async () => {
    const inChild = await pool.read(own("header-footer-hyphen.pdf"));
    const here = await readPdf(own("header-footer-hyphen.pdf"));
    expect(inChild.text).toBe(here.text);
  });

  it("stops a file that takes too long or uses too much memory, and goes on with the next", async () => {
    const slow = new PdfPool({ size: 1, timeoutMs: 1, memoryMb: 1024 });
    expect(await codeOf(slow.read(shared("004_ab6905b18fea9e05.pdf")))).toBe("limit-exceeded");
    await slow.close();
    const small = new PdfPool({ size: 1, timeoutMs: 30_000, memoryMb: 5 });
    expect(await codeOf(small.read(own("header-footer-hyphen.pdf")))).toBe("limit-exceeded");
    await small.close();
    expect(await codeOf(pool.read(own("header-footer-hyphen.pdf")))).toBe("ok");
  });
});

describe("a PDF with one damaged page", () => {
  it("reads the rest and says which page lost text", async () => {
    const r = await readPdf(shared("corrupt-stream.pdf"));
    expect(r.pages).toBe(4);
    expect(r.damagedPages).toEqual([2]);
    const out = (await parseMinutes(shared("corrupt-stream.pdf"), { path: "corrupt-stream.pdf" })).output;
    expect(out.warnings.filter((w) => w.code === "page-damaged").map((w) => w.message)).toEqual(["Page 2 of the PDF is damaged; some of its text may be missing."]);
    expect((await readPdf(shared("000_da45560c6fbeb122.pdf"))).damagedPages).toEqual([]);
  });
});

describe("pdfDate", () => {
  it("reads the creation date of the info dictionary, and gives none for an impossible one", () => {
    expect([pdfDate("D:20241108093000+01'00'"), pdfDate("D:2024"), pdfDate("D:20240229"), pdfDate("D:20230229"), pdfDate("D:20241399"), pdfDate(7)])
      .toEqual(["2024-11-08", "2024-01-01", "2024-02-29", null, null, null]);
  });
});
