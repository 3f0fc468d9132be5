import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { findBlocks, type Block } from "../../src/blocks/index.js";
import { recordEvidence, TIME_SPAN, type RecordEvidence } from "../../src/blocks/verdict.js";
import { EMPTY_LAYOUT } from "../../src/ingest/line-layout.js";
import { ingest } from "../../src/ingest/index.js";
import { loadLexicon } from "../../src/lexicon/load.js";
import { lineFeatures } from "../../src/lines/features.js";
import { labelLines } from "../../src/lines/index.js";
import { lineVocabulary } from "../../src/lines/vocabulary.js";
import type { Range } from "../../src/types.js";

const lex = loadLexicon();
const vocab = lineVocabulary(lex);
const timeValue = (text: string) => lineFeatures({ start: 0, end: text.length, n: 1, text, layout: EMPTY_LAYOUT, flat: false, piece: false }, vocab, null).timeValue;

/** The fixtures' texts (text files of every fixture folder). */
function fixtureTexts(): string[] {
  const root = new URL("../../fixtures/", import.meta.url);
  const out: string[] = [];
  for (const dir of readdirSync(root)) {
    for (const f of readdirSync(new URL(`${dir}/`, root))) if (f.endsWith(".txt")) out.push(readFileSync(new URL(`${dir}/${f}`, root), "utf8"));
  }
  return out;
}

describe("the time-span guard (a line's timeValue)", () => {
  const unit = fc.constantFrom("1", "12", "09", ".", ":", "-", "–", " ", "\t", "kl", "kl.", "a", "Ö", "§", "/");
  it("is true on every line TIME_SPAN matches (generated lines, blanks around them kept)", () => {
    fc.assert(fc.property(fc.string({ unit, maxLength: 16 }), (s) => {
      if (TIME_SPAN.test(s)) expect([s, timeValue(s)]).toEqual([s, true]);
    }), { numRuns: 20000 });
  });
  it("is true on every line TIME_SPAN matches (the fixtures' lines)", () => {
    let spans = 0;
    for (const text of fixtureTexts()) {
      for (const line of text.split("\n")) {
        if (!TIME_SPAN.test(line)) continue;
        spans++;
        expect([line, timeValue(line)]).toEqual([line, true]);
      }
    }
    expect(spans).toBeGreaterThan(20);
  });
});

/** recordEvidence as first written (arrays of the blocks and lines, a pass per label, TIME_SPAN on every line). */
function recordEvidenceByArrays(blocks: readonly Block[], range: Range): RecordEvidence {
  const ev: RecordEvidence = { headerBoxes: 0, attendance: 0, paragraphItems: 0, items: 0, toc: 0, labelLines: 0, datedTitles: 0, kindTitles: 0, timeSpans: 0, proseLines: 0, lines: 0, rules: [] };
  const inside = blocks.filter((b) => b.start >= range.start && b.start < range.end && b.kind !== "furniture");
  const lines = inside.flatMap((b) => b.lines);
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    const heads = l.label === "attendance-heading" && (l.features.firstNames >= 2 || next?.label === "person");
    if (l.label === "label" || heads) ev.labelLines++;
    if (l.label === "title" && l.features.kindWord) ev.kindTitles++;
    if (TIME_SPAN.test(l.text)) ev.timeSpans++;
    if (l.label === "title" && l.features.kindWord && (l.features.dates > 0 || (next && next.features.dates > 0 && next.features.words <= 6))) ev.datedTitles++;
  });
  for (const b of inside) {
    ev.lines += b.lines.length;
    const count = (label: string) => b.lines.filter((l) => l.label === label).length;
    if (b.kind === "header-box" && (count("label") >= 2 || (count("label") >= 1 && b.lines.some((l) => l.label === "title" && l.features.kindWord)))) ev.headerBoxes++;
    const heading = b.lines.filter((l) => l.label === "attendance-heading");
    if (b.kind === "attendance" && ((heading.length && count("person") >= 1) || count("person") >= 3 || heading.some((l) => l.features.firstNames >= 2))) ev.attendance++;
    if (b.kind === "item" && b.lines[0]!.label === "item-header") {
      ev.items++;
      if (b.lines[0]!.features.paragraphStart) ev.paragraphItems++;
    }
    if (b.kind === "toc") ev.toc++;
    if (b.kind === "prose") ev.proseLines += b.lines.length;
  }
  if (ev.headerBoxes) ev.rules.push("record/header-box");
  if (ev.attendance) ev.rules.push("record/attendance-block");
  if (ev.paragraphItems >= 2) ev.rules.push("record/paragraph-items");
  return ev;
}

describe("recordEvidence", () => {
  it("says what the arrays-and-passes reading says (the fixtures, whole texts and parts)", () => {
    let spans = 0;
    for (const text of fixtureTexts()) {
      const blocks = findBlocks(labelLines(ingest("fixture.txt", new TextEncoder().encode(text)), lex));
      const n = text.length;
      const ranges: Range[] = [{ start: 0, end: n }, { start: 0, end: n >> 1 }, { start: n >> 2, end: n - (n >> 2) }, { start: n >> 1, end: n }, { start: n, end: n }];
      for (const b of blocks) if (b.kind === "attendance" || b.kind === "header-box") ranges.push({ start: b.start, end: b.end + 1 });
      for (const r of ranges) {
        const ev = recordEvidence(blocks, r);
        expect(ev).toEqual(recordEvidenceByArrays(blocks, r));
        spans += ev.timeSpans;
      }
    }
    expect(spans).toBeGreaterThan(10);
  });
});
