import type { Range } from "../types.js";

export interface Line extends Range {
  /** 1-based line number. */
  n: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let n = 1;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end, n, text: text.slice(start, end) });
    if (nl === -1) return out;
    start = nl + 1;
    n++;
  }
}

/** A line long enough to be a whole PDF page flattened onto one line by a web transcript. */
export const FLAT_LINE = 250;

export function isFlat(line: { start: number; end: number }): boolean {
  return line.end - line.start >= FLAT_LINE;
}

export function inRanges(ranges: readonly Range[], offset: number): boolean {
  for (const r of ranges) if (offset >= r.start && offset < r.end) return true;
  return false;
}

/** Text of [start, end) with the given ranges cut out. */
export function sliceWithout(text: string, start: number, end: number, cuts: readonly Range[]): string {
  let out = "";
  let at = start;
  for (const c of [...cuts].sort((a, b) => a.start - b.start)) {
    if (c.end <= at || c.start >= end) continue;
    if (c.start > at) out += text.slice(at, c.start);
    at = Math.max(at, c.end);
  }
  if (at < end) out += text.slice(at, end);
  return out;
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
