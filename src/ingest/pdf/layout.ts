import { composeAccents, placeLoneAccents } from "./accents.js";
import type { PdfItem, PdfLine } from "./types.js";

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Row {
  y: number;
  size: number;
  segments: Segment[];
}

/** Items on one baseline (within 40 % of the font size), left to right. */
function rows(items: PdfItem[]): Row[] {
  const sorted = items.filter((i) => i.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const out: RawRow[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - it.y) <= 0.4 * Math.max(last.size, it.size)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else out.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const r of out) r.items = placeLoneAccents(r.items).sort((a, b) => a.x - b.x);
  const word = wordGap(out);
  const starts = columnStarts(out, word);
  return out.map((r) => ({ y: r.y, size: r.size, segments: segmentsOf(r.items, r.size, starts, word) }));
}

interface RawRow {
  y: number;
  size: number;
  items: PdfItem[];
}

const hasSpace = (it: PdfItem) => /\S\s+\S/u.test(it.str);

const gapsOf = (r: RawRow) => r.items.slice(1).map((it, i) => it.x - (r.items[i]!.x + r.items[i]!.width));

/**
 * The page's word space as a fraction of the font size: the median of the gaps between items that
 * are more than touching (letters of one word touch). Word-positioned text layers (OCR layers,
 * macOS Quartz, one item per word or per letter) draw every word space as such a gap, often wider
 * than a typeset space; a page of whole-line items has few gaps and keeps the typeset default.
 */
function wordGap(rs: RawRow[]): number {
  const rel: number[] = [];
  for (const r of rs) {
    gapsOf(r).forEach((g, i) => {
      // Items holding spaces of their own ("1 ekeroot", "Andreas Ekeroot") come from a layer that
      // writes its word spaces: the gaps between them are cell gaps, not word spaces.
      if (hasSpace(r.items[i]!) || hasSpace(r.items[i + 1]!)) return;
      if (g > 0.08 * r.size && g < 3 * r.size) rel.push(g / r.size);
    });
  }
  if (rel.length < 20) return 0.25;
  return Math.max(0.25, quantile(rel, 0.3));
}

/**
 * x positions where text starts after a gap on several rows: the left edges of columns and table
 * cells, even when a long cell nearly touches the next one. An edge is real only when the rows
 * around it do not run through it: in word-positioned text, word starts line up by chance on a few
 * rows of a paragraph while the other rows have a word across that x.
 */
function columnStarts(rs: RawRow[], word: number): number[] {
  const hits = new Map<number, number[]>();
  rs.forEach((r, ri) => {
    const gaps = gapsOf(r);
    const seen = new Set<number>();
    for (let i = 1; i < r.items.length; i++) {
      if (gaps[i - 1]! < Math.max(0.25, 1.3 * word) * r.size) continue;
      const bin = Math.round(r.items[i]!.x / 3);
      if (seen.has(bin)) continue;
      seen.add(bin);
      hits.set(bin, [...(hits.get(bin) ?? []), ri]);
    }
  });
  const out: number[] = [];
  for (const [bin, at] of hits) {
    if (at.length < 3) continue;
    const x = bin * 3;
    let crossings = 0;
    for (let ri = at[0]!; ri <= at[at.length - 1]!; ri++) if (runsAcross(rs[ri]!, x, word)) crossings++;
    if (crossings * 2 <= at.length) out.push(x);
  }
  return out;
}

/** Whether a word of the row stands across x (letters closer than half a word space form one word). */
function runsAcross(r: RawRow, x: number, word: number): boolean {
  let start = r.items[0]!.x;
  let end = start;
  for (const it of r.items) {
    if (it.x - end > 0.5 * word * r.size) start = it.x;
    end = Math.max(end, it.x + it.width);
    if (start < x - 1.5 && end > x + 1.5) return true;
  }
  return false;
}

