import { readFileSync } from "node:fs";
import { ingest } from "../src/ingest/index.js";
import { loadLexicon } from "../src/lexicon/load.js";
import { loadGeo } from "../src/extract/geo.js";
import { segment } from "../src/segment/index.js";
import { parseTextSync } from "../src/pipeline.js";

export const fixture = (rel: string) => new URL(`./fixtures/${rel}`, import.meta.url);
export const readFixture = (rel: string) => readFileSync(fixture(rel), "utf8");

/** Records and items the segmenter finds in a text, as plain data. */
export function segmentText(text: string, path = "fixture.txt") {
  const lex = loadLexicon();
  const geo = loadGeo(lex);
  const doc = ingest(path, Buffer.from(text, "utf8"));
  const seg = segment(doc, lex, (w) => geo.isPlace(w));
  return {
    doc,
    seg,
    records: seg.records.map((r) => ({
      items: r.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, sections: i.sections.map((s) => s.heading), text: doc.text.slice(i.start, i.end) })),
    })),
  };
}

export function parseText(text: string, path = "fixture.txt") {
  return parseTextSync(text, { path }).output;
}
