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

  it("reads a GFM table row as one line of tab-separated cells", () => {
    const md = "| Roll | Namn |\n|---|---|\n| Ordförande | Anna Andersson (S) |\n| Sekreterare | Bo **Berg** |\n";
    expect(renderMarkdown(md)).toBe("Roll\tNamn\nOrdförande\tAnna Andersson (S)\nSekreterare\tBo Berg\n");
  });

  it("drops HTML blocks, comments and the Markdown inside a hidden element", () => {
    const md = [
      "Före",
      "",
      "<div hidden>\nKarl Karlsson (M)\n</div>",
      "",
      "<div style=\"display: none\">",
      "",
      "Lisa Lund (V)",
      "",
      "</div>",
      "",
      "<!--\nutkast\n\nmer utkast\n-->",
      "",
      "Mitt <!-- Per Persson --> i <span hidden>dold</span>stycket.",
      "",
      "<div>",
      "",
      "Synlig text",
      "",
      "</div>",
      "",
    ].join("\n");
    const text = renderMarkdown(md);
    for (const hidden of ["Karl", "Lisa", "utkast", "Per Persson", "dold", "<div", "<!--", "<span"]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain("Före");
    expect(text).toContain("stycket.");
    expect(text).toContain("Synlig text");
  });

  it("finds the chair in a Markdown table and nobody from a hidden div or a comment", () => {
    const md = [
      "# Protokoll",
      "",
      "Kommunstyrelsen",
      "",
      "Sammanträdesdatum: 2024-03-12",
      "",
      "| Beslutande | |",
      "|---|---|",
      "| Ordförande | Anna Andersson (S) |",
      "| Ledamot | Bertil Berg (M) |",
      "",
      "<div hidden>\nKarl Karlsson (M), ledamot\n</div>",
      "",
      "## § 1 Val av justerare",
      "",
      "Nämnden beslutar att utse Bertil Berg att justera protokollet. <!-- Per Persson (L) -->",
      "",
    ].join("\n");
    const { output } = parseMinutes(Buffer.from(md), { path: "ks.md" });
    const people = output.meetings[0]!.participants;
    expect(people.find((p) => p.name === "Anna Andersson")?.positions).toContain("chair");
    const json = JSON.stringify(output);
    expect(json).not.toContain("Karl Karlsson");
    expect(json).not.toContain("Per Persson");
    // Every span points into the canonical text the rest of the pipeline read.
    const canonical = ingest("ks.md", Buffer.from(md)).text;
    for (const p of people) expect(canonical.slice(p.span.start, p.span.end)).toContain(p.name);
  });
});
