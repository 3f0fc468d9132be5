import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseEngine, looksEncrypted, readPdfWith } from "../../src/ingest/pdf/engine.js";
import { hasPdftotext, readWithPoppler } from "../../src/ingest/pdf/poppler.js";
import { boxPerSize, decodeEntities, lineItems, pageLines, readHead } from "../../src/ingest/pdf/poppler-xhtml.js";
import { readPdf } from "../../src/ingest/pdf/read.js";
import { DEFAULT_LIMITS } from "../../src/ingest/pdf/types.js";
import { codeOf } from "../helpers.js";

const shared = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/pdfs/${name}`, import.meta.url)));
const own = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

// .ci/run installs poppler-utils; without pdftotext the tests that run it say so and skip.
const POPPLER = hasPdftotext();
if (!POPPLER) console.warn("test/ingest/pdf-engine.test.ts: poppler reads skipped, no pdftotext on PATH (apt-get install poppler-utils)");


describe("choosing the PDF engine", () => {
  it("auto takes poppler when pdftotext is there and the file is not encrypted, else pdf.js; poppler asked for but absent says so", () => {
    const plain = shared("headerfooter.pdf");
    const locked = shared("encrypted-ownerpw-nocopy.pdf");
    expect(looksEncrypted(plain)).toBe(false);
    expect(looksEncrypted(locked)).toBe(true);
    expect(chooseEngine("auto", plain, () => true)).toEqual({ engine: "poppler", note: null });
    expect(chooseEngine("auto", locked, () => true)).toEqual({ engine: "pdfjs", note: null });
    expect(chooseEngine("auto", plain, () => false)).toEqual({ engine: "pdfjs", note: null });
    expect(chooseEngine("pdfjs", plain, () => true)).toEqual({ engine: "pdfjs", note: null });
    expect(chooseEngine("poppler", locked, () => true).engine).toBe("poppler");
    expect(chooseEngine("poppler", plain, () => false)).toEqual({ engine: "pdfjs", note: "pdftotext is not on PATH: read with pdf.js." });
  });

  it("with pdf.js asked for, never looks for pdftotext (each worker started a `pdftotext -v` before)", () => {
    const asked = () => {
      throw new Error("looked for pdftotext");
    };
    expect(chooseEngine("pdfjs", shared("headerfooter.pdf"), asked)).toEqual({ engine: "pdfjs", note: null });
    expect(() => chooseEngine("auto", shared("headerfooter.pdf"), asked)).toThrow("looked for pdftotext");
  });

  it("asks this machine's PATH by default", () => {
    // Whatever is installed here: the default answer is hasPdftotext()'s.
    expect(chooseEngine("auto", shared("headerfooter.pdf")).engine).toBe(POPPLER ? "poppler" : "pdfjs");
    expect(chooseEngine("poppler", shared("headerfooter.pdf")).note).toBe(POPPLER ? null : "pdftotext is not on PATH: read with pdf.js.");
  });
});

describe("reading pdftotext -bbox-layout", () => {
  const xhtml = `<page width="600" height="800"><flow><block><line xMin="50" yMin="100" xMax="300" yMax="113">
    <word xMin="50" yMin="100" xMax="60" yMax="113">[</word><word xMin="65" yMin="100" xMax="70" yMax="113">]</word>
    <word xMin="73" yMin="100" xMax="110" yMax="113">Palm</word><word xMin="112" yMin="100" xMax="130" yMax="113">&amp;co</word>
    <word xMin="200" yMin="100" xMax="260" yMax="113">Sida</word></line></block></flow></page>`;

  it("puts a line's words on its baseline as runs, a wide gap left to the layout", () => {
    const lines = pageLines(xhtml);
    expect(lines).toHaveLength(1);
    const items = lineItems(lines[0]!, 1.3);
    expect(items.map((i) => i.str)).toEqual(["[ ] Palm &co", "Sida"]);
    expect(items[0]!.size).toBeCloseTo(10);
    expect(items[0]!.y).toBeCloseTo(800 - (113 - 0.25 * 13));
  });

  it("calibrates box height per font size from the letters' advance, with a default for too little text", () => {
    const word = (w: number) => ({ xMin: 0, xMax: w, yMin: 0, yMax: 11, str: "abcde" });
    // Five letters 0.43 font sizes each in 21.5 units: font size 10, box 11 → 1.1.
    expect(boxPerSize([[{ box: { xMin: 0, xMax: 0, yMin: 0, yMax: 11 }, pageHeight: 800, words: Array.from({ length: 30 }, () => word(21.5)) }]])).toBeCloseTo(1.1);
    expect(boxPerSize([[{ box: { xMin: 0, xMax: 0, yMin: 0, yMax: 11 }, pageHeight: 800, words: [word(21.5)] }]])).toBe(1.3);
  });

  it("reads the head's title and date, and decodes entities", () => {
    expect(readHead('<head><title>M&#246;te &amp; protokoll</title>\n<meta name="CreationDate" content="2024-03-12T08:00:00Z"/></head>')).toEqual({ title: "Möte & protokoll", created: "2024-03-12T08:00:00Z" });
    expect(decodeEntities("a&lt;b&#x2013;c&bogus;")).toBe("a<b–c&bogus;");
  });
});

describe.skipIf(!POPPLER)("the poppler engine", () => {
  it("reads the shared PDFs to the same text as pdf.js, with the same page starts and furniture", async () => {
    for (const name of ["000_da45560c6fbeb122.pdf", "004_ab6905b18fea9e05.pdf", "headerfooter.pdf", "streamorder.pdf"]) {
      const [p, j] = [await readWithPoppler(shared(name), DEFAULT_LIMITS), await readPdf(shared(name))];
      expect(p.text, name).toBe(j.text);
      expect(p.pageStarts, name).toEqual(j.pageStarts);
      expect(p.removed, name).toEqual(j.removed);
      expect(p.layout?.map((l) => l && [l.page, l.gapBefore, l.column]), name).toEqual(j.layout?.map((l) => l && [l.page, l.gapBefore, l.column]));
    }
    const [p, j] = [await readWithPoppler(own("header-footer-hyphen.pdf"), DEFAULT_LIMITS), await readPdf(own("header-footer-hyphen.pdf"))];
    expect(p.text).toBe(j.text);
    expect([p.created, p.pages]).toEqual([j.created, j.pages]);
  });

  it("gives a scan no-text-layer itself, and falls back to pdf.js for what pdftotext cannot open", async () => {
    expect(await codeOf(readPdfWith(shared("imageonly.pdf"), { engine: "poppler" }))).toBe("no-text-layer");
    expect(await codeOf(readPdfWith(shared("encrypted-userpw.pdf"), { engine: "poppler" }))).toBe("encrypted");
    expect(await codeOf(readPdfWith(shared("corrupt-trunc2k.pdf"), { engine: "poppler" }))).toBe("corrupt-pdf");
  });

  it("falls back to pdf.js with a note when pdftotext fails, and stops it at the timeout", async () => {
    const starved = await readPdfWith(own("header-footer-hyphen.pdf"), { engine: "poppler", child: { timeoutMs: 30_000, memoryMb: 1 } });
    expect(starved.text).toBe((await readPdf(own("header-footer-hyphen.pdf"))).text);
    expect(starved.notes?.[0]).toMatch(/^pdftotext .*; read with pdf\.js instead\.$/);
    expect(await codeOf(readPdfWith(shared("004_ab6905b18fea9e05.pdf"), { engine: "poppler", child: { timeoutMs: 1, memoryMb: 1024 } }))).toBe("limit-exceeded");
  });

  it("reads a PDF whose fonts map glyphs to the wrong letters with pdf.js, which repairs them", async () => {
    const bytes = shared("wrong-glyph-map.pdf");
    // pdftotext alone reads the broken map as it is: "Förgdrggnnngslnsagn godkändgs", "protokojjjusterare".
    const bare = await readWithPoppler(bytes, DEFAULT_LIMITS);
    expect(bare.text).toMatch(/Förgdrggnnngslnsagn godkändgs/u);
    expect(bare.text).not.toMatch(/Föredragningslistan godkändes/u);
    const read = await readPdfWith(bytes, { engine: "poppler" });
    expect(read.repairedPages?.length).toBeGreaterThan(0);
    expect(read.notes).toContain("pdftotext read glyphs mapped to the wrong letters, which pdf.js repairs: read with pdf.js instead.");
    expect(read.text).toMatch(/Föredragningslistan godkändes/u);
    // A PDF with a sound map stays poppler's.
    const sound = await readPdfWith(shared("000_da45560c6fbeb122.pdf"), { engine: "poppler" });
    expect(sound.notes ?? []).toEqual([]);
  });
});
