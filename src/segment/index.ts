import type { SourceDocument } from "../ingest/document.js";
import type { Lexicon } from "../lexicon/load.js";
import type { Range } from "../types.js";
import { findFurniture, furnitureRanges, type Furniture } from "./furniture.js";
import { buildItems, type ItemSegment } from "./items.js";
import { mergeRanges } from "./lines.js";
import { splitRecords } from "./records.js";
import type { HeaderBlock } from "./header-blocks.js";

export type { ItemSegment } from "./items.js";
export type { SectionSegment, SectionRole } from "./sections.js";

export interface RecordSegmentation extends Range {
  front: Range[];
  blocks: HeaderBlock[];
  items: ItemSegment[];
}

export interface SegmentedDocument {
  doc: SourceDocument;
  furniture: Furniture[];
  /** Furniture merged into ranges, for cutting item texts. */
  skip: Range[];
  records: RecordSegmentation[];
}

export function segment(doc: SourceDocument, lex: Lexicon, isPlace: (w: string) => boolean): SegmentedDocument {
  const furniture = findFurniture(doc.text, lex);
  const skip = furnitureRanges(furniture);
  const records = splitRecords({ text: doc.text, lex, furniture: skip }).map((r) => {
    const items = buildItems({ text: doc.text, lex, skip, isPlace }, r, r.items, r.front.slice(1));
    return { start: r.start, end: r.end, front: r.front, blocks: r.blocks, items };
  });
  return { doc, furniture, skip: mergeRanges(skip), records };
}
