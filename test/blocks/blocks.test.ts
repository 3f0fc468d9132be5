import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { findBlocks } from "../../src/blocks/index.js";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { labelLines } from "../../src/lines/index.js";

interface Case {
  name: string;
  text: string;
  blocks: string[];
  note?: string;
}

const spec = JSON.parse(readFileSync(new URL("../specs/blocks.json", import.meta.url), "utf8")) as { cases: Case[] };
const lex = loadLexicon();
const blocksOf = (text: string) => findBlocks(labelLines(ingest("case.txt", new TextEncoder().encode(text)), lex)).map((b) => b.kind);

describe("blocks (test/specs/blocks.json)", () => {
  it("has at least 40 documents", () => expect(spec.cases.length).toBeGreaterThanOrEqual(40));
  for (const c of spec.cases) it(c.name, () => expect(blocksOf(c.text)).toEqual(c.blocks));
});
