import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { findFurniture } from "../../src/segment/furniture.js";
import { LEXICON_DIR, loadLexicon } from "../../src/lexicon/load.js";

/** A copy of the shipped lexicon with one more signature-box label. */
function extendedLexicon() {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-lex-"));
  cpSync(LEXICON_DIR, dir, { recursive: true });
  const file = join(dir, "furniture.json");
  const furniture = JSON.parse(readFileSync(file, "utf8"));
  furniture.entries.find((e: { value: string }) => e.value === "signature-box").forms.push("kontrasignation");
  writeFileSync(file, JSON.stringify(furniture));
  return loadLexicon(pathToFileURL(dir + "/"));
}

const lex = loadLexicon();
const kinds = (text: string) => findFurniture(text, lex).map((f) => [f.kind, f.text.trim()]);

describe("page furniture", () => {
  it("recognises page numbers in their common shapes", () => {
    expect(kinds("Text\n3\n2 (41)\nSida 3 av 10\n(2)\n1[25]\nMer text 3\n")).toEqual([
      ["page-number", "3"], ["page-number", "2 (41)"], ["page-number", "Sida 3 av 10"], ["page-number", "(2)"], ["page-number", "1[25]"],
    ]);
  });
  it("recognises signature boxes but not sentences that mention them", () => {
    expect(kinds("Justerandes sign\nUtdragsbestyrkande\nJusterandes signatur   Utdragsbestyrkande\nJusterandes sign saknas i protokollet.\n")).toEqual([
      ["signature-box", "Justerandes sign"], ["signature-box", "Utdragsbestyrkande"], ["signature-box", "Justerandes signatur   Utdragsbestyrkande"],
    ]);
  });
  it("marks a web transcript's page title and viewer buttons", () => {
    const f = findFurniture("Protokoll KS\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n1 PROTOKOLL …\n", lex);
    expect(f.some((x) => x.kind === "transcript-chrome" && x.start === 0 && x.text.endsWith("Transkript"))).toBe(true);
  });
  it("is compiled per lexicon: a second lexicon's signature-box labels are its own", () => {
    const text = "Text\nKontrasignation\n";
    expect(kinds(text)).toEqual([]);
    expect(findFurniture(text, extendedLexicon()).map((f) => f.kind)).toEqual(["signature-box"]);
    expect(kinds(text)).toEqual([]);
  });
});
