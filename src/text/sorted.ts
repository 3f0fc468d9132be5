/** First index in `items` (sorted by key) whose key is ≥ value. */
export function lowerBound<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items (sorted by key) whose key lies in [start, end), without scanning the rest. */
export function sliceByKey<T>(items: readonly T[], start: number, end: number, key: (t: T) => number): T[] {
  return items.slice(lowerBound(items, start, key), lowerBound(items, end, key));
}

/**
 * Whether an offset lies in any of the ranges (any order, overlaps and empty ranges allowed), in
 * O(log n) per question: the same answer as `ranges.some((r) => at >= r.start && at < r.end)`, which
 * is quadratic when every date or heading of a long record asks it of the record's thousands of boxes.
 * Built from a snapshot: later changes to the ranges are not seen.
 */
export function coverage(ranges: readonly { start: number; end: number }[]): (at: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts = sorted.map((r) => r.start);
  // reach[k]: the furthest end among the first k + 1 ranges by start.
  const reach: number[] = [];
  let far = -Infinity;
  for (const r of sorted) reach.push((far = Math.max(far, r.end)));
  return (at) => {
    // The ranges that start at or before `at` are a prefix: `at` is covered when one of them ends after it.
    const k = lowerBound(starts, at + 1, (s) => s) - 1;
    return k >= 0 && reach[k]! > at;
  };
}
