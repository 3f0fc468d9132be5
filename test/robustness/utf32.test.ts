import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { decodeBytes } from "../../src/text/decode.js";

function utf32(s: string, littleEndian: boolean): Uint8Array {
  const cps = [0xfeff, ...[...s].map((c) => c.codePointAt(0)!)];
  const view = new DataView(new ArrayBuffer(cps.length * 4));
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return new Uint8Array(view.buffer);
}

describe("UTF-32 input with a byte-order mark", () => {
  const text = "Protokoll §12 Förslag till beslut – 🙂\n";
  it("is decoded as UTF-32, not as UTF-16 LE", () => {
    expect(decodeBytes(utf32(text, true))).toEqual({ text, encoding: "utf-32le" });
    expect(decodeBytes(utf32(text, false))).toEqual({ text, encoding: "utf-32be" });
  });

  it("reaches the canonical text intact", () => {
    const doc = ingest("x.txt", utf32(text, true));
    expect(doc.source.encoding).toBe("utf-32le");
    expect(doc.text).toContain("Förslag till beslut");
  });

  it("turns a unit that is no code point into U+FFFD", () => {
    const bytes = utf32("ab", true);
    new DataView(bytes.buffer).setUint32(4, 0x110000, true);
    expect(decodeBytes(bytes).text).toBe("\ufffdb");
  });
});
