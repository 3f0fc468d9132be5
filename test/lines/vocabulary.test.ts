import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { labelLines } from "../../src/lines/index.js";
import { lexiconWith } from "../helpers.js";

/** The shipped lexicon with one more place label ("samlingslokal"). */
const extendedLexicon = () => lexiconWith(["header-labels", "place", "samlingslokal"]);


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
