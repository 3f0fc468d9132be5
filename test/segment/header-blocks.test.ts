import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/load.js";
import { findHeaderBlocks } from "../../src/segment/header-blocks.js";
import { lexiconWith } from "../helpers.js";

/** The shipped lexicon with one more place label ("samlingslokal"). */
const extendedLexicon = () => lexiconWith(["header-labels", "place", "samlingslokal"]);


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
