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
  const out: Array<{ y: number; size: number; items: PdfItem[] }> = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - it.y) <= 0.4 * Math.max(last.size, it.size)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else out.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const r of out) r.items.sort((a, b) => a.x - b.x);
  const starts = columnStarts(out);
  return out.map((r) => ({ y: r.y, size: r.size, segments: segmentsOf(r.items, r.size, starts) }));
}

/**
 * x positions where text starts after a gap on several rows: the left edges of columns and table
 * cells, even when a long cell nearly touches the next one.
 */
function columnStarts(rs: Array<{ size: number; items: PdfItem[] }>): number[] {
  const bins = new Map<number, number>();
  for (const r of rs) {
    const seen = new Set<number>();
    for (let i = 1; i < r.items.length; i++) {
      const prev = r.items[i - 1]!;
      const it = r.items[i]!;
      if (it.x - (prev.x + prev.width) < 0.25 * r.size) continue;
      const bin = Math.round(it.x / 3);
      if (!seen.has(bin)) bins.set(bin, (bins.get(bin) ?? 0) + 1);
      seen.add(bin);
    }
  }
  return [...bins].filter(([, n]) => n >= 3).map(([b]) => b * 3);
}

/** Joins a row's items into segments; a wide gap, or a gap at a column start, separates cells or columns. */
function segmentsOf(items: PdfItem[], size: number, starts: number[]): Segment[] {
  const out: Segment[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const gap = last ? it.x - last.x1 : Infinity;
    const atColumn = gap >= 0.25 * size && starts.some((x) => Math.abs(x - it.x) <= 3);
    if (last && gap <= Math.max(1.8 * size, 10) && !atColumn) {
      const space = gap > 0.15 * size && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += (space ? " " : "") + it.str;
      last.x1 = Math.max(last.x1, it.x + it.width);
    } else out.push({ text: it.str, x0: it.x, x1: it.x + it.width });
  }
  return out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, " ").trim() })).filter((s) => s.text !== "");
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

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
