import type { PdfItem } from "./types.js";

/**
 * Reads the XHTML of `pdftotext -bbox-layout` (page / flow / block / line / word boxes, y downwards,
 * no font size) into the positioned items the pdf.js reader makes (y upwards on the baseline, a font
 * size), so both engines share the layout of lines and everything after it.
 */

/** The baseline sits this share of the box height above the box's bottom (the descent, 0.2 to 0.27 for most fonts). */
const DESCENT_SHARE = 0.25;
/** Box height per font size when there is too little text to calibrate it (poppler's default metrics, 0.95 + 0.35). */
const DEFAULT_BOX = 1.3;
/** A typical letter's advance in font sizes (text fonts: Times 0.42, Calibri 0.44, Arial 0.47, per letter of running words). */
const ADVANCE = 0.43;
/**
 * Neighbouring words of one poppler line closer than this (in font sizes) are one item, as a PDF's
 * text run is one pdf.js item with its spaces in it (a checkbox "[  ]", a number and its title); a
 * wider gap (a tab stop, a cell) stays a gap for the layout to judge, as it does with pdf.js items.
 */
const RUN_GAP = 0.7;

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

// Words, the most of the output, are read by one pattern with their four coordinates in poppler's fixed order.
const TAG = /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>|<(page|line)\s+([^>]*)>|<\/(line)>/g;
const NUM_ATTR = /(\w+)="(-?[\d.]+)"/g;

function attrs(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of s.matchAll(NUM_ATTR)) out[m[1]!] = Number(m[2]);
  return out;
}

interface Word extends Box {
  str: string;
}

/** One poppler line: its box and its words. */
export interface PopplerLine {
  box: Box;
  words: Word[];
  pageHeight: number;
}

/** The lines of one page's XHTML (the text from `<page …>` to `</page>`). */
export function pageLines(xhtml: string): PopplerLine[] {
  const out: PopplerLine[] = [];
  let pageHeight = 0;
  let line: PopplerLine | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xhtml); m; m = TAG.exec(xhtml)) {
    if (m[5] !== undefined) line?.words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), str: decodeEntities(m[5]) });
    else if (m[6] === "page") pageHeight = attrs(m[7]!).height ?? 0;
    else if (m[6] === "line") line = { box: attrs(m[7]!) as unknown as Box, words: [], pageHeight };
    else if (m[8] === "line" && line) {
      if (line.words.length > 0) out.push(line);
      line = null;
    }
  }
  return out;
}

/**
 * Box height per font size of the document's text. Poppler's word boxes run from the font's ascent
 * to its descent, 0.9 to 1.45 font sizes depending on the font; a letter's advance is far steadier,
 * so the typical box height against the typical advance of a letter calibrates the size of every box.
 */
export function boxPerSize(pages: PopplerLine[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (const l of lines) {
      for (const w of l.words) {
        const n = w.str.length;
        if (n >= 3 && w.xMax > w.xMin) ratios.push(((w.yMax - w.yMin) * ADVANCE * n) / (w.xMax - w.xMin));
      }
    }
  }
  if (ratios.length < 20) return DEFAULT_BOX;
  ratios.sort((a, b) => a - b);
  return Math.min(1.5, Math.max(0.85, ratios[Math.floor(ratios.length / 2)]!));
}

/** A word's font size judged by the advance of its letters (Infinity for a word too short to tell). */
function advanceSize(w: Word): number {
  const n = w.str.length;
  return n >= 3 ? (w.xMax - w.xMin) / (ADVANCE * n) : Infinity;
}

/** A line's words as pdf.js-like items on the line's baseline: words a word space apart form one run. */
export function lineItems(line: PopplerLine, box: number): PdfItem[] {
  const out: PdfItem[] = [];
  const { yMin, yMax } = line.box;
  const y = line.pageHeight - (yMax - DESCENT_SHARE * (yMax - yMin));
  for (const w of line.words) {
    const size = Math.max(1, (w.yMax - w.yMin) / box);
    const last = out[out.length - 1];
    const gap = last ? w.xMin - (last.x + last.width) : Infinity;
    if (last && gap < RUN_GAP * Math.max(size, last.size) && Math.abs(size - last.size) < 0.05 * size) {
      // A word space is 0.15 font sizes, as between pdf.js items; a font whose box is far taller than
      // its letters (display fonts) is measured by its letters' advance instead.
      const em = Math.min(size, advanceSize(w));
      last.str += (gap > 0.15 * em ? " " : "") + w.str;
      last.width = w.xMax - last.x;
    } else out.push({ str: w.str, x: w.xMin, y, width: w.xMax - w.xMin, size });
  }
  return out;
}
