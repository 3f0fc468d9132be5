import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { labelLines } from "../../src/lines/index.js";

interface Case {
  text: string;
  label?: string;
  labels?: string[];
  note?: string;
}

const spec = JSON.parse(readFileSync(new URL("../specs/lines.json", import.meta.url), "utf8")) as { cases: Case[] };
const lex = loadLexicon();
const labelsOf = (text: string) => labelLines(ingest("case.txt", new TextEncoder().encode(text + "\n")), lex).map((l) => l.label);

describe("line labels (test/specs/lines.json)", () => {
  it("has at least 80 cases, flat lines and unknown label words among them", () => {
    expect(spec.cases.length).toBeGreaterThanOrEqual(80);
    expect(spec.cases.filter((c) => c.labels).length).toBeGreaterThanOrEqual(3);
    expect(spec.cases.filter((c) => c.note?.includes("unknown label")).length).toBeGreaterThanOrEqual(3);
  });
  for (const c of spec.cases) {
    it(`${c.text.slice(0, 60)} → ${c.label ?? c.labels!.join(" ")}`, () => {
      const got = labelsOf(c.text);
      if (c.label) expect(got).toEqual([c.label]);
      else expect(got).toEqual(c.labels);
    });
  }
});
