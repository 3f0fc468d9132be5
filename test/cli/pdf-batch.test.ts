import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasPdftotext } from "../../src/ingest/pdf/poppler.js";
import { run } from "./run.js";

const pdfs = new URL("../../fixtures/pdfs/", import.meta.url).pathname;

describe("a batch of PDFs with damaged, encrypted and scanned files among them", () => {
  it("reports each bad file with its code, and writes every other", async () => {
    const dir = mkdtempSync(join(tmpdir(), "protokoll-pdf-"));
    const r = await run(["parse", pdfs, "--out", dir, "--timeout", "60"]);
    expect(r.code).toBe(0);
    for (const [file, code] of [
      ["corrupt-trunc50.pdf", "corrupt-pdf"], ["corrupt-trunc2k.pdf", "corrupt-pdf"], ["corrupt-noxref.pdf", "corrupt-pdf"],
      ["encrypted-userpw.pdf", "encrypted"], ["imageonly.pdf", "no-text-layer"],
    ]) expect(r.stderr).toMatch(new RegExp(`${file}: .*\\(${code}\\)`));
    const written = readdirSync(dir);
    for (const name of ["000_da45560c6fbeb122", "001_a621b5fab89fefd5", "002_8cb3acb73b9bd648", "003_74c830d27da07c61", "004_ab6905b18fea9e05",
      "headerfooter", "twocol", "streamorder", "encrypted-ownerpw-nocopy", "corrupt-stream"]) expect(written).toContain(`${name}.json`);
    expect(written.some((f) => f.includes(".tmp-"))).toBe(false);
  });
});

describe("--engine", () => {
  it.skipIf(!hasPdftotext())("poppler reads a PDF to the same output as pdf.js (the same facts and spans)", async () => {
    const file = join(pdfs, "003_74c830d27da07c61.pdf");
    const [j, p] = [await run(["parse", file, "--engine", "pdfjs"]), await run(["parse", file, "--engine", "POPPLER"])];
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual(JSON.parse(j.stdout));
  });

  it("takes only pdfjs, poppler or auto", async () => {
    const r = await run(["parse", join(pdfs, "003_74c830d27da07c61.pdf"), "--engine", "mupdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--engine takes one of pdfjs, poppler, auto/);
  });
});
