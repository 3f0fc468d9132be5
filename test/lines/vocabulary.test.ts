import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ingest } from "../../src/ingest/index.js";
import { LEXICON_DIR, loadLexicon } from "../../src/lexicon/load.js";
import { labelLines } from "../../src/lines/index.js";

/** A copy of the shipped lexicon with one more place label ("samlingslokal"). */
function extendedLexicon() {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-lex-"));
  cpSync(LEXICON_DIR, dir, { recursive: true });
  const file = join(dir, "header-labels.json");
  const labels = JSON.parse(readFileSync(file, "utf8"));
  labels.entries.find((e: { value: string }) => e.value === "place").forms.push("samlingslokal");
  writeFileSync(file, JSON.stringify(labels));
  return loadLexicon(pathToFileURL(dir + "/"));
}

const labelOf = (text: string, lex = loadLexicon()) => labelLines(ingest("t.txt", new TextEncoder().encode(text + "\n")), lex).map((l) => [l.label, l.features.labelKind]);

describe("line vocabulary is compiled per lexicon", () => {
  it("two lexicons in one process label the same line differently", () => {
    const line = "Samlingslokal Folkets hus";
    expect(labelOf(line)).toEqual([["body", null]]);
    expect(labelOf(line, extendedLexicon())).toEqual([["label", "place"]]);
    // The first lexicon's vocabulary is not kept for the second, nor the second's for the first.
    expect(labelOf(line)).toEqual([["body", null]]);
  });
});
