import type { SourceDocument } from "../ingest/document.js";
import { EMPTY_LAYOUT, type LineLayout } from "../ingest/line-layout.js";
import { FLAT_LINE, splitLines, type Line } from "../segment/lines.js";
import type { Range } from "../types.js";
import type { LineVocabulary } from "./vocabulary.js";

/** One line of the canonical text (or one piece of a flattened transcript line) with its layout. */
export interface LineRecord extends Range {
  /** 1-based canonical line number (pieces of one flat line share it). */
  n: number;
  text: string;
  layout: LineLayout;
  /** The canonical line is a whole page flattened onto one line. */
  flat: boolean;
  /** A piece cut from a flat line at a strong boundary. */
  piece: boolean;
}

/** Pieces shorter than this are glued to the one before: a boundary right after another is noise. */
const MIN_PIECE = 12;

/** A flat line's cut points: before a § header, a capitalised label or a group heading. */
function flatPieces(text: string, vocab: LineVocabulary): Range[] {
  const cuts = [0];
  for (const m of text.matchAll(vocab.boundary)) if (m.index - cuts[cuts.length - 1]! >= MIN_PIECE) cuts.push(m.index);
  cuts.push(text.length);
  const out: Range[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push({ start: cuts[i]!, end: cuts[i + 1]! });
  return out;
}

/**
 * Every canonical line with what ingest knew about it; flat lines split at strong boundaries first.
 * `lines` is splitLines(doc.text), when the caller has it already.
 */
export function lineRecords(doc: SourceDocument, vocab: LineVocabulary, lines: readonly Line[] = splitLines(doc.text)): LineRecord[] {
  const out: LineRecord[] = [];
  for (const l of lines) {
    const layout = doc.layout?.[l.n - 1] ?? EMPTY_LAYOUT;
    const flat = l.end - l.start >= FLAT_LINE;
    if (!flat) {
      out.push({ start: l.start, end: l.end, n: l.n, text: l.text, layout, flat, piece: false });
      continue;
    }
    for (const p of flatPieces(l.text, vocab)) {
      out.push({ start: l.start + p.start, end: l.start + p.end, n: l.n, text: l.text.slice(p.start, p.end), layout, flat, piece: true });
    }
  }
  return out;
}
