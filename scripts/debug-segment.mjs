#!/usr/bin/env node
// Prints the records and items the segmenter finds in a file (a debugging aid, not part of the tool).
import { readFileSync } from "node:fs";
import { ingest } from "../dist/ingest/index.js";
import { loadLexicon } from "../dist/lexicon/load.js";
import { segment } from "../dist/segment/index.js";
const lex = loadLexicon();
for (const path of process.argv.slice(2)) {
  const doc = ingest(path, readFileSync(path));
  const seg = segment(doc, lex, () => false);
  console.log(`## ${path}`);
  for (const r of seg.records) {
    console.log(`  record ${r.start}-${r.end} front=${JSON.stringify(r.front.map((f) => [f.start, f.end]))} blocks=${r.blocks.length}`);
    for (const it of r.items) console.log(`    ${it.number} | ${it.title.slice(0, 70)} | ${it.caseNumber ?? ""} | ${it.sections.map((s) => s.heading).join(",")}`);
  }
}
