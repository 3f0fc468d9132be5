import type { Span } from "../types.js";

/** Offsets ↔ lines and pages for one canonical text (vfile-location's shape). */
export interface Locator {
  /** 1-based line of a 0-based offset. */
  lineOf(offset: number): number;
  /** 1-based page of an offset, null when the text has no pages. */
  pageOf(offset: number): number | null;
  spanOf(start: number, end: number): Span;
  lineStart(line: number): number;
  readonly lineCount: number;
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createLocator(text: string, pageStarts: readonly number[] | null = null): Locator {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => upperBound(lineStarts, offset);
  const pageOf = (offset: number) => (pageStarts ? Math.max(1, upperBound(pageStarts, offset)) : null);
  return {
    lineOf,
    pageOf,
    lineCount: lineStarts.length,
    lineStart: (line) => lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1]!,
    spanOf(start, end) {
      const s = Math.max(0, Math.min(start, text.length));
      const e = Math.max(s, Math.min(end, text.length));
      return { page: pageOf(s), line: lineOf(s), endLine: lineOf(Math.max(s, e - 1)), start: s, end: e };
    },
  };
}
