import { canonicalize } from "../../text/canonical.js";
import { InputError } from "../../types.js";
import { matchLayout, type LineLayout } from "../line-layout.js";
import { removeFurniture } from "./furniture.js";
import { joinLines } from "./hyphen.js";
import { restoreLostSpaces } from "./lost-spaces.js";
import type { PdfExtraction, PdfLine } from "./types.js";

/** What an engine (pdf.js, poppler) read from a PDF: each page's lines in reading order, and the info dictionary. */
export interface PageReading {
  pages: PdfLine[][];
  /** Pages the file says it has. */
  numPages: number;
  /** Text items that are not blank, over all pages (none: a scan). */
  items: number;
  unreadablePages: number[];
  damagedPages: number[];
  title: string | null;
  created: string | null;
}

/**
 * The engine-independent half of reading a PDF: furniture removed, hyphenation joined, each page's
 * canonical text with the layout of its lines. Whatever engine read the pages, every later layer sees the same shape.
 */
export function assemblePages(r: PageReading): Omit<PdfExtraction, "strays"> {
  if (r.numPages > 0 && r.unreadablePages.length === r.numPages) {
    throw new InputError("corrupt-pdf", "The PDF is damaged: none of its pages could be read.");
  }
  if (r.items === 0) {
    throw new InputError(
      "no-text-layer",
      "The PDF has no text layer (it is a scan or made of images); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`.",
    );
  }
  const { pages: clean, removed } = removeFurniture(r.pages);
  const kept = restoreLostSpaces(clean);
  const parts: string[] = [];
  const pageStarts: number[] = [];
  let at = 0;
  const layout: Array<LineLayout | null> = [];
  kept.forEach((lines, pi) => {
    const source = lines.map((l) => ({ ...l }));
    const text = canonicalize(joinLines(lines));
    if (pi > 0) layout.push(null);
    layout.push(...matchLayout(text.split("\n"), source, (l) => pdfLineLayout(l, pi + 1)));
    pageStarts.push(at);
    parts.push(text);
    at += text.length + 2;
  });
  layout.push(null);
  const { numPages: pages, title, created, unreadablePages, damagedPages } = r;
  return { text: parts.join("\n\n") + "\n", pageStarts, pages, title, created, removed, unreadablePages, damagedPages, layout };
}

function pdfLineLayout(l: PdfLine, page: number): LineLayout {
  return { page, x: Math.round(l.x), size: Math.round(l.size * 10) / 10, gapBefore: l.gapBefore, column: l.block, headingDepth: null, listItem: false, boldRunIn: false };
}
