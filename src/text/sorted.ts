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
