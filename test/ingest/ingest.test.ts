import { describe, expect, it } from "vitest";
import { detectFormat, ingest } from "../../src/ingest/index.js";
import { InputError } from "../../src/types.js";

describe("ingest", () => {
  it("chooses the reader by case-insensitive extension; magic bytes only without a known one", () => {
    expect(detectFormat("a.PDF", Buffer.from("x"))).toBe("pdf");
    expect(detectFormat("a.txt", Buffer.from("junk\n%PDF-1.7\n"))).toBe("text");
    expect(detectFormat("<stdin>", Buffer.from("junk\n%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat("scan.bin", Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat("a.MD", Buffer.from("# x"))).toBe("markdown");
    expect(detectFormat("a.txt", Buffer.from("x"))).toBe("text");
  });
  it("rejects empty input, and PDFs on the synchronous path, with stable codes", () => {
    expect(() => ingest("e.txt", new Uint8Array())).toThrow(InputError);
    try { ingest("e.txt", new Uint8Array()); } catch (e) { expect((e as InputError).code).toBe("empty-file"); }
    try { ingest("a.pdf", Buffer.from("%PDF-1.4\n")); } catch (e) { expect((e as InputError).code).toBe("pdf-needs-async"); }
  });
  it("records source facts: sha256, bytes, encoding", () => {
    const doc = ingest("a.txt", Buffer.from("Protokoll\r\n§ 1 Öppnande\r\n"));
    expect(doc.source).toMatchObject({ path: "a.txt", format: "text", bytes: Buffer.byteLength("Protokoll\r\n§ 1 Öppnande\r\n"), pages: null, encoding: "utf-8" });
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.text).toBe("Protokoll\n§ 1 Öppnande\n");
  });
});