/** Joins a row's items into segments; a wide gap, or a gap at a column start, separates cells or columns. */
function segmentsOf(items: PdfItem[], size: number, starts: number[], word: number): Segment[] {
  const out: Segment[] = [];
  // A cell gap is wide against the font size and against the page's own word space.
  const wide = Math.max(1.8 * size, 10, 2.5 * word * size);
  for (const it of items) {
    const last = out[out.length - 1];
    const gap = last ? it.x - last.x1 : Infinity;
    const atColumn = gap >= Math.max(0.25, 1.3 * word) * size && starts.some((x) => Math.abs(x - it.x) <= 3);
    if (last && gap <= wide && !atColumn) {
      const space = gap > 0.15 * size && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += (space ? " " : "") + it.str;
      last.x1 = Math.max(last.x1, it.x + it.width);
    } else out.push({ text: it.str, x0: it.x, x1: it.x + it.width });
  }
  return out.map((s) => ({ ...s, text: composeAccents(s.text.replace(/\s+/g, " ").trim()) })).filter((s) => s.text !== "");
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(q * s.length)]! : 0;
};

const median = (xs: number[]) => quantile(xs, 0.5);

interface Region {
  rows: Row[];
  gutter: [number, number];
}

/**
 * Lines in reading order. Rows whose segments keep a common gutter form a region; a region of
 * two columns of running text (newspaper columns, side-by-side lists) is read left column first,
 * while label–value boxes and tables of short cells stay row by row, cells apart by a tab.
 */
export function layoutPage(items: PdfItem[]): PdfLine[] {
  const rs = rows(items);
  const regions: Array<Region | Row> = [];
  let cur: Region | null = null;
  const close = () => {
    if (!cur) return;
    if (cur.rows.filter((r) => r.segments.length > 1).length >= 2) regions.push(cur);
    else for (const r of cur.rows) regions.push(r);
    cur = null;
  };
  for (const r of rs) {
    if (r.segments.length === 2) {
      const g: [number, number] = [r.segments[0]!.x1, r.segments[1]!.x0];
      if (cur && g[0] < cur.gutter[1] && g[1] > cur.gutter[0]) {
        cur.rows.push(r);
        cur.gutter = [Math.max(cur.gutter[0], g[0]), Math.min(cur.gutter[1], g[1])];
        continue;
      }
      close();
      cur = { rows: [r], gutter: g };
      continue;
    }
    const prevRow = cur?.rows[cur.rows.length - 1];
    if (cur && prevRow && r.segments.length === 1 && prevRow.y - r.y <= 1.5 * Math.max(r.size, prevRow.size)) {
      // A lone cell on one side of the gutter (an empty cell beside it, or a wrapped line) stays in the region.
      const s = r.segments[0]!;
      const onLeft = s.x1 <= cur.gutter[1] - 1;
      const onRight = s.x0 >= cur.gutter[0] + 1;
      if (onLeft || onRight) {
        cur.rows.push(r);
        continue;
      }
    }
    close();
    regions.push(r);
  }
  close();

  const out: PdfLine[] = [];
  let block = 0;
  let lastY: number | null = null;
  let lastSize = 10;
  const push = (text: string, x: number, y: number, size: number, b: number) => {
    const gapBefore = lastY !== null && lastY - y > 1.6 * Math.max(size, lastSize);
    out.push({ text, x, y, size, block: b, gapBefore });
    lastY = y;
    lastSize = size;
  };
  for (const reg of regions) {
    if ("segments" in reg) {
      push(reg.segments.map((s) => s.text).join("\t"), reg.segments[0]?.x0 ?? 0, reg.y, reg.size, block);
      continue;
    }
    const mid = (reg.gutter[0] + reg.gutter[1]) / 2;
    const left = reg.rows.flatMap((r) => r.segments.filter((s) => s.x1 <= mid).map((s) => ({ s, r })));
    const right = reg.rows.flatMap((r) => r.segments.filter((s) => s.x0 >= mid).map((s) => ({ s, r })));
    const columns = median(left.map((x) => x.s.text.length)) >= 25 && median(right.map((x) => x.s.text.length)) >= 25;
    if (columns) {
      block++;
      lastY = null;
      for (const { s, r } of left) push(s.text, s.x0, r.y, r.size, block);
      block++;
      lastY = null;
      for (const { s, r } of right) push(s.text, s.x0, r.y, r.size, block);
      block++;
    } else {
      for (const r of reg.rows) push(r.segments.map((s) => s.text).join("\t"), r.segments[0]!.x0, r.y, r.size, block);
    }
  }
  return out;
}
