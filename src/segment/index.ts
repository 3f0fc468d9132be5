import type { SourceDocument } from "../ingest/document.js";
import type { Lexicon } from "../lexicon/load.js";
import type { Range } from "../types.js";
import { findFurniture, furnitureRanges, type Furniture } from "./furniture.js";
import { buildItems, type ItemSegment } from "./items.js";
import { mergeRanges, splitLines } from "./lines.js";
import { splitRecords } from "./records.js";
import type { HeaderBlock } from "./header-blocks.js";
import { labelLines, type LabelledLine } from "../lines/index.js";
import { findBlocks, type Block } from "../blocks/index.js";

export type { ItemSegment } from "./items.js";
export type { SectionSegment, SectionRole } from "./sections.js";

export interface RecordSegmentation extends Range {
  front: Range[];
  blocks: HeaderBlock[];
  items: ItemSegment[];
  /** Rule ids that made the record (issue 15). */
  rules: string[];
}

export interface SegmentedDocument {
  doc: SourceDocument;
  furniture: Furniture[];
  /** Furniture merged into ranges, for cutting item texts. */
  skip: Range[];
  records: RecordSegmentation[];
  /** Every non-blank line with its label, and the blocks they form. */
  lines: LabelledLine[];
  blocks: Block[];
  /** False when the text was too long for the line model (see LINE_MODEL_MAX_CHARS): no lines, no blocks. */
  modelled: boolean;
}

/**
 * The line model keeps features and a label for every line; beyond this many characters of text
 * (a bundle of hundreds of pages) its memory would outgrow a worker's cap, so such a text is
 * segmented by the record and item finders alone, with a `line-model-skipped` note.
 */
export const LINE_MODEL_MAX_CHARS = 8 * 1024 * 1024;

export function segment(doc: SourceDocument, lex: Lexicon, isPlace: (w: string) => boolean): SegmentedDocument {
  // The text split into lines once: furniture, the line model and the item finder all read them.
  const textLines = splitLines(doc.text);
  const furniture = findFurniture(doc.text, lex, textLines);
  const skip = furnitureRanges(furniture);
  const modelled = doc.text.length <= LINE_MODEL_MAX_CHARS;
  const lines = modelled ? labelLines(doc, lex, textLines) : [];
  const blocks = modelled ? findBlocks(lines) : [];
  // A table of contents or an attachment list names items and boxes; it never starts a record.
  const listings = blocks.filter((b) => b.kind === "toc" || b.kind === "attachment-list");
  const records = splitRecords({ text: doc.text, lex, furniture: skip, listings, lines: textLines }).map((r) => {
    const items = buildItems({ text: doc.text, lex, skip, isPlace }, r, r.items, r.front.slice(1));
    return { start: r.start, end: r.end, front: r.front, blocks: r.blocks, items, rules: r.rules };
  });
  return { doc, furniture, skip: mergeRanges(skip), records, lines, blocks, modelled };
}
