import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LEXICON_DIR, loadLexicon } from "../../src/lexicon/load.js";
import { findHeaderBlocks } from "../../src/segment/header-blocks.js";

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

const labelsOf = (text: string, lex = loadLexicon()) => findHeaderBlocks(text, lex).map((b) => [...b.labels].sort());

describe("header boxes are found with each lexicon's own labels", () => {
  const text = "Samlingslokal: Folkets hus\nTid: kl. 18.00\n";
  it("two lexicons in one process give two different boxes", () => {
    // The shipped lexicon knows only "Tid": one label is no box.
    expect(labelsOf(text)).toEqual([]);
    expect(labelsOf(text, extendedLexicon())).toEqual([["place", "time"]]);
    // The first lexicon's patterns are not kept for the second, nor the second's for the first.
    expect(labelsOf(text)).toEqual([]);
  });
});
