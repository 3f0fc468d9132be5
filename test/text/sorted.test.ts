import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverage, lowerBound, sliceByKey } from "../../src/text/sorted.js";

const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([start, len]) => ({ start, end: start + len }));

describe("coverage", () => {
  it("answers as a scan of every range would, for ranges in any order, overlapping or empty", () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), (ranges) => {
        const covered = coverage(ranges);
        for (let at = -2; at <= 84; at++) expect([at, covered(at)]).toEqual([at, ranges.some((r) => at >= r.start && at < r.end)]);
      }),
    );
  });

  it("sees a range nested in an earlier, longer one, and not past the longer one's end", () => {
    const covered = coverage([{ start: 10, end: 12 }, { start: 0, end: 30 }, { start: 40, end: 40 }]);
    expect([0, 11, 12, 29, 30, 40].map(covered)).toEqual([true, true, true, true, false, false]);
  });
});

describe("lowerBound and sliceByKey", () => {
  it("find the first key ≥ value and the keys in [start, end) of a sorted list", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), fc.integer({ min: 0, max: 20 }), (xs, v, len) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const id = (x: number) => x;
        const first = sorted.findIndex((x) => x >= v);
        expect(lowerBound(sorted, v, id)).toBe(first === -1 ? sorted.length : first);
        expect(sliceByKey(sorted, v, v + len, id)).toEqual(sorted.filter((x) => x >= v && x < v + len));
      }),
    );
  });
});
