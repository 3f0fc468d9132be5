import type { LineLayout } from "../line-layout.js";
/** A run of text on a PDF page with its position (PDF units, y upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line in reading order, with where it stands on its page. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Column block the line belongs to (lines of one block are joined for hyphenation). */
  block: number;
  /** A vertical gap before this line larger than the line spacing (a paragraph break). */
  gapBefore: boolean;
}

export interface RemovedFurniture {
  kind: "running-header" | "running-footer" | "page-number";
  text: string;
  pages: number[];
}

export interface PdfExtraction {
  /** Canonical text of all pages, furniture removed, hyphenation joined. */
  text: string;
  pageStarts: number[];
  pages: number;
  title: string | null;
  /** Creation date, YYYY-MM-DD. */
  created: string | null;
  removed: RemovedFurniture[];
  /** Layout of each line of `text` (split at "\n"), null where no source line matched. */
  layout?: Array<LineLayout | null>;
  /** Pages whose content could not be read, and pages read only in part (a damaged content stream). */
  unreadablePages: number[];
  damagedPages: number[];
  /** Errors pdf.js left unhandled while reading (a damaged page tree or xref): the file is damaged somewhere. */
  strays: string[];
  /** Pages whose text was re-read because a font's ToUnicode map named the wrong letters (glyph-map.ts). */
  repairedPages?: number[];
  /** How the file was read when not as asked (e.g. poppler could not read it, so pdf.js did). */
  notes?: string[];
}

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
}

export const DEFAULT_LIMITS: PdfLimits = { maxBytes: 200 * 1024 * 1024, maxPages: 5000 };
