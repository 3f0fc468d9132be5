import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ingest } from "../src/ingest/index.js";
import { LEXICON_DIR, loadLexicon } from "../src/lexicon/load.js";
import { InputError } from "../src/types.js";
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

/**
 * A copy of the shipped lexicon with extra forms: each edit adds `form` to the entry `value` of
 * the file `name`.json. Tests of per-lexicon compilation parse with it and with the shipped one.
 */
export function lexiconWith(...edits: Array<[name: string, value: string, form: string]>) {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-lex-"));
  cpSync(LEXICON_DIR, dir, { recursive: true });
  for (const [name, value, form] of edits) {
    const file = join(dir, `${name}.json`);
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.entries.find((e: { value: string }) => e.value === value).forms.push(form);
    writeFileSync(file, JSON.stringify(data));
  }
  return loadLexicon(pathToFileURL(dir + "/"));
}

/** "ok" when the promise resolves, the InputError's code when it rejects with one. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof InputError ? e.code : `unexpected ${String(e)}`;
  }
}
