import type { SourceDocument } from "../ingest/document.js";
import type { Lexicon } from "../lexicon/load.js";
import type { SegmentedDocument, RecordSegmentation } from "../segment/index.js";
import type { Diagnostic, Range } from "../types.js";
import type { RawMention } from "./dates/types.js";
import type { Geo } from "./geo.js";

/** What every extractor gets: the document, its segments, the vocabularies, and a way to report. */
export interface ExtractContext {
  doc: SourceDocument;
  seg: SegmentedDocument;
  lex: Lexicon;
  geo: Geo;
  /** Every date expression in the text, found once. */
  dates: RawMention[];
  report(d: Diagnostic): void;
}

/** A record with helpers for its front matter. */
export interface RecordView {
  rec: RecordSegmentation;
  /** Front-matter ranges with furniture cut out. */
  front: Range[];
  /** Web-transcript chrome (page title, Download line): a last resort for details the body lost. */
  chrome: Range[];
}


/**
 * The record's first running header ("STORUMANS KOMMUN PROTOKOLL 2 (23)" atop every flattened page):
 * cut from the front as furniture, yet the header box's words a reader sees on every page.
 */
export function runningHeaderOf(ctx: ExtractContext, rec: Range): Range | undefined {
  return ctx.seg.furniture.find((f) => f.kind === "running-header" && f.start >= rec.start && f.start < rec.end);
}

export function within(ranges: Range[], offset: number): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
}
