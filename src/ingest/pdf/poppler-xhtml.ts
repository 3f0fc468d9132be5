import type { PdfItem } from "./types.js";

/**
 * Reads the XHTML of `pdftotext -bbox-layout` (page / flow / block / line / word boxes, y downwards,
 * no font size) into the positioned items the pdf.js reader makes (y upwards on the baseline, a font
 * size), so both engines share the layout of lines and everything after it.
 */

/** Word boxes span ascent to descent. Poppler's default metrics (0.95 above, 0.35 below the baseline) are those of most embedded fonts. */
const BOX_PER_SIZE = Number(process.env.PBOX ?? 1.1);
const DESCENT_SHARE = 0.25;
/**
 * Neighbouring words of one poppler line closer than this (in font sizes) are one item, as a PDF's
 * text run is one pdf.js item with its spaces in it; a wider gap (a tab stop, a cell) stays a gap
 * for the layout to judge, as it does with pdf.js items.
 */
const RUN_GAP = Number(process.env.PRUN ?? 0.35);

export interface PopplerHead {
  title: string | null;
  /** CreationDate as poppler prints it ("2026-11-23T08:44:37Z"). */
  created: string | null;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-z]{2,4}));/g, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : null;
    if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return ENTITY[name!] ?? m;
  });
}

/** Title and creation date from the XHTML head (before the first page). */
export function readHead(head: string): PopplerHead {
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
  const created = /<meta name="CreationDate" content="([^"]*)"/.exec(head)?.[1];
  const t = title ? decodeEntities(title).trim() : "";
  return { title: t || null, created: created ? decodeEntities(created) : null };
}

interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const TAG = /<(page|line|word)\s+([^>]*)>|<\/(line|page)>/g;
const NUM_ATTR = /(\w+)="(-?[\d.]+)"/g;

function attrs(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of s.matchAll(NUM_ATTR)) out[m[1]!] = Number(m[2]);
  return out;
}

/**
 * Items of one page's XHTML (the text from `<page …>` to `</page>`): each poppler line's words,
 * on the line's baseline, merged into runs where they stand a word space apart.
 */
export function pageItems(xhtml: string): PdfItem[] {
  const items: PdfItem[] = [];
  let height = 0;
  let line: Box | null = null;
  let words: Array<Box & { str: string }> = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xhtml); m; m = TAG.exec(xhtml)) {
    if (m[1] === "page") height = attrs(m[2]!).height ?? 0;
    else if (m[1] === "line") {
      line = attrs(m[2]!) as unknown as Box;
      words = [];
    } else if (m[1] === "word") {
      const end = xhtml.indexOf("</word>", TAG.lastIndex);
      if (end < 0) break;
      words.push({ ...(attrs(m[2]!) as unknown as Box), str: decodeEntities(xhtml.slice(TAG.lastIndex, end)) });
      TAG.lastIndex = end + 7;
    } else if (m[3] === "line" && line) {
      items.push(...lineItems(line, words, height));
      line = null;
    }
  }
  return items;
}

function lineItems(line: Box, words: Array<Box & { str: string }>, pageHeight: number): PdfItem[] {
  const out: PdfItem[] = [];
  const y = pageHeight - (line.yMax - DESCENT_SHARE * (line.yMax - line.yMin));
  for (const w of words) {
    const size = Math.max(1, (w.yMax - w.yMin) / BOX_PER_SIZE);
    const last = out[out.length - 1];
    if (last && w.xMin - (last.x + last.width) < RUN_GAP * Math.max(size, last.size) && Math.abs(size - last.size) < 0.05 * size) {
      last.str += (w.xMin - (last.x + last.width) > 0.15 * size ? " " : "") + w.str;
      last.width = w.xMax - last.x;
    } else out.push({ str: w.str, x: w.xMin, y, width: w.xMax - w.xMin, size });
  }
  return out;
}
