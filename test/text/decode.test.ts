import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/text/decode.js";
import { canonicalize } from "../../src/text/canonical.js";

const utf16 = (s: string, be: boolean) => {
  const b = Buffer.from(s, "utf16le");
  if (be) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
};

describe("decodeBytes", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeBytes(Buffer.from("Sammanträde § 12 – Ärende", "utf8"))).toEqual({ text: "Sammanträde § 12 – Ärende", encoding: "utf-8" });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Ärende")]);
    expect(decodeBytes(bom)).toEqual({ text: "Ärende", encoding: "utf-8-bom" });
  });
  it("reads UTF-16 LE and BE with BOM", () => {
    expect(decodeBytes(utf16("Förslag till beslut", false))).toEqual({ text: "Förslag till beslut", encoding: "utf-16le" });
    expect(decodeBytes(utf16("Förslag till beslut", true))).toEqual({ text: "Förslag till beslut", encoding: "utf-16be" });
  });
  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Närvarande – §" in Windows-1252: ä = E4, en dash = 96, § = A7.
    const bytes = Buffer.from([0x4e, 0xe4, 0x72, 0x76, 0x61, 0x72, 0x61, 0x6e, 0x64, 0x65, 0x20, 0x96, 0x20, 0xa7]);
    expect(decodeBytes(bytes)).toEqual({ text: "Närvarande – §", encoding: "windows-1252" });
  });
});

describe("canonicalize", () => {
  it("turns CRLF and CR into LF", () => {
    expect(canonicalize("a\r\nb\rc\n")).toBe("a\nb\nc\n");
  });
  it("composes decomposed å, ä, ö (NFC)", () => {
    const decomposed = "Va\u030asterås a\u0308r o\u0308ppet";
    expect(canonicalize(decomposed)).toBe("Våsterås är öppet");
  });
  it("drops soft hyphens and NUL bytes, and makes no-break spaces plain", () => {
    expect(canonicalize("omställ\u00adningen\u0000 §\u00a012")).toBe("omställningen § 12");
  });
});
