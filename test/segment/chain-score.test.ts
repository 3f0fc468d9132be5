import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestChainOf, bestChainScan } from "../../src/segment/chain-score.js";
import type { ItemCandidate } from "../../src/segment/item-candidates.js";

const line = { start: 0, end: 0, text: "" } as ItemCandidate["line"];

/** Candidates as chooseItems sees them: numbers that go up, repeat, restart at 1 and jump, with every bonus flag. */
const candidates = (maxNumber: number, maxLength: number) =>
  fc
    .array(
      fc.record({
        number: fc.oneof(fc.integer({ min: 0, max: maxNumber }), fc.constantFrom(1, 2, 3)),
        afterBlank: fc.boolean(),
        atLineStart: fc.boolean(),
        toc: fc.boolean(),
        leader: fc.boolean(),
      }),
      { maxLength },
    )
    .map((rows) => rows.map((r, i): ItemCandidate => ({ ...r, style: "para", start: i * 10, titleStart: i * 10 + 4, line })));

/** Runs of consecutive numbers with lists from 1 inside them: the shapes where overList and ties decide. */
const runs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.boolean()), { maxLength: 40 })
  .map((parts) =>
    parts.flatMap(([from, len, afterBlank, leader], p) =>
      Array.from({ length: len }, (_, k): ItemCandidate => ({ number: from + k, style: "para", start: 0, titleStart: 0, atLineStart: true, afterBlank, leader, line, toc: p % 5 === 0 })),
    ).map((c, i) => ({ ...c, start: i * 10, titleStart: i * 10 + 4 })),
  );

const same = (cands: ItemCandidate[]) => {
  const fast = bestChainOf(cands);
  const scan = bestChainScan(cands);
  expect({ score: fast.score, chain: fast.chain.map((c) => c.start) }).toEqual({ score: scan.score, chain: scan.chain.map((c) => c.start) });
};

describe("bestChainOf", () => {
  it("chooses the chain and the score the scan of every predecessor chooses", () => {
    fc.assert(fc.property(candidates(30, 60), same), { numRuns: 400 });
    fc.assert(fc.property(runs, same), { numRuns: 400 });
  });

  it("looks back no further than the scan's window, past hundreds of repeated headers", () => {
    // The hostile 50 MB case: the same record's § 130-132 over and over, one long record.
    const repeated = Array.from({ length: 2000 }, (_, i): ItemCandidate => ({ number: 130 + (i % 3), style: "para", start: i * 10, titleStart: i * 10 + 4, atLineStart: true, afterBlank: i % 7 !== 0, line }));
    same(repeated);
    same(repeated.map((c, i) => ({ ...c, number: i < 1000 ? c.number : 1 + Math.floor(i / 3) })));
  });

  it("links a candidate to one exactly 300 candidates back, not 301", () => {
    const at = (gap: number) =>
      [5, ...Array.from({ length: gap }, () => 1000), 6].map((number, i): ItemCandidate => ({ number, style: "para", start: i, titleStart: i, atLineStart: true, afterBlank: number !== 1000, line }));
    for (const gap of [299, 300]) same(at(gap));
    expect(bestChainOf(at(299)).chain.map((c) => c.number)).toEqual([5, 6]);
    expect(bestChainOf(at(300)).chain.map((c) => c.number)).not.toEqual([5, 6]);
  });

  it("falls back to the scan for numbers that are not whole", () => {
    const cands = [1, 2, 2.5, 3].map((number, i): ItemCandidate => ({ number, style: "para", start: i, titleStart: i, atLineStart: true, afterBlank: true, line }));
    same(cands);
    expect(bestChainOf(cands).chain.map((c) => c.number)).toEqual([1, 2, 2.5, 3]);
  });
});
