import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { MAX_MARKDOWN_DEPTH, renderMarkdown } from "../../src/ingest/markdown.js";
import { markdownDepth } from "../../src/ingest/markdown-depth.js";
import { parseTextSync as parseMinutes } from "../../src/pipeline.js";

describe("Markdown ingestion", () => {
  it("puts headings, bold run-in headings, list items and paragraphs on lines of their own", () => {
    const md = "# Protokoll\n\n**Plats och tid** Stadshuset\n\n1. Första\n2. Andra\n\n- punkt\n\nEtt stycke\nsom fortsätter.\n";
    expect(renderMarkdown(md)).toBe("Protokoll\n\nPlats och tid\nStadshuset\n\n1. Första\n\n2. Andra\n\n- punkt\n\nEtt stycke\nsom fortsätter.\n");
  });

  it("seed 001 as Markdown gives the same items as the plain text, with format markdown", () => {
    const bytes = readFileSync(new URL("../../fixtures/seeds/001_a621b5fab89fefd5.txt", import.meta.url));
    const asText = parseMinutes(bytes, { path: "001.txt" }).output;
    const asMd = parseMinutes(bytes, { path: "001.md" }).output;
    expect(asMd.source.format).toBe("markdown");
    expect(asText.source.format).toBe("text");
    const items = (o: typeof asText) => o.meetings.map((m) => m.items.map((i) => [i.number, i.title, i.caseNumber]));
    expect(items(asMd)).toEqual(items(asText));
    expect(items(asMd)[0]).toHaveLength(5);
  });

  it("measures nesting without parsing, and reads a too-deep file as plain text with a warning", () => {
    const deep = "> ".repeat(5000) + "text\n" + "[".repeat(5000);
    expect(markdownDepth(deep)).toBeGreaterThan(MAX_MARKDOWN_DEPTH);
    const doc = ingest("deep.md", Buffer.from(deep));
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["too-deep"]);
    expect(doc.text).toContain("text");
  });
});
