import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sliceWithout } from "../../src/segment/lines.js";

/** The plain definition: every character in [start, end) that no cut covers. */
function naive(text: string, start: number, end: number, cuts: Array<{ start: number; end: number }>): string {
  let out = "";
  for (let i = start; i < end; i++) if (!cuts.some((c) => i >= c.start && i < c.end)) out += text[i];
  return out;
}

describe("sliceWithout", () => {
  it("keeps exactly the characters no cut covers, for overlapping and unsorted cuts", () => {
    const text = "abcdefghijklmnopqrstuvwxyz0123456789";
    const range = fc.tuple(fc.nat(36), fc.nat(36)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), range, (cuts, r) => {
        expect(sliceWithout(text, r.start, r.end, cuts)).toBe(naive(text, r.start, r.end, cuts));
        // The same array again (its index is reused).
        expect(sliceWithout(text, r.start, r.end, cuts)).toBe(naive(text, r.start, r.end, cuts));
      }),
      { numRuns: 3000 },
    );
  });
});
